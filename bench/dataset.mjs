// Generated datasets for `npm run bench -- --scale`: the same job as the built-in dataset at 5, 10, 20 and 40
// parties, up to the largest dataset the validation accepts (src/data/validate.rs: 40 parties, 200 tactics,
// 4,000 facts, 4 MiB). Deterministic, so runs compare. The words are the built-in dataset's own (names of
// parties, tactics and categories with a number, facts' texts and quotes), so labels have the lengths and
// scripts a reader's would; the quotes are not checked against an article, as the built-in dataset's are.

/** The validation's limits (src/data/validate.rs) the largest generated dataset reaches. */
export const MAX_PARTIES = 40;
export const MAX_TACTICS = 200;
export const MAX_FACTS = 4000;
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const CATEGORIES = 10;
// Facts per party: half of the tactics, so that 40 parties make the 4,000 facts the schema allows.
const FACTS_PER_PARTY = MAX_FACTS / MAX_PARTIES;
// Facts' texts and quotes are cut at a word boundary near this length: the built-in dataset's whole sentences
// (about 100 characters on average, the longest 300) would make 4,000 facts larger than the 4 MiB allowed.
const TEXT_CHARS = 90;

/** A small deterministic generator (mulberry32), so every run measures the same dataset. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const cut = (text) => {
  if (text.length <= TEXT_CHARS) return text;
  const space = text.lastIndexOf(' ', TEXT_CHARS);
  return `${text.slice(0, space > 0 ? space : TEXT_CHARS)}…`;
};
const localized = (value, suffix = '', shorten = (text) => text) => ({
  ar: `${shorten(value.ar)}${suffix}`, fr: `${shorten(value.fr)}${suffix}`, en: `${shorten(value.en)}${suffix}`,
});

/**
 * A valid dataset with `parties` parties (at most 40), 200 tactics in 10 categories and 100 facts per party
 * (half of the party × tactic cells; the others are "not reported", drawn as marks too), built from `source`,
 * the built-in dataset's document.
 */
export function generateDataset(source, parties) {
  if (!Number.isInteger(parties) || parties < 1 || parties > MAX_PARTIES) throw new Error(`generateDataset: parties must be 1 to ${MAX_PARTIES}, not ${parties}`);
  const next = random(2016 + parties);
  const categories = Array.from({ length: CATEGORIES }, (_, index) => ({
    id: `category-${index + 1}`,
    name: localized(source.categories[index % source.categories.length].name, ` ${index + 1}`),
  }));
  const tactics = Array.from({ length: MAX_TACTICS }, (_, index) => ({
    id: `tactic-${index + 1}`,
    // Grouped by category, as the built-in dataset lists them.
    category: categories[Math.floor((index * CATEGORIES) / MAX_TACTICS)].id,
    name: localized(source.tactics[index % source.tactics.length].name, ` ${index + 1}`),
  }));
  const partyList = Array.from({ length: parties }, (_, index) => {
    const model = source.parties[index % source.parties.length];
    return {
      id: `party-${index + 1}`,
      camp: index % 2 ? 'opposition' : 'majority',
      name: localized(model.name, ` ${index + 1}`),
      short_name: localized(model.short_name ?? model.name, ` ${index + 1}`),
    };
  });
  const facts = [];
  for (const party of partyList) {
    // Which half of the tactics this party has a fact for: a partial shuffle of the tactics' positions.
    const positions = tactics.map((_, index) => index);
    for (let index = 0; index < FACTS_PER_PARTY; index += 1) {
      const pick = index + Math.floor(next() * (positions.length - index));
      [positions[index], positions[pick]] = [positions[pick], positions[index]];
    }
    for (const position of positions.slice(0, FACTS_PER_PARTY).sort((a, b) => a - b)) {
      const model = source.facts[facts.length % source.facts.length];
      const draw = next();
      const fact = {
        id: `${party.id}-${tactics[position].id}`,
        party: party.id,
        tactic: tactics[position].id,
        status: draw < 0.7 ? 'used' : draw < 0.95 ? 'not_used' : 'not_yet_used',
        quote: cut(model.quote),
        text: localized(model.text, '', cut),
      };
      const when = next();
      if (when < 0.4) fact.when = 'before_start';
      else if (when < 0.8) fact.when = 'after_start';
      facts.push(fact);
    }
  }
  const dataset = {
    id: `bench-${parties}-parties`,
    title: {
      ar: `بيانات مولَّدة لقياس الأداء: ${parties} حزبا`,
      fr: `Données générées pour la mesure des performances : ${parties} partis`,
      en: `Generated data for the benchmark: ${parties} parties`,
    },
    campaign: source.campaign,
    categories,
    parties: partyList,
    tactics,
    facts,
  };
  const bytes = Buffer.byteLength(JSON.stringify(dataset));
  if (bytes > MAX_DOCUMENT_BYTES) throw new Error(`generateDataset: ${parties} parties make ${bytes} B, more than the ${MAX_DOCUMENT_BYTES} B the widget reads`);
  return dataset;
}
