// Golden ladders: each built-in profile planned at 1, 10, …, 10M users from the embedded snapshot,
// rendered as a compact table and compared byte for byte with <profile>.ladder.txt.
// The goldens were reviewed by hand once (node counts against the capacity formulas in
// docs/methodology.md, totals against the line items); a change in the model or the snapshot that
// moves any figure fails here. Regenerate deliberately with: UPDATE_GOLDENS=1 npx vitest run test/goldens
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, formatUsd, loadPriceBook, planLadder, type Plan } from '@tier-planner/cost-model';
import { listProfiles } from '../../packages/cost-model/src/profiles/index.js';

const book = loadPriceBook({ region: 'us-east-1', embeddedOnly: true });

function renderLadder(plans: readonly Plan[]): string {
  const lines = [`# ${plans[0]!.profile.name}: ${plans[0]!.profile.title} (us-east-1 embedded snapshot, ${plans[0]!.hoursPerMonth} h)`];
  for (const p of plans) {
    const compute = p.nodes.length
      ? p.nodes.map((g) => `${g.count}x${g.instanceType}`).join('+')
      : p.fargate.map((t) => `${t.service}:${t.count}x${t.vcpu}vCPU/${t.memoryGb}GB`).join(' ');
    const { rds, cache, kafka } = p.datastores;
    const data = [rds && `${rds.instanceClass}/${rds.deployment}${rds.readReplicas ? `+${rds.readReplicas}rr` : ''}`, cache && `${cache.nodes}x${cache.nodeType}`, kafka && `${kafka.brokers}x${kafka.brokerType}`].filter(Boolean).join(' ');
    lines.push(`users ${p.users}: ${p.ha ? `HA/${p.azs}AZ` : 'single-AZ'} | ${compute} | ${data || '-'} | total ${formatUsd(p.monthly.total)} (exact ${p.monthly.total.toString()})`);
    lines.push(`  ${[...p.monthly.byService].map(([s, v]) => `${s} ${formatUsd(v)}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

describe('golden ladders per profile', () => {
  for (const { name } of listProfiles()) {
    it(name, () => {
      const text = renderLadder(planLadder(name, book, DEFAULT_LADDER));
      const file = fileURLToPath(new URL(`./${name}.ladder.txt`, import.meta.url));
      if (process.env.UPDATE_GOLDENS === '1') writeFileSync(file, text);
      if (!existsSync(file)) throw new Error(`golden ${file} is missing: run UPDATE_GOLDENS=1 npx vitest run test/goldens and review it`);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
