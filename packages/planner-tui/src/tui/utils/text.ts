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
