import { StringDecoder } from 'node:string_decoder';

// A streaming CSV reader (RFC 4180: quoted fields, "" inside quotes, CRLF or LF line ends, line
// breaks inside quotes). It hands over one row at a time; only the row being read is held.
// Fields are slices of the decoded chunk (fast), and a slice keeps its whole chunk alive: whoever
// keeps a field past the row copies it with ownString.

/** A copy of `s` that does not hold on to the string it was sliced from. */
export const ownString = (s: string): string => (s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8'));

export class CsvRowStream {
  private readonly decoder = new StringDecoder('utf8');
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  /** A quote seen inside a quoted field: the next character says whether it was "" or the closing one. */
  private quotePending = false;
  private fieldStarted = false;
  private rows = 0;

  constructor(private readonly onRow: (fields: readonly string[], rowNumber: number) => void) {}

  get rowsRead(): number {
    return this.rows;
  }

  write(chunk: Buffer): void {
    this.scan(this.decoder.write(chunk));
  }

  end(): void {
    this.scan(this.decoder.end());
    if (this.inQuotes && !this.quotePending) throw new SyntaxError(`a quoted CSV field is not closed (row ${this.rows + 1})`);
    this.quotePending = false;
    this.inQuotes = false;
    if (this.fieldStarted || this.row.length > 0) this.endRow();
  }

  private scan(text: string): void {
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.quotePending) {
        this.quotePending = false;
        if (c === 0x22) {
          // "" is one quote: keep this one, the field goes on.
          start = i;
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        // Jump to the next quote: inside quotes nothing else matters.
        const q = c === 0x22 ? i : text.indexOf('"', i);
        if (q === -1) {
          i = n;
          break;
        }
        this.field += text.slice(start, q);
        start = q + 1;
        i = q;
        this.quotePending = true;
        continue;
      }
      if (c === 0x22 && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        start = i + 1;
      } else if (c === 0x2c) {
        this.field += text.slice(start, i);
        this.endField();
        start = i + 1;
      } else if (c === 0x0a || c === 0x0d) {
        this.field += text.slice(start, i);
        if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
        if (this.fieldStarted || this.row.length > 0 || this.field !== '') this.endRow();
        start = i + 1;
      } else {
        this.fieldStarted = true;
      }
    }
    if (start < n) this.field += text.slice(start, n);
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRow(): void {
    this.endField();
    const row = this.row;
    this.row = [];
    this.rows += 1;
    this.onRow(row, this.rows);
  }
}
