/**
 * Splits a portfolio snapshot's bytes into its parts without decoding the whole file.
 *
 * V8 caps a string at about 512 MB (0x1fffffe8 UTF-16 units), and a 100k-company snapshot is
 * bigger than that, so `readFileSync(path, 'utf8')` + `JSON.parse` cannot read it. Instead this
 * walks the raw UTF-8 bytes once, finds where each element of the top-level `companies` array
 * starts and ends, and leaves each company to be `JSON.parse`d on its own — from the same buffer,
 * possibly a SharedArrayBuffer, so worker threads can each parse a shard of the companies.
 *
 * Only the structure is checked here (separators, nesting, strings closing); an element's own
 * content is checked when that element is parsed.
 */

/** Where a snapshot's parts lie in its bytes. */
export type SnapshotLayout = {
  /** Every top-level member except an array-valued `companies`, each parsed with JSON.parse (a non-array `companies` stays here, so the schema can reject it). */
  head: Record<string, unknown>;
  /** Byte offsets of the elements of the top-level `companies` array: element i spans [offsets[2i], offsets[2i+1]). null when there is no array-valued `companies`. */
  companies: Float64Array | null;
};

/** The snapshot's bytes are not the JSON shape expected; `offset` is the absolute byte offset. */
export class SnapshotSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'SnapshotSyntaxError';
    this.offset = offset;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

// Bytes of a string scanned in JS before handing the rest to the native search.
const INLINE_STRING_SCAN = 32;

function isWhitespace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** A byte as an error message shows it. */
function describeByte(bytes: Uint8Array, at: number): string {
  if (at >= bytes.length) return 'end of input';
  const c = bytes[at] as number;
  return c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

function expected(bytes: Uint8Array, at: number, what: string): SnapshotSyntaxError {
  return new SnapshotSyntaxError(
    `snapshot is not valid JSON at byte ${at}: expected ${what}, found ${describeByte(bytes, at)}`,
    at,
  );
}

/** Decodes [start, end) as UTF-8; `Buffer.from(arrayBuffer, …)` is a view, and works on shared memory too. */
function decode(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

/** JSON.parse of [start, end), its failure reported at the absolute byte offset of the fault. */
function parseRange(bytes: Uint8Array, start: number, end: number, what: string): unknown {
  const text = decode(bytes, start, end);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = (error as Error).message;
    // V8 reports a UTF-16 position in the decoded text; re-encoding the prefix gives its byte offset.
    const position = /at position (\d+)/.exec(reason);
    const offset = position ? start + Buffer.byteLength(text.slice(0, Number(position[1])), 'utf8') : start;
    throw new SnapshotSyntaxError(
      `${what} (bytes ${start}–${end}) is not valid JSON at byte ${offset}: ${reason}`,
      offset,
    );
  }
}

/** Walks one pass over the bytes; `position` is the next byte to read. */
class Scanner {
  readonly bytes: Uint8Array;
  // Buffer's indexOf on the same memory: a native search for a string's closing quote.
  private readonly view: Buffer;
  // The open brackets of the container being skipped, so a `]` closing a `{` is caught here.
  private openers = new Uint8Array(64);
  position: number;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    this.position = bom ? 3 : 0;
  }

  skipWhitespace(): number {
    const bytes = this.bytes;
    let at = this.position;
    while (at < bytes.length && isWhitespace(bytes[at] as number)) at++;
    this.position = at;
    return at < bytes.length ? (bytes[at] as number) : -1;
  }

  /** The byte after the closing quote of the string opening at `start`. */
  stringEnd(start: number): number {
    const bytes = this.bytes;
    // Most strings in a snapshot are short (keys, ids, dates): a JS loop settles them without a
    // native call, whose overhead (~30 ns a call on shared memory, about 3x that on unshared)
    // would otherwise dominate.
    const inlineEnd = Math.min(bytes.length, start + INLINE_STRING_SCAN);
    let from = start + 1;
    for (; from < inlineEnd; from++) {
      const c = bytes[from] as number;
      if (c === QUOTE) return from + 1;
      if (c === BACKSLASH) from++; // the escaped byte cannot end the string
    }
    for (;;) {
      // memchr-speed search for the rest of a long string
      const quote = from < bytes.length ? this.view.indexOf(QUOTE, from) : -1;
      if (quote < 0)
        throw new SnapshotSyntaxError(`snapshot has an unterminated string from byte ${start}`, start);
      // An odd run of backslashes before the quote escapes it (pairs are escaped backslashes);
      // the run stops at the opening quote at the latest.
      let before = quote - 1;
      while (bytes[before] === BACKSLASH) before--;
      if ((quote - 1 - before) % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** The byte after the value starting at `start` (whitespace already skipped). */
  valueEnd(start: number): number {
    const bytes = this.bytes;
    const first = bytes[start] as number;
    if (first === QUOTE) return this.stringEnd(start);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.containerEnd(start);
    // A scalar (number, true, false, null) runs to the next separator; its parse checks it.
    let at = start;
    while (at < bytes.length) {
      const c = bytes[at] as number;
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || isWhitespace(c)) break;
      if (c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET) break;
      at++;
    }
    if (at === start) throw expected(bytes, start, 'a value');
    return at;
  }

  private containerEnd(start: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let openers = this.openers;
    let depth = 0;
    let at = start;
    while (at < length) {
      const c = bytes[at] as number;
      if (c === QUOTE) {
        at = this.stringEnd(at);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (depth === openers.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(openers);
          this.openers = openers = grown;
        }
        openers[depth++] = c;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        // '{' and '[' are each two below their closer.
        if (openers[--depth] !== c - 2)
          throw expected(bytes, at, `'${String.fromCharCode((openers[depth] as number) + 2)}'`);
        if (depth === 0) return at + 1;
      }
      at++;
    }
    throw new SnapshotSyntaxError(`snapshot ends inside the value opened at byte ${start}`, start);
  }

  /** Offsets of the elements of the array opening at `position`; leaves `position` after its `]`. */
  arrayElements(): Float64Array {
    const bytes = this.bytes;
    let offsets = new Float64Array(1024);
    let count = 0;
    this.position++; // '['
    let c = this.skipWhitespace();
    if (c === CLOSE_BRACKET) {
      this.position++;
      return new Float64Array(0);
    }
    for (;;) {
      if (c === -1) throw expected(bytes, this.position, 'a value');
      const start = this.position;
      const end = this.valueEnd(start);
      if (count + 2 > offsets.length) {
        const grown = new Float64Array(offsets.length * 2);
        grown.set(offsets);
        offsets = grown;
      }
      offsets[count++] = start;
      offsets[count++] = end;
      this.position = end;
      c = this.skipWhitespace();
      this.position++;
      if (c === CLOSE_BRACKET) return offsets.slice(0, count);
      if (c !== COMMA) throw expected(bytes, this.position - 1, "',' or ']' between companies");
      c = this.skipWhitespace();
    }
  }
}

/** Finds the head members and the byte range of every company, checking the top-level structure. */
export function splitSnapshot(bytes: Uint8Array): SnapshotLayout {
  const scanner = new Scanner(bytes);
  const head: Record<string, unknown> = {};
  let companies: Float64Array | null = null;

  if (scanner.skipWhitespace() !== OPEN_BRACE)
    throw expected(bytes, scanner.position, "'{' (a snapshot object)");
  scanner.position++;
  let c = scanner.skipWhitespace();
  if (c === CLOSE_BRACE) {
    scanner.position++;
  } else {
    for (;;) {
      if (c !== QUOTE) throw expected(bytes, scanner.position, 'a member name');
      const keyStart = scanner.position;
      const keyEnd = scanner.stringEnd(keyStart);
      const key = parseRange(bytes, keyStart, keyEnd, 'member name') as string;
      scanner.position = keyEnd;
      if (scanner.skipWhitespace() !== COLON) throw expected(bytes, scanner.position, "':'");
      scanner.position++;
      c = scanner.skipWhitespace();
      if (c === -1) throw expected(bytes, scanner.position, 'a value');
      if (key === 'companies' && c === OPEN_BRACKET) {
        // A later `companies` replaces an earlier one, as in JSON.parse.
        companies = scanner.arrayElements();
        delete head[key];
      } else {
        const valueEnd = scanner.valueEnd(scanner.position);
        // defineProperty, so a `__proto__` member is data (as JSON.parse makes it), not a prototype.
        Object.defineProperty(head, key, {
          value: parseRange(bytes, scanner.position, valueEnd, `member ${JSON.stringify(key)}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        if (key === 'companies') companies = null;
        scanner.position = valueEnd;
      }
      c = scanner.skipWhitespace();
      scanner.position++;
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) throw expected(bytes, scanner.position - 1, "',' or '}' between snapshot members");
      c = scanner.skipWhitespace();
    }
  }
  if (scanner.skipWhitespace() !== -1)
    throw expected(bytes, scanner.position, 'end of input after the snapshot');
  return { head, companies };
}

/** Parses element `index` of the layout's companies (JSON.parse of that byte range, UTF-8 decoded). Throws SnapshotSyntaxError naming the company index and absolute byte offset when the element is not valid JSON. */
export function parseCompanyAt(bytes: Uint8Array, layout: SnapshotLayout, index: number): unknown {
  const offsets = layout.companies;
  const count = offsets ? offsets.length / 2 : 0;
  if (!offsets || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`company index ${index} is out of range (the snapshot has ${count} companies)`);
  }
  return parseRange(
    bytes,
    offsets[2 * index] as number,
    offsets[2 * index + 1] as number,
    `company ${index}`,
  );
}
