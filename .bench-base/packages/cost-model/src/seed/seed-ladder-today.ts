// The seed-000 ladder's own quantities, priced at today's prices: same nodes, GB and minutes per
// row, as a bill of materials through priceResources (730 h, gp3, S3 Standard, GitHub 2026 rates).
import type { BillOfMaterials } from '../bom/bill-of-materials.js';
import { priceResources } from '../bom/price-resources.js';
import { DEFAULT_HOURS_PER_MONTH } from '../cost/calendar.js';
import type { LineItem } from '../cost/line-item.js';
import type { Decimal } from '../cost/money.js';
import type { PriceBook } from '../pricing/price-book.js';
import { SEED_000_ROWS, type SeedRow } from './seed-000-table.js';

export interface SeedRowAtTodaysPrices {
  readonly users: number;
  readonly bom: BillOfMaterials;
  readonly lineItems: readonly LineItem[];
  /** Exact sum of the priced line items. */
  readonly total: Decimal;
  /** False when the book could not price a line item (the total then leaves it out). */
  readonly complete: boolean;
  /** The seed's printed total, for comparison. */
  readonly printedTotal: Decimal;
}

export interface SeedLadderAtTodaysPrices {
  readonly hoursPerMonth: number;
  readonly region: string;
  readonly rows: readonly SeedRowAtTodaysPrices[];
}

/** The row's quantities as tier-planner resources; the seed's free S3 tier is not carried over (the book has none). */
export function seedRowBom(row: SeedRow, hoursPerMonth = DEFAULT_HOURS_PER_MONTH): BillOfMaterials {
  const q = row.quantities;
  return {
    hoursPerMonth,
    resources: [
      { type: 'eks_cluster', name: 'cluster', support: 'standard' },
      { type: 'ec2_instance', name: 'nodes', instanceType: 't3.small', count: q.ec2.value.toNumber() },
      { type: 'ecr_repository', name: 'images', storageGb: q.ecr.value.toNumber() },
      { type: 's3_bucket', name: 'assets and backups', storageGb: { standard: q.s3.value.toNumber() } },
      { type: 'ebs_volume', name: 'volumes', volumeType: 'gp3', sizeGb: q.ebs.value.toNumber() },
      { type: 'github_actions', name: 'ci', minutes: q.githubActions.value.toNumber(), runner: 'linux_2_core', plan: 'free_user', repository: 'private', schedule: '2026' },
    ],
  };
}

/** Every seed-000 row at today's prices from `book`. */
export function seedLadderAtTodaysPrices(book: PriceBook): SeedLadderAtTodaysPrices {
  const rows = SEED_000_ROWS.map((row): SeedRowAtTodaysPrices => {
    const bom = seedRowBom(row);
    const priced = priceResources(bom, book);
    return { users: row.users, bom, lineItems: priced.lineItems, total: priced.monthly.total, complete: priced.monthly.complete, printedTotal: row.printedTotal };
  });
  return { hoursPerMonth: DEFAULT_HOURS_PER_MONTH, region: book.region, rows };
}
