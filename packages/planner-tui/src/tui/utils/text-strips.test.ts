import fc from 'fast-check';
import { loadPriceBook, planTier } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { lineItemLines } from './line-items-view.js';
import stringWidth from 'string-width';
import { oneColumnEach, printableAscii, stripCharacters, textBands, tokenisedCharacters } from './text-strips.js';

/** The screen rows the bands draw: each strip's lines laid at its column over blank cells. */
function drawn(bands: ReturnType<typeof textBands>): string[] {
  return bands.flatMap((band) =>
    Array.from({ length: band.rows }, (_, row) => {
      let line = '';
      for (const strip of band.strips) {
        const text = strip.lines[row]!;
        expect(text.length).toBeLessThanOrEqual(strip.width);
        line = line.padEnd(strip.x) + text;
      }
      return line.trimEnd();
    }),
  );
}

const block = (chars: string) => fc.array(fc.stringMatching(new RegExp(`^[${chars}]{0,70}$`)), { minLength: 0, maxLength: 30 });

describe('text strips', () => {
  it('draw every line exactly, with strips in column order that never overlap', () => {
    fc.assert(
      fc.property(block(' a#·█.'), (lines) => {
        const bands = textBands(lines);
        expect(bands.reduce((n, b) => n + b.rows, 0)).toBe(lines.length);
        expect(drawn(bands)).toEqual(lines.map((l) => l.trimEnd()));
        for (const band of bands) {
          band.strips.forEach((s, i) => i && expect(s.x).toBeGreaterThanOrEqual(band.strips[i - 1]!.x + band.strips[i - 1]!.width));
        }
        expect(stripCharacters(bands)).toBeLessThanOrEqual(lines.reduce((n, l) => n + l.trimEnd().length, 0));
      }),
    );
  });

  it('leave a block with a wide or zero-width character whole, as string indexes are not columns there', () => {
    fc.assert(
      fc.property(block(' a'), fc.constantFrom('日', '\u200B', '\u0301', '😀'), (lines, odd) => {
        const bands = textBands([...lines, `x${' '.repeat(20)}${odd}`]);
        expect(bands).toHaveLength(1);
        expect(bands[0]!.strips).toHaveLength(1);
        expect(bands[0]!.strips[0]!.x).toBe(0);
      }),
    );
  });

  it("tokenise a chart's filled area once per band, not once a row", () => {
    // An area chart: an axis, then each row filled from where the curve passes it to the right edge.
    const chart = fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 10, maxLength: 40 }).map((starts) => starts.sort((a, b) => b - a).map((s) => `      |${' '.repeat(s)}.:${'#'.repeat(190 - s)}`));
    fc.assert(
      fc.property(chart, (lines) => {
        const bands = textBands(lines);
        expect(drawn(bands)).toEqual(lines);
        const whole = lines.reduce((n, l) => n + l.trimEnd().length, 0);
        expect(tokenisedCharacters(bands)).toBeLessThan(whole * 0.6);
      }),
    );
  });

  it('leave out most of the line items table at 200 columns: its columns are mostly padding', () => {
    const plan = planTier({ users: 10_000_000, profile: 'eks-web-app' }, loadPriceBook(), {});
    const rows = lineItemLines(plan.lineItems, 200).rows;
    const whole = rows.reduce((n, l) => n + l.trimEnd().length, 0);
    const bands = textBands(rows);
    expect(drawn(bands)).toEqual(rows.map((l) => l.trimEnd()));
    expect(stripCharacters(bands)).toBeLessThan(whole * 0.7);
  });

  it('count one column for each character they take as one column, as Ink measures it', () => {
    // Lines stands 'x's in for such characters while Ink measures a frame, so the widths must agree.
    const oneColumn: string[] = [];
    for (let code = 0x20; code <= 0x2fff; code++) if (oneColumnEach(String.fromCharCode(code))) oneColumn.push(String.fromCharCode(code));
    expect(oneColumn.length).toBeGreaterThan(600);
    expect(oneColumn.filter((c) => stringWidth(c) !== 1)).toEqual([]);
    expect(printableAscii('a b~') && !printableAscii('a·b') && !oneColumnEach('a\u200Bb') && !oneColumnEach('宽')).toBe(true);
  });
});
