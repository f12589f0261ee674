import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profilesReport } from './profiles-report.js';

const DOC = new URL('../../../../docs/profiles.md', import.meta.url);

describe('docs/profiles.md', () => {
  it('is the current output of profilesReport (regenerate it when this fails)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(profilesReport());
  });
});
