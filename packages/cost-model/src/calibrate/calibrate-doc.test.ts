import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEMORY_HEADROOM } from './calibrate-services.js';
import { KEPT_REASONS } from './calibration-types.js';

const doc = readFileSync(new URL('../../../../docs/calibrate.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## The model: calibrateProfile'));

describe('docs/calibrate.md, "The model: calibrateProfile"', () => {
  it('states the memory headroom the code applies, as a tier-planner assumption', () => {
    expect(section).toContain(`p95 working set per replica × **${MEMORY_HEADROOM}**`);
    expect(section).toContain('**tier-planner assumption** (`MEMORY_HEADROOM`)');
  });

  it('explains every reason an assumption is kept', () => {
    for (const kind of KEPT_REASONS) expect(section).toContain(`\`${kind}\``);
  });
});
