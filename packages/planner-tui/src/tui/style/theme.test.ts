import { describe, expect, it } from 'vitest';
import { COLOUR_THEME, PLAIN_THEME, colourAllowed, type TextRole } from './theme.js';

describe('NO_COLOR (no-color.org)', () => {
  it('any non-empty value turns colour off; unset or empty leaves it on', () => {
    expect(colourAllowed({})).toBe(true);
    expect(colourAllowed({ NO_COLOR: '' })).toBe(true);
    expect(colourAllowed({ NO_COLOR: '1' })).toBe(false);
    expect(colourAllowed({ NO_COLOR: '0' })).toBe(false);
    expect(colourAllowed({ NO_COLOR: 'false' })).toBe(false);
  });

  it('the plain theme gives no role any colour, bold or dim; the colour theme does', () => {
    const roles = Object.keys(COLOUR_THEME) as TextRole[];
    expect(roles.filter((r) => Object.keys(COLOUR_THEME[r]).length > 0).length).toBeGreaterThan(0);
    for (const r of roles) expect(PLAIN_THEME[r]).toEqual({});
  });
});
