import type { DimensionRule } from '../dimension-rule.js';
import type { PriceListItem } from '../price-list-item.js';
import { inRegion, type ServiceDefinition } from '../service-definition.js';

// RDS for PostgreSQL and MySQL. Instance prices are keyed by databaseEngine, instanceType and
// deploymentOption; storage and IOPS products are usually listed for databaseEngine "Any", so a
// per-engine key accepts either.
const RDS = 'AmazonRDS';

const ENGINES = { postgresql: 'PostgreSQL', mysql: 'MySQL' } as const;
type EngineKey = keyof typeof ENGINES;

const DEPLOYMENTS = {
  'single-az': { option: 'Single-AZ', label: 'Single-AZ' },
  'multi-az': { option: 'Multi-AZ', label: 'Multi-AZ' },
  'multi-az-cluster': { option: 'Multi-AZ (readable standbys)', label: 'Multi-AZ DB cluster (2 readable standbys)' },
} as const;
type DeploymentKey = keyof typeof DEPLOYMENTS;

const isEngine = (v: string | undefined): v is EngineKey => v !== undefined && v in ENGINES;
const isDeployment = (v: string | undefined): v is DeploymentKey => v !== undefined && v in DEPLOYMENTS;

const engineOrAny = (engines: readonly string[]) => (item: PriceListItem) =>
  item.attributes.databaseEngine === 'Any' || engines.includes(item.attributes.databaseEngine ?? '');

function instanceRule(engine: EngineKey, instanceClass: string, deployment: DeploymentKey): DimensionRule {
  const cluster = deployment === 'multi-az-cluster';
  return {
    key: `rds/${engine}/${instanceClass}/${deployment}`,
    service: 'RDS',
    description: `${ENGINES[engine]} ${instanceClass} (${DEPLOYMENTS[deployment].label})`,
    unit: cluster ? 'cluster-hours' : 'hours',
    match: {
      serviceCode: RDS,
      productFamily: 'Database Instance',
      attributes: { databaseEngine: ENGINES[engine], instanceType: instanceClass, deploymentOption: DEPLOYMENTS[deployment].option },
    },
    shape: 'flat',
    spec: true,
    reserved: true,
    ...(cluster ? { note: 'Price List deploymentOption "Multi-AZ (readable standbys)"; it does not say whether the rate covers all 3 instances' } : {}),
  };
}

function gp3Rule(engine: EngineKey, what: 'storage' | 'iops', deployment: DeploymentKey): DimensionRule {
  const dep = DEPLOYMENTS[deployment];
  const engines = [ENGINES[engine]];
  if (what === 'storage') {
    return {
      key: `rds/${engine}/gp3/storage/${deployment}`,
      service: 'RDS',
      description: `Storage (gp3, ${ENGINES[engine]}, ${dep.label})`,
      unit: 'GB-months',
      match: {
        serviceCode: RDS,
        productFamily: 'Database Storage',
        attributes: { volumeType: 'General Purpose-GP3', deploymentOption: dep.option },
        where: engineOrAny(engines),
        example: { databaseEngine: ENGINES[engine] },
      },
      shape: 'flat',
    };
  }
  return {
    key: `rds/${engine}/gp3/iops/${deployment}`,
    service: 'RDS',
    description: `Provisioned IOPS above baseline (gp3, ${ENGINES[engine]}, ${dep.label})`,
    unit: 'IOPS-months',
    match: {
      serviceCode: RDS,
      productFamily: 'Provisioned IOPS',
      usagetype: deployment === 'multi-az' ? 'RDS:Multi-AZ-GP3-PIOPS' : 'RDS:GP3-PIOPS',
      attributes: { deploymentOption: dep.option },
      where: engineOrAny(engines),
      example: { databaseEngine: ENGINES[engine] },
    },
    shape: 'flat',
  };
}

const BOTH_ENGINES = Object.values(ENGINES);

const FIXED: readonly DimensionRule[] = [
  ...(['single-az', 'multi-az'] as const).map(
    (deployment): DimensionRule => ({
      key: `rds/gp2/storage/${deployment}`,
      service: 'RDS',
      description: `Storage (general purpose SSD, gp2, ${DEPLOYMENTS[deployment].label})`,
      unit: 'GB-months',
      match: {
        serviceCode: RDS,
        productFamily: 'Database Storage',
        attributes: { volumeType: 'General Purpose', deploymentOption: DEPLOYMENTS[deployment].option },
        where: engineOrAny(BOTH_ENGINES),
        example: { databaseEngine: 'Any' },
      },
      shape: 'flat',
    }),
  ),
  {
    key: 'rds/backup-storage',
    service: 'RDS',
    description: 'Backup storage beyond the free allocation',
    unit: 'GB-months',
    match: { serviceCode: RDS, productFamily: 'Storage Snapshot', usagetype: 'RDS:ChargedBackupUsage', where: engineOrAny(BOTH_ENGINES), example: { databaseEngine: 'Any' } },
    shape: 'flat',
  },
];

/** Reads a key back into its rule: "rds/<engine>/<class>/<deployment>" or a storage/IOPS key. */
function ruleFor(key: string): DimensionRule | undefined {
  const fixed = FIXED.find((r) => r.key === key);
  if (fixed) return fixed;
  const parts = key.split('/');
  if (parts[0] !== 'rds' || !isEngine(parts[1])) return undefined;
  if (parts.length === 4 && parts[2]!.startsWith('db.') && isDeployment(parts[3])) return instanceRule(parts[1], parts[2]!, parts[3]);
  if (parts.length === 5 && parts[2] === 'gp3' && (parts[3] === 'storage' || parts[3] === 'iops') && isDeployment(parts[4])) {
    if (parts[3] === 'iops' && parts[4] === 'multi-az-cluster') return undefined;
    return gp3Rule(parts[1], parts[3], parts[4]);
  }
  return undefined;
}

function keysOffered(items: readonly PriceListItem[]): string[] {
  const keys = new Set(FIXED.map((r) => r.key));
  for (const engine of Object.keys(ENGINES) as EngineKey[]) {
    for (const deployment of Object.keys(DEPLOYMENTS) as DeploymentKey[]) {
      keys.add(`rds/${engine}/gp3/storage/${deployment}`);
      if (deployment !== 'multi-az-cluster') keys.add(`rds/${engine}/gp3/iops/${deployment}`);
    }
  }
  // Every current-generation class the Price List has for the two engines.
  for (const item of items) {
    const a = item.attributes;
    if (item.productFamily !== 'Database Instance' || a.currentGeneration === 'No' || !a.instanceType?.startsWith('db.')) continue;
    const engine = (Object.keys(ENGINES) as EngineKey[]).find((k) => ENGINES[k] === a.databaseEngine);
    const deployment = (Object.keys(DEPLOYMENTS) as DeploymentKey[]).find((k) => DEPLOYMENTS[k].option === a.deploymentOption);
    if (engine && deployment) keys.add(`rds/${engine}/${a.instanceType}/${deployment}`);
  }
  return [...keys];
}

export const rdsService: ServiceDefinition = {
  name: 'RDS',
  queries: (region) => [
    ...BOTH_ENGINES.map((databaseEngine) => inRegion(RDS, region, { productFamily: 'Database Instance', databaseEngine })),
    ...['Database Storage', 'Provisioned IOPS', 'Storage Snapshot'].map((productFamily) => inRegion(RDS, region, { productFamily })),
  ],
  ruleFor,
  keysOffered,
  regionAttributes: (region) => ({ regionCode: region }),
};
