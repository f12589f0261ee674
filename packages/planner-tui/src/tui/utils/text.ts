/** Cuts a line to `width` columns, marking the cut with `mark`, so no line ever wraps. */
export function fit(text: string, width: number, mark = '…'): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width === 1 ? mark : text.slice(0, width - 1) + mark;
}

/**
 * Exactly `width` columns: cut or padded with spaces (for side-by-side columns). Cells mark a cut
 * with "~": table rows are long, and a row with any non-ASCII character costs Ink about 100× more
 * to measure on every frame.
 */
export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const t = fit(text, width, '~');
  return align === 'left' ? t.padEnd(width) : t.padStart(width);
}

/** "10k", "2.5M": compact counts for axis labels. */
export function compactCount(n: number): string {
  const units: [number, string][] = [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, suffix] of units) {
    if (n >= size) return `${trimZeros((n / size).toFixed(n / size >= 10 ? 0 : 1))}${suffix}`;
  }
  return String(Math.round(n));
}

/** "$1.2k", "$340": compact money for chart labels (the exact figures are elsewhere). */
export function compactUsd(n: number): string {
  return n >= 1000 ? `$${compactCount(n)}` : `$${trimZeros(n.toFixed(n >= 10 ? 0 : 2))}`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * Word-wraps `text` into lines of at most `width` columns. A word longer than a line (a path)
 * starts where it is and is broken at the edge, so every character stays on screen. At most
 * `maxLines`: the last one then ends in "…".
 */
export function wrap(text: string, width: number, maxLines = Infinity): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line ? `${line} ${word}` : word;
    if (joined.length <= width) {
      line = joined;
      continue;
    }
    if (word.length <= width) {
      lines.push(line);
      line = word;
      continue;
    }
    line = joined;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line || lines.length === 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, width);
  return kept;
}

/**
 * Joins `parts` with `separator`: the first always, each later one only if the line still fits
 * `width`. The most important facts come first, and the rest drop out on a narrow screen.
 */
export function joinWhileFits(parts: readonly string[], width: number, separator = ' · '): string {
  let line = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (line.length + separator.length + part.length <= width) line += separator + part;
  }
  return fit(line, width);
}
