import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped bin, which runs the esbuild bundle (dist/bundle/). */
export const SHIPPED_BIN = fileURLToPath(new URL('../../packages/planner-tui/bin/tier-planner.js', import.meta.url));
/** The same command from the tsc build (dist/cli/). */
export const TSC_BUILD_BIN = fileURLToPath(new URL('./tsc-build-bin.mjs', import.meta.url));

/** The bin under test: the shipped one, or another named by TIER_PLANNER_BIN (npm test runs the tsc build too). */
export const BIN = process.env.TIER_PLANNER_BIN ? resolve(process.env.TIER_PLANNER_BIN) : SHIPPED_BIN;

export interface BinResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `tier-planner` bin under test with this test's Node (20 or 24), no TTY, no colour. */
export function runBin(args: readonly string[], env: NodeJS.ProcessEnv = {}): BinResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
