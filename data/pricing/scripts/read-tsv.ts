import { readFileSync } from 'node:fs';

export interface Tsv {
  /** The file's `#` header lines, without the `# `. */
  readonly comments: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/** Reads a shared-facts TSV: `#` comment lines, one header row, then tab-separated rows. */
export function readTsv(path: string): Tsv {
  const lines = readFileSync(path, 'utf8').split('\n');
  const comments = lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/^#\s?/, ''));
  const data = lines.filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = data[0]?.split('\t');
  if (!header) throw new Error(`${path}: no header row`);
  const rows = data.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length > header.length) throw new Error(`${path}: row ${i + 2} has ${cells.length} cells, header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? '').trim()]));
  });
  return { comments, rows };
}

/** The commit/date note in a header line such as "source: github.com/x/y path @ abc123 2026-01-22". */
export function sourceLine(tsv: Tsv): string {
  const line = tsv.comments.find((c) => c.startsWith('source:'));
  if (!line) throw new Error('TSV has no "# source:" header line');
  return line.slice('source:'.length).trim();
}
