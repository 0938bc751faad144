//! Pure comparison logic over any valid dataset: profiles, head-to-head, camps, timeline, ranking.
//!
//! Results name parties, tactics, facts and categories by their position in the
//! dataset's slices (`parties()`, `tactics()`, `facts()`, `categories()`), so the
//! views look labels up without searching; ids are accepted only at the edge
//! (`party_index`, `*_by_id`). A party to compare is a [`PartyIndex`], checked once
//! where it enters, so the comparisons themselves have no error to report. Every
//! count a view writes is computed here, once. Nothing here touches the web or can
//! panic on a valid dataset.

use std::fmt;

use crate::data::{Camp, Dataset, Status, Timing, quoted};

/// Why a comparison could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// No party of the dataset has this id.
    UnknownParty(String),
    /// A position past the end of `dataset.parties()`.
    PartyOutOfRange { position: usize, party_count: usize },
}

impl fmt::Display for CompareError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Shortened, because the id may come straight from a URL or an embed attribute.
            CompareError::UnknownParty(id) => write!(formatter, "unknown party {}", quoted(id)),
            CompareError::PartyOutOfRange { position, party_count } => {
                write!(formatter, "no party at position {position}: the dataset has {party_count}")
            }
        }
    }
}

impl std::error::Error for CompareError {}

/// The position of a party checked against the dataset it came from: only [`PartyIndex::new`] and
/// [`party_index`] make one, so the comparisons that take it cannot fail. Given another dataset, it
/// names whatever party is at that position there, or none, which reads as a party of which nothing is
/// reported: a wrong count, never a panic.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PartyIndex(usize);

impl PartyIndex {
    /// The party at `position`, if the dataset has one there.
    pub fn new(dataset: &Dataset, position: usize) -> Result<PartyIndex, CompareError> {
        let party_count = dataset.parties().len();
        if position < party_count {
            Ok(PartyIndex(position))
        } else {
            Err(CompareError::PartyOutOfRange { position, party_count })
        }
    }

    /// Every party of the dataset, in dataset order.
    pub fn all(dataset: &Dataset) -> impl Iterator<Item = PartyIndex> {
        (0..dataset.parties().len()).map(PartyIndex)
    }

    /// The position in `dataset.parties()`.
    pub fn position(self) -> usize {
        self.0
    }
}

/// The party with this id.
pub fn party_index(dataset: &Dataset, id: &str) -> Result<PartyIndex, CompareError> {
    dataset.party_index(id).map(PartyIndex).ok_or_else(|| CompareError::UnknownParty(id.to_owned()))
}

fn tactic_positions(dataset: &Dataset) -> std::ops::Range<usize> {
    0..dataset.tactics().len()
}

/// `part / whole`, and 0 for an empty whole so that no view ever shows NaN.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// How one party's reported tactics fall within one category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryCounts {
    pub category: usize,
    pub used: usize,
    pub not_used: usize,
    pub not_reported: usize,
}

impl CategoryCounts {
    /// How many tactics the category has.
    pub fn total(&self) -> usize {
        self.used + self.not_used + self.not_reported
    }
}

/// Everything the source says, and does not say, about one party.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyProfile {
    pub party: usize,
    /// Tactic positions, in dataset order.
    pub used: Vec<usize>,
    pub not_used: Vec<usize>,
    pub not_reported: Vec<usize>,
    /// Only categories that have tactics, in category order.
    pub by_category: Vec<CategoryCounts>,
    /// Share of the dataset's tactics the party used, in [0, 1]; 0 when the dataset has no tactic.
    pub breadth: f64,
}

/// The profile of one party.
pub fn profile(dataset: &Dataset, party: PartyIndex) -> PartyProfile {
    let party = party.position();
    let mut used = Vec::new();
    let mut not_used = Vec::new();
    let mut not_reported = Vec::new();
    for tactic in tactic_positions(dataset) {
        match dataset.status(party, tactic) {
            Some(Status::Used) => used.push(tactic),
            Some(Status::NotUsed | Status::NotYetUsed) => not_used.push(tactic),
            None => not_reported.push(tactic),
        }
    }
    let mut by_category = Vec::new();
    for (category, members) in dataset.tactics_by_category() {
        let mut counts = CategoryCounts { category, used: 0, not_used: 0, not_reported: 0 };
        for tactic in members {
            match dataset.status(party, tactic) {
                Some(Status::Used) => counts.used += 1,
                Some(Status::NotUsed | Status::NotYetUsed) => counts.not_used += 1,
                None => counts.not_reported += 1,
            }
        }
        by_category.push(counts);
    }
    let breadth = share(used.len(), dataset.tactics().len());
    PartyProfile { party, used, not_used, not_reported, by_category, breadth }
}

/// The profile of every party, in dataset order.
pub fn profiles(dataset: &Dataset) -> Vec<PartyProfile> {
    PartyIndex::all(dataset).map(|party| profile(dataset, party)).collect()
}

/// The profile of the party with this id.
pub fn profile_by_id(dataset: &Dataset, party: &str) -> Result<PartyProfile, CompareError> {
    Ok(profile(dataset, party_index(dataset, party)?))
}

/// Two parties side by side.
///
/// `similarity` is the Jaccard index of the two sets of used tactics,
/// |A ∩ B| / |A ∪ B|, in [0, 1], and 1 when both sets are empty: two parties of
/// which nothing is reported are, as far as the source tells, identical.
/// Jaccard rather than the share of tactics on which the two agree because it
/// ignores the tactics neither used: in a sparse matrix, where most cells are
/// unreported, counting those as agreement would make every pair look alike.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadToHead {
    pub party: usize,
    pub versus: usize,
    /// Tactic positions both used, in dataset order.
    pub shared: Vec<usize>,
    /// Used by `party` and not by `versus` (reported as not used, or not reported).
    pub only_party: Vec<usize>,
    /// Used by `versus` and not by `party`.
    pub only_versus: Vec<usize>,
    /// Tactics one used while the source reports that the other did not: the
    /// differences the article states outright, as opposed to mere silence.
    pub contrasts: Vec<usize>,
    /// How many tactics at least one of the two used: the three lists above together.
    pub used_by_either: usize,
    /// How many tactics neither is reported as using.
    pub used_by_neither: usize,
    pub similarity: f64,
}

/// Compares two parties; the same party twice is allowed (similarity 1).
pub fn head_to_head(dataset: &Dataset, party: PartyIndex, versus: PartyIndex) -> HeadToHead {
    let (party, versus) = (party.position(), versus.position());
    let mut shared = Vec::new();
    let mut only_party = Vec::new();
    let mut only_versus = Vec::new();
    let mut contrasts = Vec::new();
    for tactic in tactic_positions(dataset) {
        let party_status = dataset.status(party, tactic);
        let versus_status = dataset.status(versus, tactic);
        match (party_status, versus_status) {
            (Some(Status::Used), Some(Status::Used)) => shared.push(tactic),
            (Some(Status::Used), _) => only_party.push(tactic),
            (_, Some(Status::Used)) => only_versus.push(tactic),
            _ => {}
        }
        let stated_difference = matches!(
            (party_status, versus_status),
            (Some(Status::Used), Some(Status::NotUsed | Status::NotYetUsed)) | (Some(Status::NotUsed | Status::NotYetUsed), Some(Status::Used))
        );
        if stated_difference {
            contrasts.push(tactic);
        }
    }
    let used_by_either = shared.len() + only_party.len() + only_versus.len();
    // Each tactic is in at most one of the lists, so this never saturates.
    let used_by_neither = dataset.tactics().len().saturating_sub(used_by_either);
    let similarity = if used_by_either == 0 { 1.0 } else { share(shared.len(), used_by_either) };
    HeadToHead { party, versus, shared, only_party, only_versus, contrasts, used_by_either, used_by_neither, similarity }
}

/// Compares two parties by id.
pub fn head_to_head_by_id(dataset: &Dataset, party: &str, versus: &str) -> Result<HeadToHead, CompareError> {
    Ok(head_to_head(dataset, party_index(dataset, party)?, party_index(dataset, versus)?))
}

/// Who, in each camp, the source reports as using or not using one tactic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TacticByCamp {
    pub tactic: usize,
    /// Party positions, in dataset order.
    pub majority_parties: Vec<usize>,
    pub opposition_parties: Vec<usize>,
    pub majority_not_used: Vec<usize>,
    pub opposition_not_used: Vec<usize>,
}

impl TacticByCamp {
    /// The camp's parties the source reports as using the tactic.
    pub fn users(&self, camp: Camp) -> &[usize] {
        match camp {
            Camp::Majority => &self.majority_parties,
            Camp::Opposition => &self.opposition_parties,
        }
    }

    /// The camp's parties the source reports as not using it (or not yet).
    pub fn not_used(&self, camp: Camp) -> &[usize] {
        match camp {
            Camp::Majority => &self.majority_not_used,
            Camp::Opposition => &self.opposition_not_used,
        }
    }
}

/// The governing majority against the opposition, tactic by tactic.
#[derive(Clone, Debug, PartialEq)]
pub struct CampsComparison {
    /// One entry per tactic, in dataset order.
    pub tactics: Vec<TacticByCamp>,
    /// Each camp's party positions, in dataset order.
    pub majority_members: Vec<usize>,
    pub opposition_members: Vec<usize>,
    pub majority_party_count: usize,
    pub opposition_party_count: usize,
    /// How many tactics at least one party of the camp used.
    pub majority_covered: usize,
    pub opposition_covered: usize,
    /// Share of the dataset's tactics used by at least one party of the camp;
    /// 0 when the camp has no party or the dataset no tactic.
    pub majority_coverage: f64,
    pub opposition_coverage: f64,
}

impl CampsComparison {
    pub fn members(&self, camp: Camp) -> &[usize] {
        match camp {
            Camp::Majority => &self.majority_members,
            Camp::Opposition => &self.opposition_members,
        }
    }

    pub fn party_count(&self, camp: Camp) -> usize {
        match camp {
            Camp::Majority => self.majority_party_count,
            Camp::Opposition => self.opposition_party_count,
        }
    }

    /// How many tactics at least one party of the camp used, and that as a share of all the tactics.
    pub fn coverage(&self, camp: Camp) -> (usize, f64) {
        match camp {
            Camp::Majority => (self.majority_covered, self.majority_coverage),
            Camp::Opposition => (self.opposition_covered, self.opposition_coverage),
        }
    }

    /// The share of the camp's parties that used the tactic; 0 for a camp without a party.
    pub fn user_share(&self, entry: &TacticByCamp, camp: Camp) -> f64 {
        share(entry.users(camp).len(), self.party_count(camp))
    }

    /// The entry of the tactic at this position: there is one per tactic, in dataset order.
    pub fn entry(&self, tactic: usize) -> Option<&TacticByCamp> {
        self.tactics.get(tactic).filter(|entry| entry.tactic == tactic)
    }

    /// The tactics some party of `camp` used and no party of `other`, in dataset order.
    pub fn used_only_by(&self, camp: Camp, other: Camp) -> impl Iterator<Item = usize> + '_ {
        self.tactics.iter().filter(move |entry| !entry.users(camp).is_empty() && entry.users(other).is_empty()).map(|entry| entry.tactic)
    }
}

pub fn camps(dataset: &Dataset) -> CampsComparison {
    let parties = dataset.parties();
    let mut majority_members = Vec::new();
    let mut opposition_members = Vec::new();
    for (position, party) in parties.iter().enumerate() {
        match party.camp {
            Camp::Majority => majority_members.push(position),
            Camp::Opposition => opposition_members.push(position),
        }
    }
    let mut tactics = Vec::with_capacity(dataset.tactics().len());
    let mut covered_by_majority = 0;
    let mut covered_by_opposition = 0;
    for tactic in tactic_positions(dataset) {
        let mut entry = TacticByCamp {
            tactic,
            majority_parties: Vec::new(),
            opposition_parties: Vec::new(),
            majority_not_used: Vec::new(),
            opposition_not_used: Vec::new(),
        };
        for (position, party) in parties.iter().enumerate() {
            let list = match (party.camp, dataset.status(position, tactic)) {
                (Camp::Majority, Some(Status::Used)) => &mut entry.majority_parties,
                (Camp::Majority, Some(Status::NotUsed | Status::NotYetUsed)) => &mut entry.majority_not_used,
                (Camp::Opposition, Some(Status::Used)) => &mut entry.opposition_parties,
                (Camp::Opposition, Some(Status::NotUsed | Status::NotYetUsed)) => &mut entry.opposition_not_used,
                (_, None) => continue,
            };
            list.push(position);
        }
        covered_by_majority += usize::from(!entry.majority_parties.is_empty());
        covered_by_opposition += usize::from(!entry.opposition_parties.is_empty());
        tactics.push(entry);
    }
    let tactic_count = tactics.len();
    CampsComparison {
        majority_party_count: majority_members.len(),
        opposition_party_count: opposition_members.len(),
        majority_members,
        opposition_members,
        majority_covered: covered_by_majority,
        opposition_covered: covered_by_opposition,
        // A camp without a party covers nothing, so its share is 0 by `share`'s own rule.
        majority_coverage: share(covered_by_majority, tactic_count),
        opposition_coverage: share(covered_by_opposition, tactic_count),
        tactics,
    }
}

/// One party's used facts, by when they began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineCounts {
    pub party: usize,
    pub before_start: usize,
    pub after_start: usize,
    pub unspecified: usize,
}

/// The `used` facts placed against the campaign's official start.
///
/// Facts with status `not_used` are left out: a thing not done has no start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// Fact positions, in dataset order.
    pub before_start: Vec<usize>,
    pub after_start: Vec<usize>,
    /// Used facts whose `when` the source does not give.
    pub unspecified: Vec<usize>,
    /// One entry per party, in dataset order, including parties with no fact.
    pub per_party: Vec<TimelineCounts>,
}

pub fn timeline(dataset: &Dataset) -> Timeline {
    let mut timeline = Timeline {
        before_start: Vec::new(),
        after_start: Vec::new(),
        unspecified: Vec::new(),
        per_party: Vec::with_capacity(dataset.parties().len()),
    };
    for party in 0..dataset.parties().len() {
        timeline.per_party.push(TimelineCounts { party, before_start: 0, after_start: 0, unspecified: 0 });
    }
    for (position, fact) in dataset.facts().iter().enumerate() {
        if fact.status != Status::Used {
            continue;
        }
        // `get_mut` rather than indexing: the party position comes from the
        // dataset's own resolution, but a miss must cost a count, not a panic.
        let counts = dataset.party_of_fact(position).and_then(|party| timeline.per_party.get_mut(party));
        match fact.when {
            Some(Timing::BeforeStart) => {
                timeline.before_start.push(position);
                if let Some(counts) = counts {
                    counts.before_start += 1;
                }
            }
            Some(Timing::AfterStart) => {
                timeline.after_start.push(position);
                if let Some(counts) = counts {
                    counts.after_start += 1;
                }
            }
            None => {
                timeline.unspecified.push(position);
                if let Some(counts) = counts {
                    counts.unspecified += 1;
                }
            }
        }
    }
    timeline
}

/// How many parties the source reports as using each tactic, in dataset order.
pub fn users_per_tactic(dataset: &Dataset) -> Vec<usize> {
    tactic_positions(dataset)
        .map(|tactic| PartyIndex::all(dataset).filter(|party| dataset.status(party.position(), tactic) == Some(Status::Used)).count())
        .collect()
}

/// A party's place in the ranking by breadth.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedParty {
    pub party: usize,
    pub used_count: usize,
    pub breadth: f64,
}

/// Parties by breadth, widest first; ties keep dataset order.
///
/// Sorted on the integer count of used tactics, which orders exactly as
/// breadth does (one shared denominator) without any float comparison.
pub fn ranking(dataset: &Dataset) -> Vec<RankedParty> {
    let tactic_count = dataset.tactics().len();
    let mut ranked: Vec<RankedParty> = (0..dataset.parties().len())
        .map(|party| {
            let used_count = tactic_positions(dataset)
                .filter(|&tactic| dataset.status(party, tactic) == Some(Status::Used))
                .count();
            RankedParty { party, used_count, breadth: share(used_count, tactic_count) }
        })
        .collect();
    // `sort_by_key` is stable, which is what keeps ties in dataset order.
    ranked.sort_by_key(|ranked| std::cmp::Reverse(ranked.used_count));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a dataset from compact rows: parties `(id, camp)`, tactics
    /// `(id, category)` and facts `(party, tactic, status, when)`.
    fn dataset(
        parties: &[(&str, &str)],
        tactics: &[(&str, &str)],
        facts: &[(&str, &str, &str, Option<&str>)],
    ) -> Dataset {
        let name = |text: &str| serde_json::json!({ "ar": text, "fr": text, "en": text });
        let parties: Vec<_> = parties
            .iter()
            .map(|(id, camp)| serde_json::json!({ "id": id, "camp": camp, "name": name(id) }))
            .collect();
        let tactics: Vec<_> = tactics
            .iter()
            .map(|(id, category)| serde_json::json!({ "id": id, "category": category, "name": name(id) }))
            .collect();
        let facts: Vec<_> = facts
            .iter()
            .map(|(party, tactic, status, when)| {
                let mut fact = serde_json::json!({
                    "party": party, "tactic": tactic, "status": status,
                    "quote": "quote", "text": name("text"),
                });
                if let Some(when) = when {
                    fact["when"] = serde_json::json!(when);
                }
                fact
            })
            .collect();
        let json = serde_json::json!({ "parties": parties, "tactics": tactics, "facts": facts }).to_string();
        Dataset::from_json(&json).unwrap()
    }

    fn at(dataset: &Dataset, position: usize) -> PartyIndex {
        PartyIndex::new(dataset, position).unwrap()
    }

    /// Two majority parties, one opposition party with nothing reported, four tactics.
    fn sample() -> Dataset {
        dataset(
            &[("alpha", "majority"), ("beta", "majority"), ("gamma", "opposition")],
            &[("tv", "media"), ("radio", "media"), ("live", "live"), ("tag", "social")],
            &[
                ("alpha", "tv", "used", Some("before_start")),
                ("alpha", "live", "used", Some("after_start")),
                ("alpha", "tag", "used", None),
                ("beta", "tv", "used", None),
                ("beta", "live", "not_used", None),
                ("beta", "radio", "used", Some("after_start")),
                ("beta", "tag", "not_used", Some("before_start")),
            ],
        )
    }

    #[test]
    fn profile_sorts_every_tactic_into_exactly_one_list() {
        let dataset = sample();
        let beta = profile_by_id(&dataset, "beta").unwrap();
        assert_eq!(beta.party, 1);
        assert_eq!(beta.used, vec![0, 1]);
        assert_eq!(beta.not_used, vec![2, 3]);
        assert!(beta.not_reported.is_empty());
        assert_eq!(beta.breadth, 0.5);
    }

    #[test]
    fn profile_counts_per_category_in_category_order() {
        let dataset = sample();
        let alpha = profile(&dataset, at(&dataset, 0));
        let categories: Vec<&str> =
            alpha.by_category.iter().map(|counts| dataset.categories()[counts.category].id.as_str()).collect();
        assert_eq!(categories, ["media", "live", "social"]);
        assert_eq!(alpha.by_category[0], CategoryCounts { category: 0, used: 1, not_used: 0, not_reported: 1 });
        assert_eq!(alpha.by_category[1], CategoryCounts { category: 1, used: 1, not_used: 0, not_reported: 0 });
    }

    #[test]
    fn a_party_with_no_facts_has_everything_unreported() {
        let dataset = sample();
        let gamma = profile_by_id(&dataset, "gamma").unwrap();
        assert!(gamma.used.is_empty() && gamma.not_used.is_empty());
        assert_eq!(gamma.not_reported, vec![0, 1, 2, 3]);
        assert_eq!(gamma.breadth, 0.0);
        let total: usize = gamma.by_category.iter().map(|counts| counts.not_reported).sum();
        assert_eq!(total, 4);
    }

    #[test]
    fn head_to_head_splits_used_tactics_and_finds_stated_contrasts() {
        let dataset = sample();
        let duel = head_to_head_by_id(&dataset, "alpha", "beta").unwrap();
        assert_eq!(duel.shared, vec![0]);
        assert_eq!(duel.only_party, vec![2, 3]);
        assert_eq!(duel.only_versus, vec![1]);
        // Alpha used live and tag, which beta is reported as not using; radio is
        // used by beta but alpha's radio is unreported, so it is no contrast.
        assert_eq!(duel.contrasts, vec![2, 3]);
        assert_eq!((duel.used_by_either, duel.used_by_neither), (4, 0));
        assert_eq!(duel.similarity, 0.25);
        let silent = head_to_head_by_id(&dataset, "beta", "gamma").unwrap();
        assert_eq!((silent.used_by_either, silent.used_by_neither), (2, 2));
    }

    #[test]
    fn head_to_head_is_symmetric_in_its_lists() {
        let dataset = sample();
        let forward = head_to_head(&dataset, at(&dataset, 0), at(&dataset, 1));
        let backward = head_to_head(&dataset, at(&dataset, 1), at(&dataset, 0));
        assert_eq!(forward.shared, backward.shared);
        assert_eq!(forward.only_party, backward.only_versus);
        assert_eq!(forward.contrasts, backward.contrasts);
        assert_eq!(forward.similarity, backward.similarity);
    }

    #[test]
    fn a_party_against_itself_is_identical() {
        let dataset = sample();
        let mirror = head_to_head(&dataset, at(&dataset, 0), at(&dataset, 0));
        assert_eq!(mirror.shared, vec![0, 2, 3]);
        assert!(mirror.only_party.is_empty() && mirror.only_versus.is_empty() && mirror.contrasts.is_empty());
        assert_eq!(mirror.similarity, 1.0);
    }

    #[test]
    fn two_parties_with_nothing_used_are_identical() {
        let dataset = dataset(
            &[("one", "majority"), ("two", "opposition")],
            &[("tv", "media")],
            &[("one", "tv", "not_used", None)],
        );
        let duel = head_to_head(&dataset, at(&dataset, 0), at(&dataset, 1));
        assert_eq!(duel.similarity, 1.0);
        assert!(duel.contrasts.is_empty());
    }

    #[test]
    fn identical_parties_have_similarity_one_and_no_differences() {
        let dataset = dataset(
            &[("one", "majority"), ("two", "opposition")],
            &[("tv", "media"), ("radio", "media"), ("live", "live")],
            &[
                ("one", "tv", "used", None),
                ("one", "live", "used", None),
                ("two", "tv", "used", None),
                ("two", "live", "used", None),
            ],
        );
        let duel = head_to_head_by_id(&dataset, "one", "two").unwrap();
        assert_eq!(duel.shared, vec![0, 2]);
        assert_eq!(duel.similarity, 1.0);
        let ranked = ranking(&dataset);
        assert_eq!(ranked[0].used_count, ranked[1].used_count);
    }

    #[test]
    fn disjoint_parties_have_similarity_zero() {
        let dataset = dataset(
            &[("one", "majority"), ("two", "opposition")],
            &[("tv", "media"), ("radio", "media")],
            &[("one", "tv", "used", None), ("two", "radio", "used", None)],
        );
        assert_eq!(head_to_head(&dataset, at(&dataset, 0), at(&dataset, 1)).similarity, 0.0);
    }

    #[test]
    fn unknown_ids_and_positions_are_errors_not_panics() {
        let dataset = sample();
        assert_eq!(party_index(&dataset, "xyz"), Err(CompareError::UnknownParty("xyz".to_owned())));
        assert_eq!(profile_by_id(&dataset, "xyz").unwrap_err().to_string(), r#"unknown party "xyz""#);
        assert!(matches!(head_to_head_by_id(&dataset, "alpha", "xyz"), Err(CompareError::UnknownParty(id)) if id == "xyz"));
        assert!(matches!(head_to_head_by_id(&dataset, "", "alpha"), Err(CompareError::UnknownParty(id)) if id.is_empty()));
        assert_eq!(PartyIndex::new(&dataset, 3), Err(CompareError::PartyOutOfRange { position: 3, party_count: 3 }));
        assert!(PartyIndex::new(&dataset, usize::MAX).is_err());
        assert_eq!(PartyIndex::all(&dataset).map(PartyIndex::position).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn a_huge_unknown_id_gives_a_short_message() {
        let dataset = sample();
        let id = "x".repeat(100_000);
        let message = profile_by_id(&dataset, &id).unwrap_err().to_string();
        assert!(message.starts_with("unknown party \"xxx"), "{message}");
        assert!(message.len() < 100, "{} bytes", message.len());
    }

    #[test]
    fn a_single_party_dataset_compares_with_itself_only() {
        let dataset = dataset(&[("solo", "opposition")], &[("tv", "media"), ("radio", "media")], &[(
            "solo",
            "tv",
            "used",
            Some("before_start"),
        )]);
        assert_eq!(profile(&dataset, at(&dataset, 0)).breadth, 0.5);
        assert_eq!(head_to_head(&dataset, at(&dataset, 0), at(&dataset, 0)).similarity, 1.0);
        assert!(PartyIndex::new(&dataset, 1).is_err());
        let camps = camps(&dataset);
        assert_eq!((camps.majority_party_count, camps.opposition_party_count), (0, 1));
        assert_eq!(camps.majority_coverage, 0.0);
        assert_eq!(camps.opposition_coverage, 0.5);
        let ranked = ranking(&dataset);
        assert_eq!(ranked, vec![RankedParty { party: 0, used_count: 1, breadth: 0.5 }]);
        let timeline = timeline(&dataset);
        assert_eq!(timeline.before_start, vec![0]);
        assert_eq!(timeline.per_party, vec![TimelineCounts { party: 0, before_start: 1, after_start: 0, unspecified: 0 }]);
    }

    #[test]
    fn camps_list_users_and_refusers_per_tactic() {
        let dataset = dataset(
            &[("alpha", "majority"), ("delta", "opposition"), ("beta", "majority"), ("gamma", "opposition")],
            &[("tv", "media"), ("radio", "media"), ("live", "live")],
            &[
                ("alpha", "tv", "used", None),
                ("beta", "tv", "used", None),
                ("gamma", "tv", "not_used", None),
                ("delta", "live", "used", None),
                ("alpha", "live", "not_used", None),
            ],
        );
        let camps = camps(&dataset);
        assert_eq!((camps.majority_party_count, camps.opposition_party_count), (2, 2));
        assert_eq!((camps.members(Camp::Majority), camps.members(Camp::Opposition)), (&[0, 2][..], &[1, 3][..]));
        assert_eq!(camps.tactics.len(), 3);
        let television = &camps.tactics[0];
        assert_eq!(television.majority_parties, vec![0, 2]);
        assert_eq!(television.opposition_not_used, vec![3]);
        assert!(television.opposition_parties.is_empty() && television.majority_not_used.is_empty());
        let live = &camps.tactics[2];
        assert_eq!(live.opposition_parties, vec![1]);
        assert_eq!(live.majority_not_used, vec![0]);
        let radio = &camps.tactics[1];
        assert!(radio.majority_parties.is_empty() && radio.opposition_parties.is_empty());
        assert!((camps.majority_coverage - 1.0 / 3.0).abs() < 1e-12);
        assert!((camps.opposition_coverage - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!((camps.majority_covered, camps.opposition_covered), (1, 1));
        assert_eq!(camps.coverage(Camp::Majority), (1, camps.majority_coverage));
        assert_eq!(television.users(Camp::Majority), [0, 2]);
        assert_eq!(television.not_used(Camp::Opposition), [3]);
        assert_eq!(camps.user_share(television, Camp::Majority), 1.0);
        assert_eq!(camps.user_share(live, Camp::Opposition), 0.5);
        assert_eq!(camps.entry(2), Some(live));
        assert_eq!(camps.entry(3), None);
        assert_eq!(camps.used_only_by(Camp::Majority, Camp::Opposition).collect::<Vec<_>>(), [0]);
        assert_eq!(camps.used_only_by(Camp::Opposition, Camp::Majority).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn users_per_tactic_count_the_parties_reported_as_using_each_tactic() {
        let dataset = sample();
        assert_eq!(users_per_tactic(&dataset), [2, 1, 1, 1]);
        let profiles = profiles(&dataset);
        assert_eq!(profiles.iter().map(|profile| profile.used.len()).collect::<Vec<_>>(), [3, 2, 0]);
        assert!(profiles.iter().all(|profile| profile.by_category.iter().map(CategoryCounts::total).sum::<usize>() == 4));
    }

    #[test]
    fn timeline_places_used_facts_and_leaves_out_not_used_ones() {
        let dataset = sample();
        let timeline = timeline(&dataset);
        // Fact 6 (beta's tag) says before_start but is not_used: it must not appear.
        assert_eq!(timeline.before_start, vec![0]);
        assert_eq!(timeline.after_start, vec![1, 5]);
        assert_eq!(timeline.unspecified, vec![2, 3]);
        assert_eq!(
            timeline.per_party,
            vec![
                TimelineCounts { party: 0, before_start: 1, after_start: 1, unspecified: 1 },
                TimelineCounts { party: 1, before_start: 0, after_start: 1, unspecified: 1 },
                TimelineCounts { party: 2, before_start: 0, after_start: 0, unspecified: 0 },
            ]
        );
    }

    #[test]
    fn ranking_orders_by_breadth_and_keeps_ties_in_dataset_order() {
        let dataset = dataset(
            &[("one", "majority"), ("two", "opposition"), ("three", "majority"), ("four", "opposition")],
            &[("tv", "media"), ("radio", "media"), ("live", "live")],
            &[
                ("one", "tv", "used", None),
                ("two", "tv", "used", None),
                ("two", "radio", "used", None),
                ("three", "live", "used", None),
                ("four", "tv", "used", None),
                ("four", "radio", "used", None),
                ("one", "radio", "not_used", None),
            ],
        );
        let order: Vec<(usize, usize)> = ranking(&dataset).iter().map(|ranked| (ranked.party, ranked.used_count)).collect();
        assert_eq!(order, vec![(1, 2), (3, 2), (0, 1), (2, 1)]);
        let ranked = ranking(&dataset);
        assert!((ranked[0].breadth - 2.0 / 3.0).abs() < 1e-12);
        assert!(ranked.windows(2).all(|pair| pair[0].breadth >= pair[1].breadth));
    }

    #[test]
    fn ranking_of_parties_with_nothing_used_is_dataset_order() {
        let dataset = dataset(&[("c", "majority"), ("a", "opposition"), ("b", "majority")], &[("tv", "media")], &[]);
        let order: Vec<usize> = ranking(&dataset).iter().map(|ranked| ranked.party).collect();
        assert_eq!(order, vec![0, 1, 2]);
        assert!(ranking(&dataset).iter().all(|ranked| ranked.breadth == 0.0));
    }

    #[test]
    fn declared_categories_without_tactics_are_left_out_of_profiles() {
        let json = r#"{
            "categories": [
                {"id": "empty", "name": {"ar": "e", "fr": "e", "en": "e"}},
                {"id": "media", "name": {"ar": "m", "fr": "m", "en": "m"}}
            ],
            "parties": [{"id": "one", "camp": "majority", "name": {"ar": "o", "fr": "o", "en": "o"}}],
            "tactics": [{"id": "tv", "category": "media", "name": {"ar": "t", "fr": "t", "en": "t"}}],
            "facts": []
        }"#;
        let dataset = Dataset::from_json(json).unwrap();
        let one = profile(&dataset, at(&dataset, 0));
        assert_eq!(one.by_category, vec![CategoryCounts { category: 1, used: 0, not_used: 0, not_reported: 1 }]);
    }
}
