// What the printed path costs at start-up beyond the code it loads: a process's first use of Intl
// sets up ICU (~10–30 ms, more than the model run), so --help and --version touch no Intl and a
// printed plan writes its numbers with numberText. Run on the tsc build, whose file paths show
// where each use comes from.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_BIN, TSC_BUILD_BIN } from './run-bin.js';

const probe = fileURLToPath(new URL('./intl-probe.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tp-intl-'));

function intlUses(bin: string, args: string[]): string[] {
  const out = join(dir, `${args.join('_').replace(/\W+/g, '-')}.json`);
  const r = spawnSync(process.execPath, ['--import', probe, bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INTL_PROBE_OUT: out }, timeout: 20_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
}

describe('Intl on the start-up path', () => {
  it('the probe sees a use of Intl', () => {
    const out = join(dir, 'self.json');
    spawnSync(process.execPath, ['--import', probe, '-e', "(1234).toLocaleString('en-US'); new Intl.NumberFormat('en-US').format(1)"], { env: { ...process.env, INTL_PROBE_OUT: out } });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(2);
  });

  it.each([[['--help']], [['--version']], [['plan', '--help']]])('%j touches no Intl (bundle and tsc build)', (args) => {
    expect(intlUses(SHIPPED_BIN, args)).toEqual([]);
    expect(intlUses(TSC_BUILD_BIN, args)).toEqual([]);
  });

  it.each([
    [['--users', '10000', '--print', '--date', '2026-12-01']],
    [['--users', '2000000', '--profile', 'microservices-mysql', '--print', '--date', '2026-12-01']],
    [['--users', '500000', '--profile', 'trading-fargate', '--format', 'markdown', '--date', '2026-12-01']],
  ])('a printed plan %j formats no number through Intl (bundle and tsc build)', (args) => {
    // Intl's first use costs tens of milliseconds of a cold start; numbers are written with numberText.
    expect(intlUses(SHIPPED_BIN, args)).toEqual([]);
    expect(intlUses(TSC_BUILD_BIN, args)).toEqual([]);
  });
});
