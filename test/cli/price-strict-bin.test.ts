import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

function bomFile(resources: object[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tp-strict-')), 'bom.json');
  writeFileSync(file, JSON.stringify({ resources }));
  return file;
}

const priced = bomFile([{ type: 'eks_cluster', name: 'main' }]);
// WAF has no price in the embedded book: the line is unpriced with its reason.
const partly = bomFile([{ type: 'eks_cluster', name: 'main' }, { type: 'waf_web_acl', name: 'waf', rules: 3, requests: 1e6 }]);

describe('price exit codes', () => {
  it('exits 0 with unpriced lines unless --strict, and 3 with it, after printing everything', () => {
    const loose = runBin(['price', partly]);
    expect(loose.status).toBe(0);
    expect(loose.stdout).toContain('UNPRICED');
    const strict = runBin(['price', partly, '--strict']);
    expect(strict.status).toBe(3);
    expect(strict.stdout).toBe(loose.stdout);
    expect(strict.stderr).toBe('tier-planner: price --strict: 3 line item(s) unpriced\n');
    const json = runBin(['price', partly, '--strict', '--json']);
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout).monthly.complete).toBe(false);
  });

  it('exits 0 under --strict when every line is priced, and 2 for a bad file either way', () => {
    expect(runBin(['price', priced, '--strict'])).toMatchObject({ status: 0, stderr: '' });
    const bad = runBin(['price', bomFile([{ type: 'load_balancer', name: 'alb' }]), '--strict']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('$.resources[0].capacityUnits: required');
  });

  it('documents the exit codes in --help', () => {
    expect(runBin(['price', '--help']).stdout).toMatch(/3 with --strict when any line is unpriced/);
  });
});
