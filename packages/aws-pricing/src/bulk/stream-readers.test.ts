import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRowStream } from './csv-rows.js';
import { csvAttributeName, KNOWN_ATTRIBUTES } from './csv-columns.js';
import { JsonValueStream, type JsonTarget } from './json-values.js';
import { csvTitle } from '../testing/bulk-offer-files.js';
import { SERVICES, ec2InstanceQueries } from '../services/index.js';
import { readEmbeddedReference } from '../embedded-reference.js';

// The streaming readers, fed the same text cut into chunks at arbitrary places (down to one byte):
// what they hand over must not depend on where the chunks end.

function chunked(text: string, cuts: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(at, p));
    at = p;
  }
  return parts;
}

function collectJson(text: string, targets: (out: unknown[]) => JsonTarget[], cuts: readonly number[] = []): unknown[] {
  const out: unknown[] = [];
  const stream = new JsonValueStream(targets(out));
  for (const part of chunked(text, cuts)) stream.write(part);
  stream.end();
  return out;
}

const offerLike = {
  formatVersion: 'v1.0',
  publicationDate: '2026-11-20T00:00:00Z',
  skipped: { deep: [1, 2, { x: '}]"', y: 'ends in a backslash \\', z: '\\"{' }], n: -1.5e3, t: true, z: null },
  products: {
    A: { sku: 'A', attributes: { memory: '1,952 GiB', note: 'quote " and \\ backslash, brace } bracket ]' } },
    B: { sku: 'B', attributes: { unicode: 'Asie Pacifique (Séoul) – 東京', tail: 'C:\\', quoted: '\\"}' } },
  },
  terms: { OnDemand: { A: { 'A.X': { p: 1 } }, B: { 'B.X': { p: 2 } } }, Reserved: { B: { 'B.Y': { p: 3 } } } },
  list: [{ a: 1 }, [], {}, 'str'],
};

describe('JsonValueStream', () => {
  const targets = (out: unknown[]): JsonTarget[] => [
    { path: ['publicationDate'], onValue: (v) => out.push(['date', v]) },
    { path: ['products', '*'], onValue: (v, k) => out.push([k.join('.'), v]) },
    { path: ['terms', '*', '*'], want: (k) => k[2] === 'B', onValue: (v, k) => out.push([k.join('.'), v]) },
    { path: ['list', '*'], onValue: (v, k) => out.push([k.join('.'), v]) },
  ];
  const expected = [
    ['date', offerLike.publicationDate],
    ['products.A', offerLike.products.A],
    ['products.B', offerLike.products.B],
    ['terms.OnDemand.B', offerLike.terms.OnDemand.B],
    ['terms.Reserved.B', offerLike.terms.Reserved.B],
    ['list.0', { a: 1 }],
    ['list.1', []],
    ['list.2', {}],
    ['list.3', 'str'],
  ];

  it('hands over exactly the values at the target paths, skipping the rest and the unwanted SKUs', () => {
    expect(collectJson(JSON.stringify(offerLike, null, 2), targets)).toEqual(expected);
    expect(collectJson(JSON.stringify(offerLike), targets)).toEqual(expected);
  });

  it('gives the same values however the bytes are chunked (cuts inside strings, escapes and multi-byte characters)', () => {
    const text = JSON.stringify(offerLike, null, 1);
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
      expect(collectJson(text, targets, cuts)).toEqual(expected);
    }), { numRuns: 300 });
    // Every single-byte boundary once.
    const bytes = Buffer.from(text);
    const out: unknown[] = [];
    const stream = new JsonValueStream(targets(out));
    for (let i = 0; i < bytes.length; i++) stream.write(bytes.subarray(i, i + 1));
    stream.end();
    expect(out).toEqual(expected);
  });

  it('agrees with JSON.parse on random documents', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.nat(), { maxLength: 10 }), (products, cuts) => {
        const doc = { head: 'x', products, tail: [1, 'two'] };
        const got = collectJson(JSON.stringify(doc), (out) => [{ path: ['products', '*'], onValue: (v, k) => out.push([k[1], v]) }], cuts);
        // JSON.parse's view of the same text (so -0 and such normalise the same way).
        expect(got).toEqual(Object.entries(JSON.parse(JSON.stringify(products)) as Record<string, unknown>));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a document that is cut short or malformed', () => {
    const stream = new JsonValueStream([]);
    stream.write(Buffer.from('{"products": {"A": {"sku": "A"'));
    expect(() => stream.end()).toThrow(SyntaxError);
    // Skipped containers are only bracket-counted; the structure around wanted values is checked.
    expect(() => new JsonValueStream([{ path: ['a', 'b'], onValue: () => {} }]).write(Buffer.from('{"a" 1}'))).toThrow(/unexpected "1" in JSON at byte 5/);
  });
});

function collectCsv(text: string, cuts: readonly number[] = []): string[][] {
  const rows: string[][] = [];
  const stream = new CsvRowStream((fields) => rows.push([...fields]));
  for (const part of chunked(text, cuts)) stream.write(part);
  stream.end();
  return rows;
}

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

describe('CsvRowStream', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks, CRLF and empty fields', () => {
    const text = '"FormatVersion","v1.0"\r\n"SKU","Memory","Note"\r\n"A","1,952 GiB","say ""hi""\nnext line"\r\nB,,plain\n';
    expect(collectCsv(text)).toEqual([
      ['FormatVersion', 'v1.0'],
      ['SKU', 'Memory', 'Note'],
      ['A', '1,952 GiB', 'say "hi"\nnext line'],
      ['B', '', 'plain'],
    ]);
  });

  it('reads back any table written in the offer files quoting style, however it is chunked', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', '東', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 20 }), (table, cuts) => {
        const text = `${table.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
        expect(collectCsv(text, cuts)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an unclosed quoted field', () => {
    expect(() => collectCsv('"SKU","open\n')).toThrow(/not closed/);
  });
});

describe('CSV column titles', () => {
  it('map back to every attribute name a service definition filters on or reads', () => {
    const embedded = readEmbeddedReference();
    const used = new Set<string>(KNOWN_ATTRIBUTES);
    for (const q of [...ec2InstanceQueries('us-east-1'), ...SERVICES.flatMap((s) => s.queries('us-east-1'))]) {
      for (const f of Object.keys(q.filters)) if (f !== 'productFamily') used.add(f);
    }
    for (const p of embedded.prices) {
      for (const s of SERVICES) {
        const m = s.ruleFor(p.key)?.match;
        if (m) [...Object.keys(m.attributes ?? {}), ...Object.keys(m.example ?? {}), ...Object.keys(s.regionAttributes('us-east-1'))].forEach((a) => used.add(a));
      }
    }
    for (const name of used) expect(csvAttributeName(csvTitle(name)), name).toBe(name);
    expect(csvAttributeName('Pre Installed S/W')).toBe('preInstalledSw');
    expect(csvAttributeName('vCPU')).toBe('vcpu');
    expect(csvAttributeName('Instance Type')).toBe('instanceType');
  });
});
