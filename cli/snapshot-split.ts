/**
 * Splits a portfolio snapshot's bytes into its parts without decoding the whole file.
 *
 * V8 caps a string at about 512 MB (0x1fffffe8 UTF-16 units), and a 100k-company snapshot is
 * bigger than that, so `readFileSync(path, 'utf8')` + `JSON.parse` cannot read it. Instead this
 * walks the raw UTF-8 bytes once, finds where each element of the top-level `companies` array
 * starts and ends, and leaves each company to be `JSON.parse`d on its own. The bytes are either
 * all in memory or read from a file through a small window (`splitSnapshotFrom`,
 * `companyReaderOf`), so a file of any size reads in a few MB beyond what is parsed from it.
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

/** The source gave fewer bytes than its size said: the file changed while it was read. */
export class SnapshotTruncatedError extends SnapshotSyntaxError {
  constructor(at: number, size: number) {
    super(
      `snapshot ended at byte ${at} while it was read, ${size} bytes were expected (did the file change?)`,
      at,
    );
    this.name = 'SnapshotTruncatedError';
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

/**
 * Where a snapshot's bytes come from when they are not all in memory: a file read piece by piece.
 * `readAt` copies bytes from `position` on into `target` (as many as fit) and returns how many.
 */
export type ByteSource = {
  size: number;
  readAt(target: Uint8Array, position: number): number;
};

/** The window a source is read through by default: touched once, then reused. */
export const DEFAULT_WINDOW_BYTES = 8 * 1024 * 1024;

/**
 * The bytes `[base, end)` of the input, held in one reused buffer.
 *
 * Why: memory this VM touches for the first time costs ~3.6 ms per MB, so reading a 763 MB
 * snapshot into one buffer took 2.0–2.9 s before a byte was looked at; read through an 8 MB
 * window it takes ~0.15 s, and the process never holds the file. A whole buffer in memory is a
 * window over all of it that never moves.
 */
class ByteWindow {
  bytes: Uint8Array;
  /** Absolute offset of `bytes[0]`. */
  base = 0;
  /** Absolute offset one past the last byte held. */
  end: number;
  readonly size: number;
  private readonly source: ByteSource | null;
  private view: Buffer | null = null;
  private viewOf: Uint8Array | null = null;

  constructor(whole: Uint8Array | null, source: ByteSource | null, windowBytes: number) {
    this.source = source;
    if (whole !== null) {
      this.bytes = whole;
      this.size = this.end = whole.length;
    } else {
      const sized = source as ByteSource;
      this.size = sized.size;
      this.bytes = new Uint8Array(Math.max(1, Math.min(windowBytes, sized.size)));
      this.end = 0;
    }
  }

  /** Holds `[from, to)` in `bytes` (to ≤ size), moving and growing the window as needed. */
  hold(from: number, to: number): void {
    if (from >= this.base && to <= this.end) return;
    const source = this.source as ByteSource; // a whole buffer always holds everything
    // the window already holds the start of the range: keep it, moved to the front
    const keeps = from >= this.base && from < this.end;
    if (to - from > this.bytes.length) {
      // a value longer than the window: grow it
      const grown = new Uint8Array(Math.max(to - from, this.bytes.length * 2));
      if (keeps) grown.set(this.bytes.subarray(from - this.base, this.end - this.base));
      this.bytes = grown;
    } else if (keeps) {
      this.bytes.copyWithin(0, from - this.base, this.end - this.base);
    }
    if (!keeps) this.end = from;
    this.base = from;
    while (this.end < to) {
      const count = source.readAt(this.bytes.subarray(this.end - this.base), this.end);
      if (count <= 0) throw new SnapshotTruncatedError(this.end, this.size);
      this.end += count;
    }
  }

  /**
   * Makes byte `at` readable, keeping the window from `keep` (≤ at) on; false past the input's
   * end. Each read fills the window as far as it goes, so the scan reaches here once per window.
   */
  reach(at: number, keep: number): boolean {
    if (at >= this.size) return false;
    this.hold(Math.min(keep, at), at + 1);
    return true;
  }

  /** A Buffer over the bytes the window holds, for a native search (cached until the window moves). */
  heldView(): Buffer {
    const held = this.end - this.base;
    if (this.view === null || this.view.length !== held || this.viewOf !== this.bytes) {
      this.view = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, held);
      this.viewOf = this.bytes;
    }
    return this.view;
  }

  /** The byte at absolute offset `at`, or -1 past the input's end. */
  byteAt(at: number): number {
    if (at >= this.base && at < this.end) return this.bytes[at - this.base] as number;
    return this.reach(at, at) ? (this.bytes[at - this.base] as number) : -1;
  }
}

/** A byte as an error message shows it. */
function describeByte(window: ByteWindow, at: number): string {
  const c = window.byteAt(at);
  if (c < 0) return 'end of input';
  return c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

function expected(window: ByteWindow, at: number, what: string): SnapshotSyntaxError {
  return new SnapshotSyntaxError(
    `snapshot is not valid JSON at byte ${at}: expected ${what}, found ${describeByte(window, at)}`,
    at,
  );
}

/** Decodes [start, end) of `bytes` as UTF-8; `Buffer.from(arrayBuffer, …)` is a view, and works on shared memory too. */
function decode(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

/** JSON.parse of the absolute range [start, end), its failure reported at the absolute byte offset of the fault. */
function parseRange(window: ByteWindow, start: number, end: number, what: string): unknown {
  window.hold(start, end);
  const text = decode(window.bytes, start - window.base, end - window.base);
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

/**
 * Walks one pass over the bytes; `position` is the next byte to read (absolute). What the scan has
 * passed may leave the window: a head member is read again to be parsed if it has.
 */
class Scanner {
  readonly window: ByteWindow;
  // The open brackets of the container being skipped, so a `]` closing a `{` is caught here.
  private openers = new Uint8Array(64);
  position: number;

  constructor(window: ByteWindow) {
    this.window = window;
    const bom = window.byteAt(0) === 0xef && window.byteAt(1) === 0xbb && window.byteAt(2) === 0xbf;
    this.position = bom ? 3 : 0;
  }

  skipWhitespace(): number {
    const window = this.window;
    let at = this.position;
    let c = window.byteAt(at);
    while (c >= 0 && isWhitespace(c)) c = window.byteAt(++at);
    this.position = at;
    return c;
  }

  /** The byte after the closing quote of the string opening at `start`. */
  stringEnd(start: number): number {
    const window = this.window;
    // Most strings in a snapshot are short (keys, ids, dates): a JS loop settles them without a
    // native call, whose overhead (~30 ns a call on shared memory, about 3x that on unshared)
    // would otherwise dominate.
    const inlineEnd = Math.min(window.size, start + INLINE_STRING_SCAN);
    let from = start + 1;
    for (; from < inlineEnd; from++) {
      const c = window.byteAt(from);
      if (c === QUOTE) return from + 1;
      if (c === BACKSLASH) from++; // the escaped byte cannot end the string
    }
    for (;;) {
      // the window holds the string from its opening quote, so the backslashes before a quote count
      if (!window.reach(from, start))
        throw new SnapshotSyntaxError(`snapshot has an unterminated string from byte ${start}`, start);
      // memchr-speed search for the rest of a long string, within what the window holds
      const bytes = window.bytes;
      const found = window.heldView().indexOf(QUOTE, from - window.base);
      if (found < 0) {
        from = window.end;
        continue;
      }
      const quote = window.base + found;
      // An odd run of backslashes before the quote escapes it (pairs are escaped backslashes);
      // the run stops at the opening quote at the latest.
      let before = quote - 1;
      while (bytes[before - window.base] === BACKSLASH) before--;
      if ((quote - 1 - before) % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** The byte after the value starting at `start` (whitespace already skipped). */
  valueEnd(start: number): number {
    const window = this.window;
    const first = window.byteAt(start);
    if (first === QUOTE) return this.stringEnd(start);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.containerEnd(start);
    // A scalar (number, true, false, null) runs to the next separator; its parse checks it.
    let at = start;
    for (;;) {
      const c = window.byteAt(at);
      if (c < 0) break;
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || isWhitespace(c)) break;
      if (c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET) break;
      at++;
    }
    if (at === start) throw expected(window, start, 'a value');
    return at;
  }

  private containerEnd(start: number): number {
    const window = this.window;
    let openers = this.openers;
    let depth = 0;
    let at = start;
    // the window's state in locals: this loop runs over every byte of every company
    let bytes = window.bytes;
    let base = window.base;
    let end = window.end;
    for (;;) {
      if (at >= end) {
        if (!window.reach(at, at)) break;
        bytes = window.bytes;
        base = window.base;
        end = window.end;
      }
      const c = bytes[at - base] as number;
      if (c === QUOTE) {
        at = this.stringEnd(at);
        bytes = window.bytes;
        base = window.base;
        end = window.end;
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
          throw expected(window, at, `'${String.fromCharCode((openers[depth] as number) + 2)}'`);
        if (depth === 0) return at + 1;
      }
      at++;
    }
    throw new SnapshotSyntaxError(`snapshot ends inside the value opened at byte ${start}`, start);
  }

  /** Offsets of the elements of the array opening at `position`; leaves `position` after its `]`. */
  arrayElements(): Float64Array {
    const window = this.window;
    let offsets = new Float64Array(1024);
    let count = 0;
    this.position++; // '['
    let c = this.skipWhitespace();
    if (c === CLOSE_BRACKET) {
      this.position++;
      return new Float64Array(0);
    }
    for (;;) {
      if (c === -1) throw expected(window, this.position, 'a value');
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
      if (c !== COMMA) throw expected(window, this.position - 1, "',' or ']' between companies");
      c = this.skipWhitespace();
    }
  }
}

/** Finds the head members and the byte range of every company, checking the top-level structure. */
export function splitSnapshot(bytes: Uint8Array): SnapshotLayout {
  return splitWindow(new ByteWindow(bytes, null, 0));
}

/**
 * `splitSnapshot` of bytes read from `source` through a window of `windowBytes` (grown only for a
 * value longer than it): one pass, and only the window in memory.
 */
export function splitSnapshotFrom(source: ByteSource, windowBytes = DEFAULT_WINDOW_BYTES): SnapshotLayout {
  return splitWindow(new ByteWindow(null, source, windowBytes));
}

function splitWindow(window: ByteWindow): SnapshotLayout {
  const scanner = new Scanner(window);
  const head: Record<string, unknown> = {};
  let companies: Float64Array | null = null;

  if (scanner.skipWhitespace() !== OPEN_BRACE)
    throw expected(window, scanner.position, "'{' (a snapshot object)");
  scanner.position++;
  let c = scanner.skipWhitespace();
  if (c === CLOSE_BRACE) {
    scanner.position++;
  } else {
    for (;;) {
      if (c !== QUOTE) throw expected(window, scanner.position, 'a member name');
      const keyStart = scanner.position;
      const keyEnd = scanner.stringEnd(keyStart);
      const key = parseRange(window, keyStart, keyEnd, 'member name') as string;
      scanner.position = keyEnd;
      if (scanner.skipWhitespace() !== COLON) throw expected(window, scanner.position, "':'");
      scanner.position++;
      c = scanner.skipWhitespace();
      if (c === -1) throw expected(window, scanner.position, 'a value');
      if (key === 'companies' && c === OPEN_BRACKET) {
        // A later `companies` replaces an earlier one, as in JSON.parse.
        companies = scanner.arrayElements();
        delete head[key];
      } else {
        const valueStart = scanner.position;
        const valueEnd = scanner.valueEnd(valueStart);
        // defineProperty, so a `__proto__` member is data (as JSON.parse makes it), not a prototype.
        Object.defineProperty(head, key, {
          value: parseRange(window, valueStart, valueEnd, `member ${JSON.stringify(key)}`),
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
      if (c !== COMMA) throw expected(window, scanner.position - 1, "',' or '}' between snapshot members");
      c = scanner.skipWhitespace();
    }
  }
  if (scanner.skipWhitespace() !== -1)
    throw expected(window, scanner.position, 'end of input after the snapshot');
  return { head, companies };
}

/** The byte range of company `index`, or a RangeError. */
function rangeOf(layout: SnapshotLayout, index: number): [number, number] {
  const offsets = layout.companies;
  const count = offsets ? offsets.length / 2 : 0;
  if (!offsets || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`company index ${index} is out of range (the snapshot has ${count} companies)`);
  }
  return [offsets[2 * index] as number, offsets[2 * index + 1] as number];
}

/** Parses element `index` of the layout's companies (JSON.parse of that byte range, UTF-8 decoded). Throws SnapshotSyntaxError naming the company index and absolute byte offset when the element is not valid JSON. */
export function parseCompanyAt(bytes: Uint8Array, layout: SnapshotLayout, index: number): unknown {
  const [start, end] = rangeOf(layout, index);
  return parseRange(new ByteWindow(bytes, null, 0), start, end, `company ${index}`);
}

/**
 * `parseCompanyAt` for a layout split from `source`: each company is read through one window of
 * `windowBytes` (grown for a longer company), cheapest in file order.
 */
export function companyReaderOf(
  source: ByteSource,
  layout: SnapshotLayout,
  windowBytes = DEFAULT_WINDOW_BYTES,
): (index: number) => unknown {
  const window = new ByteWindow(null, source, windowBytes);
  return (index) => {
    const [start, end] = rangeOf(layout, index);
    return parseRange(window, start, end, `company ${index}`);
  };
}
