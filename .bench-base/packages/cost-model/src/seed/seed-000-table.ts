// The seed-000 cost table as printed, and the quantities each row implies. Every USD figure comes
// from seed-000-table.json, where each is marked as printed in the seed (or implied by its cells).
import { dec, type Decimal } from '../cost/money.js';
import table from './seed-000-table.json' with { type: 'json' };

export const SEED_000 = table;

export type SeedColumn = 'eks' | 'ec2' | 'ecr' | 's3' | 'ebs' | 'githubActions';
export const SEED_COLUMNS: readonly SeedColumn[] = ['eks', 'ec2', 'ecr', 's3', 'ebs', 'githubActions'];

export const COLUMN_LABELS: Readonly<Record<SeedColumn, string>> = {
  eks: 'EKS',
  ec2: 'EC2',
  ecr: 'ECR',
  s3: 'S3',
  ebs: 'EBS',
  githubActions: 'GitHub Actions',
};

/** The seed's own unit prices and allowances, as exact decimals. */
export const SEED_UNITS = {
  hoursPerMonth: dec(table.hoursPerMonth.value),
  eksPerHour: dec(table.unitPrices.eksPerHour.usd),
  t3SmallPerHour: dec(table.unitPrices.t3SmallPerHour.usd),
  t3SmallPerMonth: dec(table.unitPrices.t3SmallPerMonth.usd),
  ecrPerGbMonth: dec(table.unitPrices.ecrPerGbMonth.usd),
  s3PerGbMonth: dec(table.unitPrices.s3PerGbMonth.usd),
  ebsPerGbMonth: dec(table.unitPrices.ebsGp3PerGbMonth.usd),
  githubPerMinute: dec(table.unitPrices.githubActionsPerMinute.usd),
  s3FreeGb: dec(table.allowances.s3FreeGb.value),
  githubFreeMinutes: dec(table.allowances.githubActionsFreeMinutes.value),
} as const;

export type QuantityBasis = 'printed' | 'implied by the printed price';

export interface SeedQuantity {
  readonly value: Decimal;
  readonly unit: string;
  readonly basis: QuantityBasis;
}

export interface SeedRow {
  readonly users: number;
  readonly printed: Readonly<Record<SeedColumn, Decimal>>;
  readonly printedTotal: Decimal;
  /** What each column bills: nodes, GB, minutes (EKS: clusters). */
  readonly quantities: Readonly<Record<SeedColumn, SeedQuantity>>;
}

type RawRow = (typeof table.rows)[number];

/** The quantity a price-only cell implies: the header's own figure when it matches, else price ÷ unit price. */
function implied(printedUsd: Decimal, unitUsd: Decimal, headerQuantity: number, unit: string): SeedQuantity {
  const value = printedUsd.div(unitUsd);
  return value.eq(headerQuantity) ? { value, unit, basis: 'printed' } : { value, unit, basis: 'implied by the printed price' };
}

function toRow(r: RawRow): SeedRow {
  const h = table.headerQuantities;
  const printed = {
    eks: dec(r.eks),
    ec2: dec(r.ec2.usd),
    ecr: dec(r.ecr),
    s3: dec(r.s3.usd),
    ebs: dec(r.ebs),
    githubActions: dec(r.githubActions),
  };
  return {
    users: r.users,
    printed,
    printedTotal: dec(r.total),
    quantities: {
      eks: { value: dec(1), unit: 'cluster', basis: 'printed' },
      ec2: { value: dec(r.ec2.nodes), unit: '× t3.small', basis: 'printed' },
      ecr: implied(printed.ecr, SEED_UNITS.ecrPerGbMonth, h.ecrGb, 'GB'),
      s3: { value: dec(r.s3.gb), unit: 'GB', basis: 'printed' },
      ebs: implied(printed.ebs, SEED_UNITS.ebsPerGbMonth, h.ebsGb, 'GB'),
      githubActions: implied(printed.githubActions, SEED_UNITS.githubPerMinute, h.githubActionsMinutes, 'minutes'),
    },
  };
}

export const SEED_000_ROWS: readonly SeedRow[] = table.rows.map(toRow);
