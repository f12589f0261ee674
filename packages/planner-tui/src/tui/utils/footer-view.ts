import { fit } from './text.js';

const SEPARATOR = ' · ';
/** Always shown, so the way out and the key list are never cut off. */
const ALWAYS = '? help · q quit';

/** Key hints in screen order; `rank` says which stay longest when the line is short (1 first). */
const HINTS: readonly { readonly text: string; readonly rank: number }[] = [
  { text: '↑↓ users ×10 ÷10', rank: 1 },
  { text: '←→ ±10%', rank: 2 },
  { text: 'p profile', rank: 4 },
  { text: 'o purchase', rank: 5 },
  { text: 'h HA', rank: 8 },
  { text: 'f families', rank: 9 },
  { text: 'Tab pane', rank: 3 },
  { text: 's pin', rank: 6 },
  { text: 'e export', rank: 7 },
];

/** The key line: as many hints as fit, most useful first, and always `? help · q quit` at the end. */
export function footerLine(width: number): string {
  const chosen = new Set<string>();
  let length = ALWAYS.length;
  for (const hint of [...HINTS].sort((a, b) => a.rank - b.rank)) {
    const more = hint.text.length + SEPARATOR.length;
    if (length + more > width) break;
    chosen.add(hint.text);
    length += more;
  }
  return fit([...HINTS.filter((h) => chosen.has(h.text)).map((h) => h.text), ALWAYS].join(SEPARATOR), width);
}
