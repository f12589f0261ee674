// Printed mode, byte for byte: the real bin in a child process, no TTY, NO_COLOR. Goldens were read
// through once by hand against docs/methodology.md; a change in output fails here on purpose.
// Regenerate deliberately: UPDATE_GOLDENS=1 npx vitest run test/cli/printed-goldens.test.ts
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function golden(name: string, text: string): void {
  const file = fileURLToPath(new URL(`./goldens/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, text);
  if (!existsSync(file)) throw new Error(`golden ${name} is missing: run UPDATE_GOLDENS=1 npx vitest run test/cli/printed-goldens.test.ts and review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

// Plans are read on a fixed date (the EKS support tier depends on it), so the goldens hold on any day.
const ON = ['--date', '2026-12-01'];
const cases: [string, string[]][] = [
  ['plan-10000.txt', ['--users', '10000', ...ON]],
  ['plan-10000.md', ['--users', '10000', '--format', 'markdown', ...ON]],
  ['plan-1m-microservices.csv', ['--users', '1000000', '--profile', 'microservices-mysql', '--format', 'csv', ...ON]],
  ['plan-100k-fargate-720h.txt', ['plan', '--users', '100_000', '--profile', 'trading-fargate', '--hours', '720', '--print', ...ON]],
  ['ladder.txt', ['ladder', ...ON]],
  ['ladder-microservices.md', ['ladder', '--profile', 'microservices-mysql', '--users', '100,10_000,1_000_000', '--format', 'markdown', ...ON]],
  ['profiles.txt', ['profiles']],
  ['compare-seed.txt', ['compare', '--profile', 'seed-ladder-as-written']],
  ['compare-seed-004.txt', ['compare', '--profile', 'seed-004-stacks']],
  ['plan-scenario-seed-001.md', ['--scenario', 'seed-001-load-test', '--format', 'markdown', ...ON]],
  ['price-bom.txt', ['price', fixture('bom.json')]],
  // On 2025-06-01 PostgreSQL 12 is in year 1 of RDS Extended Support and MySQL 5.7 in year 2.
  ['price-bom-catalog.txt', ['price', fixture('bom-catalog.json'), '--date', '2025-06-01']],
  ['price-bom-usage.txt', ['price', fixture('bom-usage.json')]],
];

describe('printed output goldens', () => {
  it.each(cases)('%s', (name, args) => {
    const r = runBin(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    golden(name, r.stdout);
  });

  it('diff of two plan files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-diff-'));
    for (const [file, users] of [['a.json', '1000'], ['b.json', '100000']] as const) {
      const r = runBin(['--users', users, '--profile', 'microservices-mysql', '--json', ...ON]);
      expect(r.status).toBe(0);
      writeFileSync(join(dir, file), r.stdout);
    }
    const r = runBin(['diff', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(r.status).toBe(0);
    golden('diff.txt', r.stdout.replaceAll(dir + '/', ''));
  });
});
