import type { DimensionRule } from '../dimension-rule.js';
import { baseUsageType, type PriceListItem } from '../price-list-item.js';
import { inRegion, type ServiceDefinition } from '../service-definition.js';

// ElastiCache nodes (Redis OSS and Valkey engines) and Serverless. The Serverless data-stored
// usage type is ElastiCache:ServerlessStorage; the ECPU line is taken as the engine's other
// Serverless usage type, so a renamed usage type lands in `missing` (or is refused as
// ambiguous) instead of being mispriced.
const EC = 'AmazonElastiCache';
const ENGINES = { redis: { cacheEngine: 'Redis', label: 'Redis OSS' }, valkey: { cacheEngine: 'Valkey', label: 'Valkey' } } as const;
type EngineKey = keyof typeof ENGINES;
const isEngine = (v: string | undefined): v is EngineKey => v !== undefined && v in ENGINES;

const SERVERLESS_STORAGE = 'ElastiCache:ServerlessStorage';

function nodeRule(engine: EngineKey, nodeType: string): DimensionRule {
  return {
    key: `elasticache/${engine}/${nodeType}`,
    service: 'ElastiCache',
    description: `${ENGINES[engine].label} ${nodeType} node`,
    unit: 'node-hours',
    match: { serviceCode: EC, productFamily: 'Cache Instance', attributes: { cacheEngine: ENGINES[engine].cacheEngine, instanceType: nodeType } },
    shape: 'flat',
    spec: true,
    reserved: true,
  };
}

function serverlessRule(engine: EngineKey, what: 'data-stored' | 'ecpu'): DimensionRule {
  const { cacheEngine, label } = ENGINES[engine];
  return what === 'data-stored'
    ? {
        key: `elasticache/${engine}/serverless/data-stored`,
        service: 'ElastiCache',
        description: `${label} Serverless data stored`,
        unit: 'GB-hours',
        match: { serviceCode: EC, productFamily: 'ElastiCache Serverless', usagetype: SERVERLESS_STORAGE, attributes: { cacheEngine } },
        shape: 'flat',
      }
    : {
        key: `elasticache/${engine}/serverless/ecpu`,
        service: 'ElastiCache',
        description: `${label} Serverless ElastiCache Processing Units`,
        unit: 'ECPUs',
        match: {
          serviceCode: EC,
          productFamily: 'ElastiCache Serverless',
          attributes: { cacheEngine },
          where: (item: PriceListItem) => baseUsageType(item.attributes.usagetype) !== SERVERLESS_STORAGE,
          example: { usagetype: 'ElastiCache:ServerlessProcessingUnits' },
        },
        shape: 'flat',
      };
}

const BACKUP: DimensionRule = {
  key: 'elasticache/backup-storage',
  service: 'ElastiCache',
  description: 'Backup storage',
  unit: 'GB-months',
  match: { serviceCode: EC, productFamily: 'Storage Snapshot' },
  shape: 'flat',
};

function ruleFor(key: string): DimensionRule | undefined {
  if (key === BACKUP.key) return BACKUP;
  const parts = key.split('/');
  if (parts[0] !== 'elasticache' || !isEngine(parts[1])) return undefined;
  if (parts.length === 3 && parts[2]!.startsWith('cache.')) return nodeRule(parts[1], parts[2]!);
  if (parts.length === 4 && parts[2] === 'serverless' && (parts[3] === 'data-stored' || parts[3] === 'ecpu')) return serverlessRule(parts[1], parts[3]);
  return undefined;
}

function keysOffered(items: readonly PriceListItem[]): string[] {
  const keys = new Set([BACKUP.key]);
  for (const engine of Object.keys(ENGINES) as EngineKey[]) {
    keys.add(`elasticache/${engine}/serverless/data-stored`);
    keys.add(`elasticache/${engine}/serverless/ecpu`);
  }
  for (const item of items) {
    const a = item.attributes;
    if (item.productFamily !== 'Cache Instance' || a.currentGeneration === 'No' || !a.instanceType?.startsWith('cache.')) continue;
    const engine = (Object.keys(ENGINES) as EngineKey[]).find((k) => ENGINES[k].cacheEngine === a.cacheEngine);
    if (engine) keys.add(`elasticache/${engine}/${a.instanceType}`);
  }
  return [...keys];
}

export const elasticacheService: ServiceDefinition = {
  name: 'ElastiCache',
  queries: (region) => [
    ...Object.values(ENGINES).map(({ cacheEngine }) => inRegion(EC, region, { productFamily: 'Cache Instance', cacheEngine })),
    ...['ElastiCache Serverless', 'Storage Snapshot'].map((productFamily) => inRegion(EC, region, { productFamily })),
  ],
  ruleFor,
  keysOffered,
  regionAttributes: (region) => ({ regionCode: region }),
};
