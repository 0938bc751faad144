// Which WebAssembly features a module uses, read from its bytes (no dependency), and a tiny probe module
// for each feature, to ask an engine whether it supports it (WebAssembly.validate).
//
// Every section and every instruction of every function is decoded; what belongs to a proposal beyond the
// MVP is named after it. An opcode of a proposal this reader does not decode in full (SIMD, threads, GC...)
// is named, and the rest of that function body skipped: the module uses the feature either way. An
// opcode unknown to it is reported as "unknown opcode", so a new encoding cannot pass unnoticed.
// CLI: node tests/browser/wasm-features.mjs dist/*.wasm

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const FEATURE_NAMES = {
  'mutable-globals': 'import or export of a mutable global',
  'sign-ext': 'sign-extension operators (i32.extend8_s...)',
  'nontrapping-float-to-int': 'saturating float-to-int conversions (i32.trunc_sat_f32_s...)',
  'bulk-memory': 'bulk memory (memory.copy, memory.fill, passive segments, data count)',
  'reference-types': 'reference types (externref, several tables, table.get/set/grow...)',
  multivalue: 'multi-value (several results, block types with parameters)',
  simd: 'fixed-width SIMD (v128)',
  'relaxed-simd': 'relaxed SIMD',
  threads: 'threads (shared memory, atomics)',
  'exception-handling': 'exception handling: tags and throw, common to both encodings below',
  'exception-handling-legacy': 'exception handling, legacy encoding (try, catch, catch_all, rethrow, delegate)',
  exnref: 'exception handling with exnref (try_table, throw_ref, exnref)',
  'tail-call': 'tail calls (return_call...)',
  'typed-function-references': 'typed function references (call_ref, (ref $t))',
  gc: 'garbage collection (struct, array, i31, rec groups)',
  memory64: '64-bit memory indexes',
  'multi-memory': 'several memories',
  'extended-const': 'extended constant expressions (i32.add in a global initialiser...)',
  'custom-page-sizes': 'custom page sizes',
  'wide-arithmetic': 'wide arithmetic (i64.add128...)',
};

class Reader {
  constructor(bytes, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
  }

  byte() {
    if (this.at >= this.end) throw new Error(`unexpected end of ${this.end === this.bytes.length ? 'module' : 'section'} at byte ${this.at}`);
    return this.bytes[this.at++];
  }

  /** Unsigned LEB128 (up to 64 bits, as a Number: exact below 2^53, enough to skip). */
  u32() {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return result;
    }
  }

  /** Signed LEB128 (s33 for block types, s32/s64 for constants). */
  s64() {
    let result = 0;
    let scale = 1;
    let byte;
    do {
      byte = this.byte();
      result += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return byte & 0x40 ? result - scale : result;
  }

  skip(count) {
    if (this.at + count > this.end) throw new Error(`unexpected end at byte ${this.at}`);
    this.at += count;
  }

  name() {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.skip(length);
    return text;
  }
}

const NUMERIC = new Set([0x7f, 0x7e, 0x7d, 0x7c]);
const ABSTRACT_GC = new Set([0x6e, 0x6d, 0x6c, 0x6b, 0x6a, 0x71, 0x72, 0x73]);

/** Reads a value type and notes the feature it needs. */
function valueType(reader, use) {
  const code = reader.byte();
  if (NUMERIC.has(code)) return code;
  if (code === 0x7b) return use('simd', 'v128 value type');
  if (code === 0x70 || code === 0x6f) return use('reference-types', code === 0x70 ? 'funcref value' : 'externref value');
  if (code === 0x69 || code === 0x74) return use('exnref', 'exnref value');
  if (ABSTRACT_GC.has(code)) return use('gc', `abstract heap type 0x${code.toString(16)}`);
  if (code === 0x64 || code === 0x63) {
    heapType(reader, use);
    return use('typed-function-references', '(ref ...) value type');
  }
  throw new Error(`unknown value type 0x${code.toString(16)} at byte ${reader.at - 1}`);
}

function heapType(reader, use) {
  const first = reader.bytes[reader.at];
  if ((first & 0xc0) === 0x40) {
    // A one-byte negative s33: an abstract heap type (func, extern, any, eq, exn...).
    const code = reader.byte();
    if (ABSTRACT_GC.has(code)) use('gc', `abstract heap type 0x${code.toString(16)}`);
    if (code === 0x69 || code === 0x74) use('exnref', 'exn heap type');
    return;
  }
  reader.s64();
  use('typed-function-references', 'concrete heap type');
}

function limits(reader, use, kind) {
  const flags = reader.byte();
  if (flags & 0x02) use('threads', `shared ${kind}`);
  if (flags & 0x04) use('memory64', `64-bit ${kind}`);
  if (flags & 0x08) use('custom-page-sizes', `custom page size ${kind}`);
  if (flags & ~0x0f) throw new Error(`unknown limits flags 0x${flags.toString(16)}`);
  reader.u32();
  if (flags & 0x01) reader.u32();
  if (flags & 0x08) reader.u32();
}

function tableType(reader, use) {
  if (reader.bytes[reader.at] === 0x40) {
    // A table with an initialiser expression.
    reader.byte();
    reader.byte();
    use('typed-function-references', 'table initialiser');
    const type = valueType(reader, use);
    limits(reader, use, 'table');
    constantExpression(reader, use);
    return type;
  }
  const type = valueType(reader, use);
  if (type !== 0x70) use('reference-types', 'table of another type than funcref');
  limits(reader, use, 'table');
  return type;
}

function blockType(reader, use, types) {
  const first = reader.bytes[reader.at];
  if (first === 0x40) return reader.byte();
  // A value type is a one-byte negative s33; a type index is a non-negative one.
  if ((first & 0xc0) === 0x40) return valueType(reader, use);
  const index = reader.s64();
  const type = types[index];
  use('multivalue', `block of type ${index}${type ? ` (${type.params} parameters, ${type.results} results)` : ''}`);
  return index;
}

/** Constant expressions (global initialisers, segment offsets): the MVP allows consts, global.get, ref.*. */
function constantExpression(reader, use) {
  for (;;) {
    const opcode = reader.byte();
    if (opcode === 0x0b) return;
    if (opcode === 0x41 || opcode === 0x42) reader.s64();
    else if (opcode === 0x43) reader.skip(4);
    else if (opcode === 0x44) reader.skip(8);
    else if (opcode === 0x23) reader.u32();
    else if (opcode === 0xd0) heapType(reader, use);
    else if (opcode === 0xd2) reader.u32();
    else if ([0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(opcode)) use('extended-const', `opcode 0x${opcode.toString(16)} in a constant expression`);
    else if (opcode === 0xfd) {
      use('simd', 'v128.const in a constant expression');
      reader.u32();
      reader.skip(16);
    } else if (opcode === 0xfb) {
      use('gc', 'GC instruction in a constant expression');
      throw new SkipExpression();
    } else throw new Error(`unknown opcode 0x${opcode.toString(16)} in a constant expression at byte ${reader.at - 1}`);
  }
}

class SkipExpression extends Error {}

function memarg(reader, use) {
  const align = reader.u32();
  if (align & 0x40) {
    const memory = reader.u32();
    if (memory !== 0) use('multi-memory', `memory ${memory} in a load or store`);
  }
  reader.u32();
}

function memoryIndex(reader, use) {
  const index = reader.u32();
  if (index !== 0) use('multi-memory', `memory ${index}`);
}

/** Walks one function body; returns early (skipping the rest) at an instruction this reader does not decode. */
function functionBody(reader, use, types) {
  const groups = reader.u32();
  for (let group = 0; group < groups; group += 1) {
    reader.u32();
    valueType(reader, use);
  }
  while (reader.at < reader.end) {
    const opcode = reader.byte();
    if (opcode <= 0x01 || opcode === 0x05 || opcode === 0x0b || opcode === 0x0f || opcode === 0x1a || opcode === 0x1b || (opcode >= 0x45 && opcode <= 0xbf)) continue;
    if (opcode >= 0xc0 && opcode <= 0xc4) {
      use('sign-ext', `opcode 0x${opcode.toString(16)}`);
      continue;
    }
    switch (opcode) {
      case 0x02: case 0x03: case 0x04: blockType(reader, use, types); break;
      case 0x06: use('exception-handling-legacy', 'try'); blockType(reader, use, types); break;
      case 0x07: use('exception-handling-legacy', 'catch'); reader.u32(); break;
      case 0x08: use('exception-handling', 'throw'); reader.u32(); break;
      case 0x09: use('exception-handling-legacy', 'rethrow'); reader.u32(); break;
      case 0x0a: use('exnref', 'throw_ref'); break;
      case 0x18: use('exception-handling-legacy', 'delegate'); reader.u32(); break;
      case 0x19: use('exception-handling-legacy', 'catch_all'); break;
      case 0x1f: use('exnref', 'try_table'); return;
      case 0x0c: case 0x0d: reader.u32(); break;
      case 0x0e: { const count = reader.u32(); for (let index = 0; index <= count; index += 1) reader.u32(); break; }
      case 0x10: reader.u32(); break;
      case 0x11: {
        reader.u32();
        const table = reader.u32();
        if (table !== 0) use('reference-types', `call_indirect through table ${table}`);
        break;
      }
      case 0x12: use('tail-call', 'return_call'); reader.u32(); break;
      case 0x13: use('tail-call', 'return_call_indirect'); reader.u32(); reader.u32(); break;
      case 0x14: use('typed-function-references', 'call_ref'); reader.u32(); break;
      case 0x15: use('tail-call', 'return_call_ref'); use('typed-function-references', 'return_call_ref'); reader.u32(); break;
      case 0x1c: { use('reference-types', 'typed select'); const count = reader.u32(); for (let index = 0; index < count; index += 1) valueType(reader, use); break; }
      case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: reader.u32(); break;
      case 0x25: case 0x26: use('reference-types', opcode === 0x25 ? 'table.get' : 'table.set'); reader.u32(); break;
      case 0x3f: case 0x40: memoryIndex(reader, use); break;
      case 0x41: case 0x42: reader.s64(); break;
      case 0x43: reader.skip(4); break;
      case 0x44: reader.skip(8); break;
      case 0xd0: use('reference-types', 'ref.null'); heapType(reader, use); break;
      case 0xd1: use('reference-types', 'ref.is_null'); break;
      case 0xd2: use('reference-types', 'ref.func'); reader.u32(); break;
      case 0xd3: use('gc', 'ref.eq'); break;
      case 0xd4: use('typed-function-references', 'ref.as_non_null'); break;
      case 0xd5: case 0xd6: use('typed-function-references', opcode === 0xd5 ? 'br_on_null' : 'br_on_non_null'); reader.u32(); break;
      case 0xfc: {
        const sub = reader.u32();
        if (sub <= 7) use('nontrapping-float-to-int', `0xfc ${sub}`);
        else if (sub === 8) { use('bulk-memory', 'memory.init'); reader.u32(); memoryIndex(reader, use); }
        else if (sub === 9) { use('bulk-memory', 'data.drop'); reader.u32(); }
        else if (sub === 10) { use('bulk-memory', 'memory.copy'); memoryIndex(reader, use); memoryIndex(reader, use); }
        else if (sub === 11) { use('bulk-memory', 'memory.fill'); memoryIndex(reader, use); }
        else if (sub === 12) { use('bulk-memory', 'table.init'); reader.u32(); reader.u32(); }
        else if (sub === 13) { use('bulk-memory', 'elem.drop'); reader.u32(); }
        else if (sub === 14) { use('bulk-memory', 'table.copy'); reader.u32(); reader.u32(); }
        else if (sub >= 15 && sub <= 17) { use('reference-types', ['table.grow', 'table.size', 'table.fill'][sub - 15]); reader.u32(); }
        else if (sub >= 19 && sub <= 22) use('wide-arithmetic', `0xfc ${sub}`);
        else { use(`unknown opcode 0xfc ${sub}`, 'not decoded'); return; }
        break;
      }
      case 0x28: case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e: case 0x2f:
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
      case 0x38: case 0x39: case 0x3a: case 0x3b: case 0x3c: case 0x3d: case 0x3e:
        memarg(reader, use);
        break;
      case 0xfd: {
        const sub = reader.u32();
        use(sub >= 0x100 && sub <= 0x113 ? 'relaxed-simd' : 'simd', `0xfd ${sub}`);
        return;
      }
      case 0xfe: use('threads', `atomic 0xfe ${reader.u32()}`); return;
      case 0xfb: use('gc', `0xfb ${reader.u32()}`); return;
      default:
        use(`unknown opcode 0x${opcode.toString(16)}`, `at byte ${reader.at - 1}`);
        return;
    }
  }
}

/** The features a module uses: { features: Map(name -> first place seen), sections: [...] }. */
export function moduleFeatures(bytes) {
  const features = new Map();
  const use = (feature, where) => {
    if (!features.has(feature)) features.set(feature, where);
  };
  const reader = new Reader(bytes);
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!magic.every((byte, index) => bytes[index] === byte)) throw new Error('not a WebAssembly 1.0 binary module');
  reader.skip(8);
  const types = [];
  const importedGlobals = [];
  const globals = [];
  let memories = 0;
  let tables = 0;
  const functionTypes = [];
  const sections = [];
  while (reader.at < reader.end) {
    const id = reader.byte();
    const size = reader.u32();
    const section = new Reader(bytes, reader.at, reader.at + size);
    reader.skip(size);
    sections.push(id);
    switch (id) {
      case 0: break; // custom sections (names, producers...) carry no feature
      case 1: {
        const count = section.u32();
        for (let index = 0; index < count; index += 1) {
          let form = section.byte();
          if (form === 0x4e) {
            use('gc', 'rec group');
            return { features, sections };
          }
          if (form === 0x50 || form === 0x4f) {
            use('gc', 'sub type');
            return { features, sections };
          }
          if (form === 0x5f || form === 0x5e) {
            use('gc', form === 0x5f ? 'struct type' : 'array type');
            return { features, sections };
          }
          if (form !== 0x60) throw new Error(`unknown type form 0x${form.toString(16)}`);
          const params = section.u32();
          for (let param = 0; param < params; param += 1) valueType(section, use);
          const results = section.u32();
          for (let result = 0; result < results; result += 1) valueType(section, use);
          if (results > 1) use('multivalue', `type ${index} has ${results} results`);
          types.push({ params, results });
        }
        break;
      }
      case 2: {
        const count = section.u32();
        for (let index = 0; index < count; index += 1) {
          const where = `${section.name()}.${section.name()}`;
          const kind = section.byte();
          if (kind === 0x00) functionTypes.push(section.u32());
          else if (kind === 0x01) { tables += 1; tableType(section, use); }
          else if (kind === 0x02) { memories += 1; limits(section, use, 'memory'); }
          else if (kind === 0x03) {
            valueType(section, use);
            const mutable = section.byte() === 0x01;
            if (mutable) use('mutable-globals', `imported mutable global ${where}`);
            importedGlobals.push(mutable);
          } else if (kind === 0x04) { use('exception-handling', `imported tag ${where}`); section.byte(); section.u32(); }
          else throw new Error(`unknown import kind ${kind}`);
        }
        break;
      }
      case 3: { const count = section.u32(); for (let index = 0; index < count; index += 1) functionTypes.push(section.u32()); break; }
      case 4: { const count = section.u32(); for (let index = 0; index < count; index += 1) { tables += 1; tableType(section, use); } break; }
      case 5: { const count = section.u32(); for (let index = 0; index < count; index += 1) { memories += 1; limits(section, use, 'memory'); } break; }
      case 13: use('exception-handling', 'tag section'); break;
      case 6: {
        const count = section.u32();
        for (let index = 0; index < count; index += 1) {
          valueType(section, use);
          globals.push(section.byte() === 0x01);
          try { constantExpression(section, use); } catch (error) { if (error instanceof SkipExpression) return { features, sections }; throw error; }
        }
        break;
      }
      case 7: {
        const count = section.u32();
        const all = [...importedGlobals, ...globals];
        for (let index = 0; index < count; index += 1) {
          const name = section.name();
          const kind = section.byte();
          const target = section.u32();
          if (kind === 0x03 && all[target]) use('mutable-globals', `exported mutable global ${name}`);
          if (kind === 0x04) use('exception-handling', `exported tag ${name}`);
        }
        break;
      }
      case 8: section.u32(); break;
      case 9: {
        const count = section.u32();
        for (let index = 0; index < count; index += 1) {
          const flags = section.u32();
          if (flags !== 0) use('bulk-memory', `element segment with flags ${flags}`);
          if (flags & 0x04) use('reference-types', 'element segment of expressions');
          const passive = flags & 0x01;
          const explicitTable = flags & 0x02;
          if (!passive && explicitTable) section.u32();
          if (!passive) constantExpression(section, use);
          if (flags & 0x03) { if (flags & 0x04) valueType(section, use); else section.byte(); }
          const items = section.u32();
          for (let item = 0; item < items; item += 1) {
            if (flags & 0x04) constantExpression(section, use);
            else section.u32();
          }
        }
        break;
      }
      case 12: use('bulk-memory', 'data count section'); section.u32(); break;
      case 10: {
        const count = section.u32();
        for (let index = 0; index < count; index += 1) {
          const size = section.u32();
          const body = new Reader(bytes, section.at, section.at + size);
          section.skip(size);
          functionBody(body, use, types);
        }
        break;
      }
      case 11: {
        const count = section.u32();
        for (let index = 0; index < count; index += 1) {
          const flags = section.u32();
          if (flags === 1) use('bulk-memory', 'passive data segment');
          if (flags === 2) memoryIndex(section, use);
          if (flags !== 1) constantExpression(section, use);
          section.skip(section.u32());
        }
        break;
      }
      default:
        use(`unknown section ${id}`, `at byte ${section.at}`);
    }
  }
  if (memories > 1) use('multi-memory', `${memories} memories`);
  if (tables > 1) use('reference-types', `${tables} tables`);
  return { features, sections };
}

// ---- Probe modules: the smallest module that needs each feature, to ask an engine with WebAssembly.validate.

const leb = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};
const vector = (items) => [...leb(items.length), ...items.flat()];
const section = (id, content) => [id, ...leb(content.length), ...content];
const funcType = (params, results) => [0x60, ...vector(params.map((type) => [type])), ...vector(results.map((type) => [type]))];
const body = (locals, code) => {
  const content = [...vector(locals), ...code, 0x0b];
  return [...leb(content.length), ...content];
};

/** A module with the given types, one function per body (of type `type`), and extra sections before the code. */
function module({ types, functions, before = [], after = [] }) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, vector(types)));
  for (const [id, content] of before.filter(([sectionId]) => sectionId === 2)) bytes.push(...section(id, content));
  bytes.push(...section(3, vector(functions.map(({ type }) => leb(type)))));
  for (const [id, content] of before.filter(([sectionId]) => sectionId !== 2)) bytes.push(...section(id, content));
  bytes.push(...section(10, vector(functions.map(({ locals = [], code }) => body(locals, code)))));
  for (const [id, content] of after) bytes.push(...section(id, content));
  return Uint8Array.from(bytes);
}

const I32 = 0x7f, F32 = 0x7d, V128 = 0x7b, EXTERNREF = 0x6f;
const memory = (flags, minimum, maximum) => [5, vector([[flags, ...leb(minimum), ...(maximum === undefined ? [] : leb(maximum))]])];

export const PROBES = {
  mvp: module({ types: [funcType([], [I32])], functions: [{ type: 0, code: [0x41, 0x01] }] }),
  'mutable-globals': module({ types: [funcType([], [])], functions: [{ type: 0, code: [] }], before: [[2, vector([[...leb(1), 0x6d, ...leb(1), 0x67, 0x03, I32, 0x01]])]] }),
  'sign-ext': module({ types: [funcType([I32], [I32])], functions: [{ type: 0, code: [0x20, 0x00, 0xc0] }] }),
  'nontrapping-float-to-int': module({ types: [funcType([F32], [I32])], functions: [{ type: 0, code: [0x20, 0x00, 0xfc, 0x00] }] }),
  'bulk-memory': module({ types: [funcType([I32, I32, I32], [])], functions: [{ type: 0, code: [0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfc, 0x0a, 0x00, 0x00] }], before: [memory(0x00, 1)] }),
  'reference-types': module({ types: [funcType([EXTERNREF], [I32])], functions: [{ type: 0, code: [0x20, 0x00, 0xd1] }] }),
  multivalue: module({ types: [funcType([], [I32, I32])], functions: [{ type: 0, code: [0x41, 0x01, 0x41, 0x02] }] }),
  simd: module({ types: [funcType([], [V128])], functions: [{ type: 0, code: [0xfd, 0x0c, ...new Array(16).fill(0)] }] }),
  'relaxed-simd': module({ types: [funcType([V128], [V128])], functions: [{ type: 0, code: [0x20, 0x00, 0x20, 0x00, 0xfd, ...leb(0x100)] }] }),
  threads: module({ types: [funcType([I32], [I32])], functions: [{ type: 0, code: [0x20, 0x00, 0xfe, 0x10, 0x02, 0x00] }], before: [memory(0x03, 1, 1)] }),
  'exception-handling-legacy': module({ types: [funcType([], [])], functions: [{ type: 0, code: [0x06, 0x40, 0x08, 0x00, 0x19, 0x0b] }], before: [[13, vector([[0x00, ...leb(0)]])]] }),
  'exception-handling': module({ types: [funcType([], [])], functions: [{ type: 0, code: [0x08, 0x00] }], before: [[13, vector([[0x00, ...leb(0)]])]] }),
  exnref: module({ types: [funcType([], [])], functions: [{ type: 0, code: [0x02, 0x40, 0x1f, 0x40, ...vector([[0x02, ...leb(0)]]), 0x08, 0x00, 0x0b, 0x0b] }], before: [[13, vector([[0x00, ...leb(0)]])]] }),
  'tail-call': module({ types: [funcType([], [])], functions: [{ type: 0, code: [0x12, 0x00] }] }),
  'typed-function-references': module({ types: [funcType([], []), [0x60, ...vector([[0x63, 0x00]]), ...vector([])]], functions: [{ type: 1, code: [0x20, 0x00, 0x14, 0x00] }] }),
  gc: module({ types: [funcType([], []), [0x5f, ...vector([[I32, 0x01]])]], functions: [{ type: 0, code: [] }] }),
  memory64: module({ types: [funcType([], [])], functions: [{ type: 0, code: [] }], before: [memory(0x04, 1)] }),
  'multi-memory': module({ types: [funcType([], [])], functions: [{ type: 0, code: [] }], before: [[5, vector([[0x00, 1], [0x00, 1]])]] }),
  'extended-const': module({ types: [funcType([], [])], functions: [{ type: 0, code: [] }], before: [[6, vector([[I32, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b]])]] }),
};

/**
 * What the emitted module may use: the features that Chromium 156, Firefox ESR 153 and WebKitGTK 2.50 all
 * validate without a flag (wasm-features.test.mjs checks each one in each engine with its probe module).
 * Measured with the probes above (2026-11): Chromium and Firefox validate every probe; WebKitGTK 2.50 all
 * but relaxed-simd, memory64 and multi-memory, which are therefore not allowed. threads validates in all
 * three but is not allowed either: shared memory needs a cross-origin-isolated page (COOP and COEP headers),
 * which a widget embedded in a newsroom's article cannot require.
 */
export const ALLOWED = [
  'mutable-globals', 'sign-ext', 'nontrapping-float-to-int', 'bulk-memory', 'reference-types', 'multivalue',
  'simd', 'extended-const', 'tail-call', 'exception-handling', 'exception-handling-legacy', 'exnref',
  'typed-function-references', 'gc',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    const { features } = moduleFeatures(await readFile(file));
    console.log(`${file}: ${features.size === 0 ? 'MVP only' : ''}`);
    for (const [feature, where] of features) console.log(`  ${feature}${ALLOWED.includes(feature) ? '' : '  NOT ALLOWED'}  (first: ${where})`);
  }
}
