import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The snapshots shipped in @tier-planner/pricing-data (data/pricing/snapshots in the repo). */
export function embeddedSnapshotDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tier-planner/pricing-data/package.json')), 'snapshots');
}

/**
 * Where `tier-planner pricing refresh` writes and where loading looks first:
 * $TIER_PLANNER_PRICING_DIR, else $XDG_DATA_HOME/tier-planner/pricing, else ~/.local/share/tier-planner/pricing.
 */
export function userSnapshotDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TIER_PLANNER_PRICING_DIR) return env.TIER_PLANNER_PRICING_DIR;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'tier-planner', 'pricing');
}

export function snapshotPath(dir: string, region: string): string {
  return join(dir, `${region}.json`);
}

/** Regions with a snapshot file in `dir` (none if the folder does not exist). */
export function regionsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[a-z]{2}(-[a-z]+)+-\d\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}
