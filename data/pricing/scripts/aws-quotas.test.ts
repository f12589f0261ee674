// The model's AWS quota defaults (packages/cost-model/src/capacity/aws-quotas.ts) agree with the
// shared facts file they were read from, when that file is present.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLUSTERS_PER_REGION, MANAGED_NODE_GROUPS_PER_CLUSTER, NODES_PER_MANAGED_NODE_GROUP } from '../../../packages/cost-model/src/capacity/aws-quotas.js';
import { readTsv } from './read-tsv.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const quotasFile = join(resolve(process.env.SHARED_DATA_DIR ?? resolve(here, '../../../../shared/data')), 'aws', 'eks-quotas.tsv');

describe.skipIf(!existsSync(quotasFile))('AWS quota defaults', () => {
  const rows = existsSync(quotasFile) ? readTsv(quotasFile).rows : [];
  it.each([
    ['Nodes per managed node group', NODES_PER_MANAGED_NODE_GROUP],
    ['Managed node groups per cluster', MANAGED_NODE_GROUPS_PER_CLUSTER],
    ['Clusters', CLUSTERS_PER_REGION],
  ] as const)('%s matches eks-quotas.tsv', (name, quota) => {
    const row = rows.find((r) => r.quota === name)!;
    expect(Number(row.default_value)).toBe(quota.defaultValue);
    expect(row.adjustable === 'yes').toBe(quota.adjustable);
    expect(quota.source).toContain(row.source!.split(' (')[0]!.split(' @ ')[1]!);
  });
});
