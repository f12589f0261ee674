import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOURCE_TYPES } from '@tier-planner/cost-model';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/bom.md', root), 'utf8');

describe('docs/bom.md (linked from tier-planner price --help)', () => {
  it('exists where price --help points', () => {
    const link = /docs\/bom\.md/.exec(runBin(['price', '--help']).stdout)?.[0];
    expect(link).toBe('docs/bom.md');
    expect(existsSync(new URL(link!, root))).toBe(true);
  });

  it('documents every resource type and each of its fields', () => {
    const sections = doc.split('\n### ').slice(1);
    expect(sections.map((s) => /^`(\w+)`/.exec(s)![1]).sort()).toEqual([...RESOURCE_TYPES.keys()].sort());
    for (const [type, spec] of RESOURCE_TYPES) {
      const section = sections.find((s) => s.startsWith(`\`${type}\``))!;
      const documented = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
      expect(documented, type).toEqual(Object.keys(spec.fields));
    }
  });

  it('shows an error message as price prints it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-bom-doc-'));
    const bom = { resources: [{ type: 'eks_cluster', name: 'a' }, { type: 'eks_cluster', name: 'b' }, { type: 'ebs_volume', name: 'v', sizeGb: '20' }] };
    writeFileSync(join(dir, 'bom.json'), JSON.stringify(bom));
    const r = runBin(['price', join(dir, 'bom.json')]);
    expect(r.status).toBe(2);
    const example = /e\.g\. `(\$\.resources\[2\]\.sizeGb: [^`]+)`/.exec(doc.replace(/\n/g, ' '))![1]!;
    expect(r.stderr).toContain(example);
  });
});
