import fc from 'fast-check';
import {
  companyReaderOf,
  parseCompanyAt,
  splitSnapshot,
  splitSnapshotFrom,
  SnapshotSyntaxError,
  SnapshotTruncatedError,
  type ByteSource,
  type SnapshotLayout,
} from './snapshot-split';

type Memory = 'buffer' | 'offset-uint8array' | 'shared';

/** The text's UTF-8 bytes in the kind of memory the caller chose. */
function bytesOf(text: string, memory: Memory = 'buffer'): Uint8Array {
  const encoded = Buffer.from(text, 'utf8');
  if (memory === 'buffer') return encoded;
  if (memory === 'offset-uint8array') {
    // a view that does not start at its buffer's first byte, with bytes after it too
    const backing = new Uint8Array(encoded.length + 10).fill(0x22);
    backing.set(encoded, 7);
    return backing.subarray(7, 7 + encoded.length);
  }
  const shared = new Uint8Array(new SharedArrayBuffer(encoded.length));
  shared.set(encoded);
  return shared;
}

/** The bytes as a file would give them: at most `perRead` bytes a read (a short read is allowed). */
function sourceOf(bytes: Uint8Array, perRead = Infinity): ByteSource {
  return {
    size: bytes.length,
    readAt(target, position) {
      const count = Math.min(target.length, bytes.length - position, perRead);
      target.set(bytes.subarray(position, position + count));
      return count;
    },
  };
}

/** How the bytes are read: all in memory, or from a source through a window that has to move and grow. */
type Reading = {
  name: string;
  split(bytes: Uint8Array): SnapshotLayout;
  companies(bytes: Uint8Array, layout: SnapshotLayout): unknown[];
};

const countOf = (layout: SnapshotLayout) => (layout.companies?.length ?? 0) / 2;

const inMemory: Reading = {
  name: 'in memory',
  split: splitSnapshot,
  companies: (bytes, layout) =>
    Array.from({ length: countOf(layout) }, (_, index) => parseCompanyAt(bytes, layout, index)),
};

function windowed(windowBytes: number, perRead = Infinity): Reading {
  return {
    name: `through a ${windowBytes}-byte window, ${perRead} bytes a read`,
    split: (bytes) => splitSnapshotFrom(sourceOf(bytes, perRead), windowBytes),
    companies: (bytes, layout) => {
      const read = companyReaderOf(sourceOf(bytes, perRead), layout, windowBytes);
      return Array.from({ length: countOf(layout) }, (_, index) => read(index));
    },
  };
}

const READINGS: Reading[] = [inMemory, windowed(1), windowed(7, 3), windowed(64)];

function companiesOf(bytes: Uint8Array, layout: SnapshotLayout, reading: Reading = inMemory): unknown[] {
  return reading.companies(bytes, layout);
}

/** The SnapshotSyntaxError `run` throws (fails the test when it throws nothing or something else). */
function syntaxErrorOf(run: () => unknown): SnapshotSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof SnapshotSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a SnapshotSyntaxError, nothing was thrown');
}

/** The byte offset of the first `needle` in `text` (both as UTF-8). */
function byteIndex(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`${needle} not in ${text}`);
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

describe('splitSnapshot, property', () => {
  // Characters that a byte-level splitter could mistake for structure, and multi-byte ones.
  const trickyUnit = fc.oneof(
    fc.constantFrom('"', '\\', '\\"', '{', '}', '[', ']', ',', ':', '\n', 'Ж', 'я', '😀', '👩‍👩‍👧'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    // long strings dense with quotes, backslashes and brackets
    fc.string({ unit: trickyUnit, minLength: 20, maxLength: 80 }),
  );
  const company = fc.record(
    {
      id: text,
      properties: fc.dictionary(text, fc.oneof(text, fc.double(), fc.constant(null)), { maxKeys: 6 }),
      deals: fc.array(fc.record({ id: text, amount: fc.oneof(text, fc.integer()) }), { maxLength: 4 }),
      extra: fc.jsonValue({ stringUnit: trickyUnit, maxDepth: 4 }),
    },
    { requiredKeys: ['id'] },
  );
  const snapshot = fc.record(
    {
      schemaVersion: fc.integer(),
      takenAt: text,
      homeCurrency: fc.constantFrom('EUR', 'USD'),
      companies: fc.array(fc.oneof(company, fc.jsonValue({ maxDepth: 3 })), { maxLength: 8 }),
    },
    { requiredKeys: ['schemaVersion', 'companies'] },
  );

  /** The value with every object's keys in an order drawn from `seed`. */
  function shuffleKeys(value: unknown, seed: number): unknown {
    let state = seed >>> 0 || 1;
    const next = (): number => {
      // xorshift32: a cheap deterministic sequence, so a failing draw replays
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const visit = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(visit);
      if (node === null || typeof node !== 'object') return node;
      const entries = Object.entries(node).map(([key, child]) => [key, visit(child)] as const);
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      // fromEntries makes a `__proto__` key an own property, as JSON.parse does
      return Object.fromEntries(entries);
    };
    return visit(value);
  }

  test('head and each company parse to what JSON.parse makes of the whole text', () => {
    fc.assert(
      fc.property(
        snapshot,
        fc.nat(),
        fc.constantFrom<string | undefined>(undefined, '', '  ', '\t', '  \r\n'),
        fc.constantFrom<Memory>('buffer', 'offset-uint8array', 'shared'),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 32 }),
        (value, seed, indent, memory, bom, windowBytes, perRead) => {
          let json = JSON.stringify(shuffleKeys(value, seed), null, indent?.replace('\r\n', ''));
          // raw line breaks only ever occur between tokens (JSON.stringify escapes them in strings)
          if (indent?.endsWith('\r\n')) json = json.replace(/\n/g, '\r\n');
          const bytes = bytesOf(bom ? `\uFEFF${json}` : json, memory);
          const { companies, ...head } = JSON.parse(json) as { companies: unknown[] };

          const layout = splitSnapshot(bytes);

          expect(layout.head).toEqual(head);
          expect(layout.companies).not.toBeNull();
          expect(companiesOf(bytes, layout)).toEqual(companies);
          // the ranges are tight (no surrounding whitespace) and in order
          const offsets = Array.from(layout.companies ?? []);
          for (let i = 0; i < offsets.length; i += 2) {
            expect(offsets[i]!).toBeLessThan(offsets[i + 1]!);
            if (i > 0) expect(offsets[i - 1]!).toBeLessThan(offsets[i]!);
            expect([0x20, 0x09, 0x0a, 0x0d]).not.toContain(bytes[offsets[i]!]);
            expect([0x20, 0x09, 0x0a, 0x0d]).not.toContain(bytes[offsets[i + 1]! - 1]);
          }
          // read through a small window, the same layout and the same companies
          const reading = windowed(windowBytes, perRead);
          const layoutRead = reading.split(bytes);
          expect(layoutRead).toEqual(layout);
          expect(reading.companies(bytes, layoutRead)).toEqual(companies);
        },
      ),
    );
  });
});

describe.each(READINGS)('splitSnapshot, layout, read $name', (reading) => {
  function split(text: string): { bytes: Uint8Array; layout: SnapshotLayout } {
    const bytes = bytesOf(text);
    return { bytes, layout: reading.split(bytes) };
  }
  const companiesOf = (bytes: Uint8Array, layout: SnapshotLayout) => reading.companies(bytes, layout);

  test('finds each company range in the bytes', () => {
    const text = '{"schemaVersion":1,"companies":[ {"id":"1"} ,\n[2],"три",4 ]}';
    const { bytes, layout } = split(text);
    expect(Array.from(layout.companies ?? [])).toEqual([
      byteIndex(text, '{"id"'),
      byteIndex(text, ' ,'),
      byteIndex(text, '[2]'),
      byteIndex(text, ',"три"'),
      byteIndex(text, '"три"'),
      byteIndex(text, ',4'),
      byteIndex(text, '4 ]'),
      byteIndex(text, ' ]}'),
    ]);
    expect(companiesOf(bytes, layout)).toEqual([{ id: '1' }, [2], 'три', 4]);
    expect(layout.head).toEqual({ schemaVersion: 1 });
  });

  test('skips a leading UTF-8 byte-order mark', () => {
    const { bytes, layout } = split('\uFEFF{"schemaVersion":1,"companies":[{"id":"1"}]}');
    expect(bytes[0]).toBe(0xef);
    expect(layout.head).toEqual({ schemaVersion: 1 });
    expect(companiesOf(bytes, layout)).toEqual([{ id: '1' }]);
  });

  test('a `companies` that is not an array stays in the head', () => {
    expect(split('{"companies":{"0":{"id":"1"}},"schemaVersion":1}').layout).toEqual({
      head: { companies: { 0: { id: '1' } }, schemaVersion: 1 },
      companies: null,
    });
    expect(split('{"companies":"many"}').layout).toEqual({ head: { companies: 'many' }, companies: null });
  });

  test('no `companies` member gives null companies', () => {
    expect(split('{"schemaVersion":1,"takenAt":"2026-06-01T00:00:00.000Z"}').layout).toEqual({
      head: { schemaVersion: 1, takenAt: '2026-06-01T00:00:00.000Z' },
      companies: null,
    });
    expect(split(' { } ').layout).toEqual({ head: {}, companies: null });
  });

  test('an empty `companies` array gives no ranges', () => {
    for (const text of ['{"companies":[]}', '{\n  "companies": [ \r\n\t ]\n}\n']) {
      const { companies } = split(text).layout;
      expect(companies).toBeInstanceOf(Float64Array);
      expect(companies).toHaveLength(0);
    }
  });

  test('an escaped quote or an escaped backslash right before a closing quote', () => {
    const long = 'x'.repeat(50); // escapes far from where the string opens
    const strings = [
      'a\\"b',
      'a\\\\',
      '\\\\\\"',
      '\\"',
      `${long}\\"${long}`,
      `${long}\\\\`,
      `${long}\\\\\\"\\\\`,
    ];
    for (const inner of strings) {
      const text = `{"companies":[{"name":"${inner}","after":"]},"},{"k\\"":"${inner}"}],"tail":"${inner}"}`;
      const { bytes, layout } = split(text);
      const whole = JSON.parse(text) as { companies: unknown[]; tail: string };
      expect(companiesOf(bytes, layout)).toEqual(whole.companies);
      expect(layout.head).toEqual({ tail: whole.tail });
    }
  });

  test('a member name with escapes is decoded before it is compared', () => {
    const { bytes, layout } = split('{"compan\\u0069es":[1,2],"sch\\"ema":3}');
    expect(companiesOf(bytes, layout)).toEqual([1, 2]);
    expect(layout.head).toEqual({ 'sch"ema': 3 });
  });

  test('a duplicate `companies` member: the last one wins, as in JSON.parse', () => {
    const arrays = split('{"companies":[1],"schemaVersion":1,"companies":[2,3]}');
    expect(companiesOf(arrays.bytes, arrays.layout)).toEqual([2, 3]);
    expect(arrays.layout.head).toEqual({ schemaVersion: 1 });

    expect(split('{"companies":[1],"companies":"none"}').layout).toEqual({
      head: { companies: 'none' },
      companies: null,
    });

    const arrayLast = split('{"companies":"none","companies":[4]}');
    expect(arrayLast.layout.head).toEqual({});
    expect(companiesOf(arrayLast.bytes, arrayLast.layout)).toEqual([4]);
  });

  test('a `__proto__` member is kept as data, as JSON.parse keeps it', () => {
    const { head } = split('{"__proto__":{"polluted":true},"companies":[]}').layout;
    expect(Object.getPrototypeOf(head)).toBe(Object.prototype);
    expect(Object.keys(head)).toEqual(['__proto__']);
    expect(head).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
  });

  test('companies deeper than the initial bracket stack', () => {
    const deep = `${'['.repeat(200)}{"a":"]"}${']'.repeat(200)}`;
    const { bytes, layout } = split(`{"companies":[${deep},${deep}]}`);
    expect(companiesOf(bytes, layout)).toEqual([JSON.parse(deep), JSON.parse(deep)]);
  });

  test('more companies than the initial offset table holds', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => ({ id: String(i) }));
    const { bytes, layout } = split(JSON.stringify({ companies: ids }));
    expect(companiesOf(bytes, layout)).toEqual(ids);
  });
});

describe.each(READINGS)('splitSnapshot, syntax errors, read $name', (reading) => {
  test.each([
    ['an array', '[]', 0, "expected '{'"],
    ['a string', '"x"', 0, "expected '{'"],
    ['nothing', '  ', 2, 'found end of input'],
    ['a missing comma between companies', '{"companies":[{"a":1} {"b":2}]}', 22, "expected ',' or ']'"],
    ['a missing comma between scalar companies', '{"companies":[1 2]}', 16, "expected ',' or ']'"],
    ['a comma after the last company', '{"companies":[1,]}', 16, 'expected a value'],
    ['a comma before the first company', '{"companies":[,1]}', 14, 'expected a value'],
    ['a missing comma between members', '{"a":1 "companies":[]}', 7, "expected ',' or '}'"],
    ['a missing colon', '{"a" 1}', 5, "expected ':'"],
    ['a member name that is not a string', '{a:1}', 1, 'expected a member name'],
    ['a comma after the last member', '{"a":1,}', 7, 'expected a member name'],
    ['trailing garbage', '{"companies":[]} x', 17, 'expected end of input'],
    ['a second object', '{}{}', 2, 'expected end of input'],
    ['an unterminated string in a company', '{"companies":[{"a":"abc}]}', 19, 'unterminated string'],
    ['a string whose last quote is escaped', '{"companies":["abc\\"]}', 14, 'unterminated string'],
    ['an unterminated member name', '{"companies', 1, 'unterminated string'],
    ['an unterminated companies array', '{"companies":[{"a":1}', 21, 'expected'],
    ['an unterminated company', '{"companies":[{"a":[1,2]', 14, 'ends inside the value'],
    ['an unterminated object', '{"companies":[]', 15, "expected ',' or '}'"],
    ['a bracket closing the wrong opener', '{"companies":[{"a":1]]}', 20, "expected '}', found ']'"],
    ['a missing value', '{"companies":}', 13, 'expected a value'],
    ['a bad head value', '{"schemaVersion":01,"companies":[]}', 18, 'member "schemaVersion"'],
  ])('refuses %s, naming the byte offset', (_what, text, offset, message) => {
    const error = syntaxErrorOf(() => reading.split(bytesOf(text)));
    expect(error.offset).toBe(offset);
    expect(error.message).toContain(message);
    expect(error.message).toContain(`byte ${offset}`);
  });
});

describe('reading through a window', () => {
  test('a file that ends before its size is refused, not read as shorter', () => {
    const bytes = bytesOf('{"schemaVersion":1,"companies":[{"id":"1"},{"id":"2"}]}');
    const shrunk: ByteSource = {
      size: bytes.length,
      readAt: (target, position) =>
        position >= 20 ? 0 : sourceOf(bytes).readAt(target.subarray(0, 20 - position), position),
    };
    const error = syntaxErrorOf(() => splitSnapshotFrom(shrunk, 8));
    expect(error).toBeInstanceOf(SnapshotTruncatedError);
    expect(error.message).toContain('did the file change');
    expect(error.offset).toBe(20);

    const layout = splitSnapshot(bytes);
    const read = companyReaderOf(shrunk, layout, 8);
    expect(syntaxErrorOf(() => read(1)).message).toContain('did the file change');
  });

  test('companies read in any order, and a company longer than the window', () => {
    const long = { id: 'x'.repeat(500), properties: { name: 'Ж'.repeat(300) } };
    const companies = [{ id: '1' }, long, { id: '3' }, long];
    const bytes = bytesOf(JSON.stringify({ schemaVersion: 1, companies }));
    const layout = splitSnapshotFrom(sourceOf(bytes, 5), 16);
    const read = companyReaderOf(sourceOf(bytes, 5), layout, 16);
    for (const index of [3, 0, 2, 1, 1, 0, 3]) expect(read(index)).toEqual(companies[index]);
    expect(() => read(4)).toThrow(RangeError);
  });

  test('reads a source the size of its window, and an empty one', () => {
    const text = '{"companies":[1,2]}';
    expect(splitSnapshotFrom(sourceOf(bytesOf(text)), text.length).companies).toHaveLength(4);
    expect(syntaxErrorOf(() => splitSnapshotFrom(sourceOf(bytesOf('')), 8)).message).toContain(
      'found end of input',
    );
  });
});

describe('parseCompanyAt', () => {
  function split(text: string): { bytes: Uint8Array; layout: SnapshotLayout } {
    const bytes = bytesOf(text);
    return { bytes, layout: splitSnapshot(bytes) };
  }

  test('a company that is not valid JSON fails alone, naming its index and byte offset', () => {
    const text = '{"companies":[{"a":1},{"имя":"я" "b":2},{"c":3}]}';
    const { bytes, layout } = split(text);
    expect(parseCompanyAt(bytes, layout, 0)).toEqual({ a: 1 });
    expect(parseCompanyAt(bytes, layout, 2)).toEqual({ c: 3 });

    const error = syntaxErrorOf(() => parseCompanyAt(bytes, layout, 1));
    expect(error.message).toContain('company 1');
    // the fault is the missing comma before "b", past multi-byte characters
    expect(error.offset).toBe(byteIndex(text, '"b"'));
    expect(error.message).toContain(`byte ${error.offset}`);
  });

  test('a fault V8 reports without a position is placed at the company start', () => {
    const text = '{"companies":[{"a":1},{"b":tru}]}';
    const { bytes, layout } = split(text);
    const error = syntaxErrorOf(() => parseCompanyAt(bytes, layout, 1));
    expect(error.message).toContain('company 1');
    expect(error.offset).toBe(byteIndex(text, '{"b"'));
  });

  test('refuses an index outside the companies', () => {
    const { bytes, layout } = split('{"companies":[1]}');
    expect(() => parseCompanyAt(bytes, layout, 1)).toThrow(RangeError);
    expect(() => parseCompanyAt(bytes, layout, -1)).toThrow(RangeError);
    const none = split('{}');
    expect(() => parseCompanyAt(none.bytes, none.layout, 0)).toThrow(RangeError);
  });
});
