import { join } from 'node:path';
import type { PriceDimension, SourceRef } from '@tier-planner/cost-model';
import { readTsv } from '../read-tsv.js';

export const RDS_CLASSES_SOURCE_ID = 'rds-instance-classes';
const RDS_CLASSES_URL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html';

interface ClassSpec {
  readonly maxEbsBandwidthMbps: number;
  readonly ebsBandwidthUpTo: boolean;
}

export interface RdsClassSpecs {
  readonly prices: PriceDimension[];
  readonly sources: Record<string, SourceRef>;
  readonly missing: { key: string; reason: string }[];
  /** Classes with a spec row but no list price in the book (never chosen). */
  readonly specOnly: number;
  /** Priced classes with no spec row (no EBS bandwidth: the plan says so). */
  readonly priceOnly: number;
}

/**
 * Adds each RDS class's maximum EBS bandwidth (aws/rds-instance-classes.tsv, the RDS User Guide's
 * hardware table) to the priced RDS instance dimensions. "Up to" figures are burst maxima (AWS
 * gives no sustained figure), marked ebsBandwidthUpTo. vCPU and memory stay those of the price row.
 */
export function addRdsClassSpecs(awsDir: string, prices: readonly PriceDimension[]): RdsClassSpecs {
  const tsv = readTsv(join(awsDir, 'rds-instance-classes.tsv'));
  const readOn = /Retrieved (\d{4}-\d{2}-\d{2})/.exec(tsv.comments.join('\n'))?.[1];
  if (!readOn) throw new Error('rds-instance-classes.tsv: no "Retrieved YYYY-MM-DD" in its header');
  const specs = new Map<string, ClassSpec>();
  for (const row of tsv.rows) {
    const m = /^(Up to )?(\d+)$/.exec(row.max_ebs_bandwidth_mbps ?? '');
    if (!m) throw new Error(`rds-instance-classes.tsv: ${row.db_instance_class} has no max EBS bandwidth`);
    specs.set(row.db_instance_class!, { maxEbsBandwidthMbps: Number(m[2]), ebsBandwidthUpTo: m[1] !== undefined });
  }
  const priced = new Set<string>();
  const unspecified = new Set<string>();
  const out = prices.map((p) => {
    const cls = /^rds\/[a-z]+\/(db\.[^/]+)\//.exec(p.key)?.[1];
    if (!cls || !p.spec) return p;
    priced.add(cls);
    const s = specs.get(cls);
    if (!s) {
      unspecified.add(cls);
      return p;
    }
    return { ...p, spec: { ...p.spec, ...s, ebsSource: RDS_CLASSES_SOURCE_ID } };
  });
  const specOnly = [...specs.keys()].filter((c) => !priced.has(c)).length;
  return {
    prices: out,
    sources: {
      [RDS_CLASSES_SOURCE_ID]: {
        title: 'Amazon RDS User Guide, DB instance classes: hardware specifications (max EBS bandwidth)',
        ref: `${RDS_CLASSES_URL} (read via github.com/awsdocs/amazon-rds-user-guide doc_source/Concepts.DBInstanceClass.md @ f2e9ed35, on ${readOn})`,
        asOf: '2023-06-15',
        confidence: 'vendor-data',
      },
    },
    missing: [
      { key: 'rds/<engine>/<class> (specs without a price)', reason: `${specOnly} RDS classes have hardware specs (${RDS_CLASSES_SOURCE_ID}) but no list price in the shared facts; they are never chosen` },
      ...(unspecified.size > 0
        ? [{ key: 'rds/<engine>/<class> max EBS bandwidth', reason: `${unspecified.size} priced RDS classes have no row in the RDS hardware table read (${[...unspecified].sort().join(', ')}); plans cannot check their EBS bandwidth` }]
        : []),
    ],
    specOnly,
    priceOnly: unspecified.size,
  };
}
