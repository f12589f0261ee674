// A streaming JSON reader that hands over the values at chosen paths one at a time, so a file of
// any size is never held whole. Containers outside those paths are skipped by counting brackets;
// a wanted value's bytes are kept only until it closes, then JSON.parse reads them.

/** One path to collect: keys from the root, "*" for any key or array index. */
export interface JsonTarget {
  readonly path: readonly string[];
  /** Skip the value without reading it when this says no (e.g. a SKU nobody wants). */
  readonly want?: (keys: readonly string[]) => boolean;
  onValue(value: unknown, keys: readonly string[]): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

type Mode = 'value' | 'key-or-end' | 'colon' | 'comma-or-end' | 'key' | 'scalar' | 'string-skip' | 'string-capture' | 'container';

interface Frame {
  readonly array: boolean;
  key: string;
  index: number;
}

/** Whether the bytes just before `end` (not before `floor`) are an odd run of backslashes: the next byte is escaped. */
function oddBackslashesBefore(chunk: Buffer, end: number, floor: number): boolean {
  let count = 0;
  for (let b = end - 1; b >= floor && chunk[b] === BACKSLASH; b--) count += 1;
  return count % 2 === 1;
}

export class JsonValueStream {
  private mode: Mode = 'value';
  private readonly stack: Frame[] = [];
  private keyParts: Buffer[] = [];
  private captureParts: Buffer[] = [];
  /** Inside a skipped or captured container: bracket depth and string state. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private capturing: JsonTarget | undefined;
  private capturedKeys: string[] = [];
  private bytes = 0;
  private done = false;

  constructor(private readonly targets: readonly JsonTarget[]) {}

  /** Bytes read so far (for error messages). */
  get position(): number {
    return this.bytes;
  }

  write(chunk: Buffer): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      switch (this.mode) {
        case 'container':
          i = this.scanContainer(chunk, i);
          break;
        case 'string-skip':
        case 'string-capture':
          i = this.scanString(chunk, i);
          break;
        case 'key':
          i = this.scanKey(chunk, i);
          break;
        case 'scalar':
          i = this.scanScalar(chunk, i);
          break;
        default:
          i = this.structural(chunk, i);
      }
    }
    this.bytes += n;
  }

  /** Throws unless the document ended cleanly. */
  end(): void {
    if (!this.done || this.stack.length > 0) throw new SyntaxError(`the JSON ends early (after ${this.bytes} bytes)`);
  }

  private keys(): string[] {
    return this.stack.map((f) => (f.array ? String(f.index) : f.key));
  }

  /** Where a value starting now sits relative to the targets. */
  private classify(keys: readonly string[]): { target?: JsonTarget; descend: boolean } {
    let descend = false;
    for (const t of this.targets) {
      if (t.path.length < keys.length) continue;
      let ok = true;
      for (let k = 0; k < keys.length; k++) if (t.path[k] !== '*' && t.path[k] !== keys[k]) ok = false;
      if (!ok) continue;
      if (t.path.length === keys.length) return { target: t, descend: false };
      descend = true;
    }
    return { descend };
  }

  private structural(chunk: Buffer, i: number): number {
    const c = chunk[i]!;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return i + 1;
    switch (this.mode) {
      case 'value':
        return this.startValue(chunk, i, c);
      case 'key-or-end':
        if (c === QUOTE) {
          this.mode = 'key';
          this.keyParts = [];
          return i + 1;
        }
        if (c === CLOSE_OBJ) return this.closeContainer(i);
        throw this.unexpected(c, i);
      case 'colon':
        if (c !== COLON) throw this.unexpected(c, i);
        this.mode = 'value';
        return i + 1;
      case 'comma-or-end': {
        const top = this.stack[this.stack.length - 1];
        if (!top) throw this.unexpected(c, i);
        if (c === COMMA) {
          if (top.array) {
            top.index += 1;
            this.mode = 'value';
          } else this.mode = 'key-or-end';
          return i + 1;
        }
        if (c === (top.array ? CLOSE_ARR : CLOSE_OBJ)) return this.closeContainer(i);
        throw this.unexpected(c, i);
      }
      default:
        throw this.unexpected(c, i);
    }
  }

  private startValue(chunk: Buffer, i: number, c: number): number {
    if (this.done) throw this.unexpected(c, i);
    const top = this.stack[this.stack.length - 1];
    if (top?.array && c === CLOSE_ARR && top.index === 0) return this.closeContainer(i); // "[]"
    const keys = this.keys();
    const { target, descend } = this.classify(keys);
    const wanted = target !== undefined && (target.want?.(keys) ?? true);
    if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (wanted) {
        this.capturing = target;
        this.capturedKeys = keys;
        this.captureParts = [];
        this.beginContainer(chunk, i, true);
        return i + 1;
      }
      if (descend && !target) {
        this.stack.push({ array: c === OPEN_ARR, key: '', index: 0 });
        this.mode = c === OPEN_ARR ? 'value' : 'key-or-end';
        return i + 1;
      }
      this.beginContainer(chunk, i, false);
      return i + 1;
    }
    if (c === QUOTE) {
      if (wanted) {
        this.capturing = target;
        this.capturedKeys = keys;
        this.captureParts = [chunk.subarray(i, i + 1)];
        this.mode = 'string-capture';
      } else this.mode = 'string-skip';
      this.escaped = false;
      return i + 1;
    }
    if (wanted) {
      this.capturing = target;
      this.capturedKeys = keys;
      this.captureParts = [];
    }
    this.mode = 'scalar';
    return i;
  }

  private beginContainer(chunk: Buffer, i: number, capture: boolean): void {
    this.depth = 1;
    this.inString = false;
    this.escaped = false;
    this.mode = 'container';
    if (capture) this.captureParts.push(chunk.subarray(i, i + 1));
  }

  /** Inside a skipped or captured container: only strings and brackets matter. Hot loop: locals, native indexOf. */
  private scanContainer(chunk: Buffer, start: number): number {
    let i = start;
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    // Backslashes before this point were already read (an escape that ended the last chunk).
    let floor = start;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i += 1;
          floor = i;
          continue;
        }
        const q = chunk.indexOf(QUOTE, i);
        if (q === -1) {
          escaped = oddBackslashesBefore(chunk, n, floor);
          i = n;
          break;
        }
        i = q + 1;
        if (!oddBackslashesBefore(chunk, q, floor)) inString = false;
        floor = i;
        continue;
      }
      const c = chunk[i]!;
      if (c === QUOTE) {
        inString = true;
        floor = i + 1;
      }
      else if (c === OPEN_OBJ || c === OPEN_ARR) depth += 1;
      else if ((c === CLOSE_OBJ || c === CLOSE_ARR) && --depth === 0) {
        i += 1;
        this.depth = 0;
        this.inString = false;
        this.escaped = false;
        if (this.capturing) {
          this.captureParts.push(chunk.subarray(start, i));
          this.emitCapture();
        }
        this.afterValue();
        return i;
      }
      i += 1;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    if (this.capturing) this.captureParts.push(chunk.subarray(start, n));
    return n;
  }

  private scanString(chunk: Buffer, start: number): number {
    let i = start;
    const n = chunk.length;
    while (i < n) {
      const c = chunk[i]!;
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        i += 1;
        if (this.mode === 'string-capture') {
          this.captureParts.push(chunk.subarray(start, i));
          this.emitCapture();
        }
        this.afterValue();
        return i;
      }
      i += 1;
    }
    if (this.mode === 'string-capture') this.captureParts.push(chunk.subarray(start, n));
    return n;
  }

  private scanKey(chunk: Buffer, start: number): number {
    let i = start;
    const n = chunk.length;
    while (i < n) {
      const c = chunk[i]!;
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        this.keyParts.push(chunk.subarray(start, i));
        const raw = Buffer.concat(this.keyParts).toString('utf8');
        this.stack[this.stack.length - 1]!.key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        this.keyParts = [];
        this.mode = 'colon';
        return i + 1;
      }
      i += 1;
    }
    this.keyParts.push(chunk.subarray(start, n));
    return n;
  }

  /** Numbers, true, false, null: read up to the next delimiter and dropped. */
  private scanScalar(chunk: Buffer, start: number): number {
    let i = start;
    const n = chunk.length;
    while (i < n) {
      const c = chunk[i]!;
      if (c === COMMA || c === CLOSE_OBJ || c === CLOSE_ARR || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        if (this.capturing) {
          this.captureParts.push(chunk.subarray(start, i));
          this.emitCapture();
        }
        this.afterValue();
        return i;
      }
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45)) throw this.unexpected(c, i);
      i += 1;
    }
    if (this.capturing) this.captureParts.push(chunk.subarray(start, n));
    return n;
  }

  private emitCapture(): void {
    const target = this.capturing!;
    const parts = this.captureParts;
    const text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts)).toString('utf8');
    this.captureParts = [];
    this.capturing = undefined;
    target.onValue(JSON.parse(text), this.capturedKeys);
  }

  private closeContainer(i: number): number {
    this.stack.pop();
    this.afterValue();
    return i + 1;
  }

  private afterValue(): void {
    if (this.stack.length === 0) {
      this.done = true;
      this.mode = 'value';
    } else this.mode = 'comma-or-end';
  }

  private unexpected(c: number, i: number): SyntaxError {
    return new SyntaxError(`unexpected ${JSON.stringify(String.fromCharCode(c))} in JSON at byte ${this.bytes + i}`);
  }
}
