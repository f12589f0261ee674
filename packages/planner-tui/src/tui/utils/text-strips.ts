// Ink draws a frame by tokenising every character it is given, spaces included, on every frame
// (its caches last one frame). Tables, bars and charts are mostly the spaces that line their
// columns up: cut a block of lines into strips at the blank columns they share, place each strip at
// its column, and those spaces are never handed to Ink. The screen is the same cell for cell.

/** A run of text at column `x`, `width` columns wide: the block's lines cut to those columns, ends trimmed. */
export interface TextStrip {
  readonly x: number;
  readonly width: number;
  readonly lines: readonly string[];
}

/** Consecutive lines of a block that share their strips. */
export interface TextBand {
  readonly rows: number;
  readonly strips: readonly TextStrip[];
}

/** Shared blank columns narrower than this stay inside a strip: a strip costs Ink a node. */
const MIN_GAP = 6;
/**
 * Rows a band takes at most. Bands grow while that is cheaper than a new band; a slope (a chart's
 * edge) grows its waste a row at a time, so a short band is cheaper all told.
 */
const MAX_BAND_ROWS = 4;
/** A run shared by this many rows, at least this long, is worth two more strips. */
const MIN_SHARED_ROWS = 3;
const MIN_SHARED_RUN = 24;
/** What one more strip costs Ink, in characters it would otherwise tokenise. */
const STRIP_COST = 40;

/**
 * Characters one column wide, so a string index is a screen column. Any other character (a wide or
 * zero-width one) leaves the block as one run, as Ink measures it.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u00FF\u2013-\u2026\u2190-\u21FF\u2200-\u22FF\u2500-\u259F]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** Every character of the line is one column wide (see ONE_COLUMN_EACH). */
export const oneColumnEach = (line: string): boolean => ONE_COLUMN_EACH.test(line);
/** Printable ASCII only: what Ink's string-width measures without segmenting. */
export const printableAscii = (line: string): boolean => PRINTABLE_ASCII.test(line);

/** The block as bands of strips; lines with no shared blank columns (or unusual characters) stay whole. */
export function textBands(lines: readonly string[]): TextBand[] {
  const trimmed = lines.map((l) => l.trimEnd());
  if (trimmed.length === 0) return [];
  if (!trimmed.every(oneColumnEach)) return [{ rows: lines.length, strips: [{ x: 0, width: widest(trimmed), lines: trimmed }] }];
  const bands: TextBand[] = [];
  let from = 0;
  let mask = blankColumns(trimmed[0]!);
  let band = stripsOf(mask, trimmed, from, 1);
  let own = band;
  for (let row = 1; row <= trimmed.length; row++) {
    if (row < trimmed.length) {
      const ownMask = blankColumns(trimmed[row]!);
      own = stripsOf(ownMask, trimmed, row, row + 1);
      const grownMask = sharedBlanks(mask, ownMask);
      const grown = stripsOf(grownMask, trimmed, from, row + 1);
      if (row - from < MAX_BAND_ROWS && grown.cost <= band.cost + own.cost) {
        mask = grownMask;
        band = grown;
        continue;
      }
      bands.push(bandOf(trimmed, from, row, band.strips));
      from = row;
      mask = ownMask;
      band = own;
      continue;
    }
    bands.push(bandOf(trimmed, from, row, band.strips));
  }
  return bands;
}

/** Characters handed to Ink for the bands, to compare with the lines' own. */
export function stripCharacters(bands: readonly TextBand[]): number {
  return bands.reduce((sum, b) => sum + b.strips.reduce((s, strip) => s + strip.lines.reduce((n, l) => n + l.length, 0), 0), 0);
}

/** Characters Ink tokenises for the bands: each distinct line of a strip once (its cache lasts a frame). */
export function tokenisedCharacters(bands: readonly TextBand[]): number {
  return bands.reduce((sum, b) => sum + b.strips.reduce((s, strip) => s + [...new Set(strip.lines)].reduce((n, l) => n + l.length, 0), 0), 0);
}

function widest(lines: readonly string[]): number {
  return lines.reduce((w, l) => Math.max(w, l.length), 0);
}

function bandOf(lines: readonly string[], from: number, to: number, strips: readonly { x: number; width: number }[]): TextBand {
  const rows = lines.slice(from, to);
  const cut = (x: number, width: number): TextStrip => ({ x, width, lines: rows.map((l) => l.slice(x, x + width).trimEnd()) });
  return { rows: to - from, strips: strips.flatMap((s) => sharedRun(rows, s).map((piece) => cut(piece.x, piece.width))) };
}

/**
 * Ink tokenises each distinct line of a write once per frame. Where every row of a strip has the
 * same characters over a run of columns (a chart's filled area), that run becomes a strip of its
 * own, its lines all one string: tokenised once instead of once a row.
 */
function sharedRun(rows: readonly string[], strip: { x: number; width: number }): { x: number; width: number }[] {
  if (rows.length < MIN_SHARED_ROWS) return [strip];
  const end = Math.min(strip.x + strip.width, ...rows.map((l) => l.length));
  let start = end;
  while (start > strip.x && rows.every((l) => l.charCodeAt(start - 1) === rows[0]!.charCodeAt(start - 1))) start--;
  if (end - start < MIN_SHARED_RUN || end - start === strip.width) return [strip];
  const pieces = [{ x: strip.x, width: start - strip.x }, { x: start, width: end - start }, { x: end, width: strip.x + strip.width - end }];
  return pieces.filter((p) => p.width > 0 && rows.some((l) => l.slice(p.x, p.x + p.width).trim() !== ''));
}

/** 1 for each column of the line that is a space, up to its end. */
function blankColumns(line: string): Uint8Array {
  const blank = new Uint8Array(line.length);
  for (let x = 0; x < line.length; x++) blank[x] = line.charCodeAt(x) === 32 ? 1 : 0;
  return blank;
}

/** Columns blank in both: past a line's end counts as blank. */
function sharedBlanks(a: Uint8Array, b: Uint8Array): Uint8Array {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const shared = long.slice();
  for (let x = 0; x < short.length; x++) shared[x] = shared[x]! & short[x]!;
  return shared;
}

/** Strips of lines [from, to) whose shared blank columns are `blank`; cost = characters written + strips. */
function stripsOf(blank: Uint8Array, lines: readonly string[], from: number, to: number): { strips: { x: number; width: number }[]; cost: number } {
  const width = blank.length;
  const strips: { x: number; width: number }[] = [];
  let x = 0;
  while (x < width) {
    while (x < width && blank[x]) x++;
    if (x >= width) break;
    const start = x;
    let end = x;
    // A strip runs on over gaps too narrow to be worth a node of their own.
    for (let gap = 0; x < width; x++) {
      if (!blank[x]) {
        end = x + 1;
        gap = 0;
      } else if (++gap >= MIN_GAP) break;
    }
    strips.push({ x: start, width: end - start });
  }
  let cost = STRIP_COST * Math.max(1, strips.length);
  for (let row = from; row < to; row++) {
    const line = lines[row]!;
    for (const s of strips) {
      // The row's part of the strip, its trailing spaces cut.
      let end = Math.min(s.x + s.width, line.length);
      while (end > s.x && line.charCodeAt(end - 1) === 32) end--;
      cost += end - s.x;
    }
  }
  return { strips, cost };
}
