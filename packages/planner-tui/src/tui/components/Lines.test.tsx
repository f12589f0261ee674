import fc from 'fast-check';
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { COLOUR_THEME, PLAIN_THEME, ThemeContext, type TextRole } from '../style/theme.js';
import { Lines } from './Lines.js';

afterEach(() => cleanup());

/** The frame Ink draws for `lines` as one Text node, the way every block was drawn before strips. */
function asOneText(lines: readonly string[], role: TextRole, theme = COLOUR_THEME): string {
  return render(<Text {...theme[role]}>{lines.map((l) => l.trimEnd() || ' ').join('\n')}</Text>).lastFrame() ?? '';
}

function asLines(lines: readonly string[], role: TextRole, theme = COLOUR_THEME): string {
  return (
    render(
      <ThemeContext.Provider value={theme}>
        <Lines lines={lines} role={role} />
      </ThemeContext.Provider>,
    ).lastFrame() ?? ''
  );
}

const table = fc.array(fc.stringMatching(/^[ a#·█▉×…↑÷±$.|]{0,60}$/), { minLength: 0, maxLength: 20 });

describe('Lines', () => {
  it('draws the same frame as one Text node, in every role and theme', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<TextRole>('plain', 'title', 'muted', 'total'), fc.boolean(), (lines, role, colour) => {
        const theme = colour ? COLOUR_THEME : PLAIN_THEME;
        expect(asLines(lines, role, theme)).toBe(asOneText(lines, role, theme));
        cleanup();
      }),
      { numRuns: 60 },
    );
  });

  it("draws a chart's filled area, cut into bands and shared runs, the same as one Text node", () => {
    // Lines come cut to the width (ink-testing-library's is 100 columns), as the explorer's do.
    const chart = fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 3, maxLength: 30 }).map((starts) => starts.sort((a, b) => b - a).map((s, i) => `${i === 0 ? ' $44k' : '     '} |${' '.repeat(s)}.:${'#'.repeat(90 - s)}`));
    fc.assert(
      fc.property(chart, (lines) => {
        expect(asLines(lines, 'plain')).toBe(asOneText(lines, 'plain'));
        cleanup();
      }),
      { numRuns: 30 },
    );
  });
});
