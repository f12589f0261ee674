// Builds data/pricing/snapshots/us-east-1.json from the shared fact files (../shared/data):
//   npm run pricing:build            (SHARED_DATA_DIR overrides where the facts are)
// The result is committed, so users of tier-planner never need the shared folder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotPath, writeSnapshotAtomic, type SnapshotContent } from '@tier-planner/cost-model';
import { readTsv } from './read-tsv.js';
import { buildEc2Catalog } from './sources/ec2-catalog.js';
import { buildEc2Generation } from './sources/ec2-generation.js';
import { buildEc2Reserved } from './sources/ec2-reserved.js';
import { buildEksCalendar } from './sources/eks-versions.js';
import { FactRows } from './sources/fact-rows.js';
import { buildGithubActions } from './sources/github-actions.js';
import { addRdsClassSpecs } from './sources/rds-classes.js';
import { buildServicePrices } from './sources/service-prices.js';
import { USAGE_MISSING, buildUsagePrices } from './sources/usage-prices.js';
import { withManagedSpecs } from './sources/managed-specs.js';
import { CORRECTIONS_SOURCE, buildAllowances } from './sources/allowances.js';
import { buildCatalogExtras } from './sources/catalog-extras.js';
import { RDS_EXTENDED_SUPPORT_SOURCES, buildRdsExtendedSupport } from './sources/rds-extended-support.js';
import { AWS_PAGE_MISSING, AWS_PAGE_SOURCES, buildAwsPageAllowances, buildAwsPagePrices } from './sources/aws-pages.js';
import { COMMITMENT_MISSING } from './sources/commitments.js';

const REGION = 'us-east-1';
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

export function buildSnapshot(sharedDataDir: string, generatedAt: string): SnapshotContent {
  const aws = join(sharedDataDir, 'aws');
  const facts = new FactRows(readTsv(join(aws, 'service-unit-prices.tsv')), readTsv(join(aws, 'managed-services-prices.tsv')));
  const reserved = buildEc2Reserved(facts);
  const ec2 = buildEc2Catalog(aws, REGION, reserved, buildEc2Generation(aws));
  const rdsClasses = addRdsClassSpecs(aws, [...buildServicePrices(facts), ...buildUsagePrices(facts)]);
  const services = withManagedSpecs(rdsClasses.prices, aws);
  const ci = buildGithubActions(join(sharedDataDir, 'ci'));
  const eks = buildEksCalendar(aws);
  const extras = buildCatalogExtras(facts, aws, services.prices);
  const withExtras = withManagedSpecs(extras.prices, aws);
  const rdsVersions = buildRdsExtendedSupport();
  const prices = [...services.prices, ...withExtras.prices, ...ci.prices, ...buildAwsPagePrices()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    region: REGION,
    currency: 'USD',
    generatedAt,
    generator: 'pricing:build (shared facts)',
    sources: sortKeys({ ...ec2.sources, ...facts.sources, ...services.sources, ...ci.sources, ...eks.sources, ...rdsClasses.sources, ...AWS_PAGE_SOURCES, ...RDS_EXTENDED_SUPPORT_SOURCES, [CORRECTIONS_SOURCE.id]: CORRECTIONS_SOURCE.ref }),
    ec2: { priceSource: 'ec2-prices', specSource: 'ec2-specs', podsSource: 'eks-max-pods', instances: ec2.instances, dropped: ec2.dropped },
    prices,
    allowances: [...buildAllowances(), ...ci.allowances, ...buildAwsPageAllowances()],
    kubernetesVersions: eks.versions,
    rdsEngineVersions: rdsVersions.versions,
    missing: [
      ...COMMITMENT_MISSING,
      { key: 'rds/<engine>/<non-d class>/multi-az-cluster', reason: 'Multi-AZ DB clusters are listed only for d classes in the shared facts' },
      { key: 'rds (prices after 2024-09)', reason: 'the newest full RDS table in the shared facts is from 2024-09-28' },
      ...rdsClasses.missing,
      ...eks.missing,
      ...AWS_PAGE_MISSING,
      ...extras.missing,
      ...rdsVersions.missing,
      ...USAGE_MISSING,
    ],
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
}

// Run as a script (not when imported by a test).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shared = resolve(process.env.SHARED_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data'));
  if (!existsSync(join(shared, 'aws'))) {
    console.error(`pricing:build: shared facts not found at ${shared} (set SHARED_DATA_DIR)`);
    process.exit(2);
  }
  // PRICING_GENERATED_AT keeps a given stamp (e.g. the committed one when only non-price facts were added).
  const content = buildSnapshot(shared, process.env.PRICING_GENERATED_AT ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
  const out = snapshotPath(join(repoRoot, 'data', 'pricing', 'snapshots'), REGION);
  writeSnapshotAtomic(out, content);
  const n = Object.keys(content.ec2.instances).length;
  console.log(`wrote ${out}: ${n} EC2 instance types, ${content.prices.length} price dimensions, ${content.allowances.length} allowances, ${content.kubernetesVersions?.length ?? 0} EKS versions, ${Object.keys(content.sources).length} sources`);
  for (const [why, count] of Object.entries(content.ec2.dropped)) console.log(`  EC2 ${why}: ${count}`);
  for (const m of content.missing.filter((x) => x.key.startsWith('rds/<engine>/<class>'))) console.log(`  ${m.reason}`);
}
