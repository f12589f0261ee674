// Checks the seed-000 table against its own stated assumptions: every cell recomputed from the
// seed's unit prices, hours and free allowances, every total re-added. Pure, exact decimals.
import { Decimal, ZERO, sum } from '../cost/money.js';
import { qty, unitUsd, usd, usersLabel } from './format.js';
import { COLUMN_LABELS, SEED_000, SEED_000_ROWS, SEED_COLUMNS, SEED_UNITS, type SeedColumn, type SeedQuantity, type SeedRow } from './seed-000-table.js';

export interface AuditedCell {
  readonly column: SeedColumn;
  readonly quantity: SeedQuantity;
  readonly printed: Decimal;
  /** The cell from the seed's own unit price, hours and free allowance, unrounded. */
  readonly recomputed: Decimal;
  /** How `recomputed` was worked out, e.g. "2 × (the seed's hourly rate) × 720 h". */
  readonly working: string;
  /** Printed figure equals the recomputed one rounded to the cent. */
  readonly agrees: boolean;
}

export interface AuditedRow {
  readonly users: number;
  readonly cells: readonly AuditedCell[];
  readonly printedTotal: Decimal;
  readonly sumOfPrintedCells: Decimal;
  readonly sumOfRecomputedCells: Decimal;
}

export type FindingKind = 'arithmetic' | 'rounding' | 'free-allowance' | 'header-quantity' | 'total' | 'timeline';

export interface SeedFinding {
  readonly users: number;
  readonly column: SeedColumn | 'total';
  readonly kind: FindingKind;
  readonly message: string;
}

export interface SeedAudit {
  readonly hoursPerMonth: number;
  readonly rows: readonly AuditedRow[];
  /** Every printed figure that disagrees with the seed's own arithmetic, one line each. */
  readonly discrepancies: readonly SeedFinding[];
}

const cents = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const u = SEED_UNITS;
const h = u.hoursPerMonth;

/** Each column's cell from the seed's own figures, and how. */
function recompute(column: SeedColumn, q: Decimal): { value: Decimal; working: string } {
  switch (column) {
    case 'eks':
      return { value: q.times(u.eksPerHour).times(h), working: `${unitUsd(u.eksPerHour)}/h × ${h} h` };
    case 'ec2':
      return { value: q.times(u.t3SmallPerHour).times(h), working: `${qty(q)} × ${unitUsd(u.t3SmallPerHour)}/h × ${h} h` };
    case 'ecr':
      return { value: q.times(u.ecrPerGbMonth), working: `${qty(q)} GB × ${unitUsd(u.ecrPerGbMonth)}/GB` };
    case 's3': {
      const billed = Decimal.max(ZERO, q.minus(u.s3FreeGb));
      return { value: billed.times(u.s3PerGbMonth), working: q.lte(u.s3FreeGb) ? `${qty(q)} GB ≤ ${qty(u.s3FreeGb)} GB free` : `(${qty(q)} − ${qty(u.s3FreeGb)} free) GB × ${unitUsd(u.s3PerGbMonth)}/GB` };
    }
    case 'ebs':
      return { value: q.times(u.ebsPerGbMonth), working: `${qty(q)} GB × ${unitUsd(u.ebsPerGbMonth)}/GB` };
    case 'githubActions': {
      const billed = Decimal.max(ZERO, q.minus(u.githubFreeMinutes));
      return { value: billed.times(u.githubPerMinute), working: q.lte(u.githubFreeMinutes) ? `${qty(q)} min ≤ ${qty(u.githubFreeMinutes)} free min` : `(${qty(q)} − ${qty(u.githubFreeMinutes)} free) min × ${unitUsd(u.githubPerMinute)}/min` };
    }
  }
}

function auditRow(row: SeedRow): AuditedRow {
  const cells = SEED_COLUMNS.map((column): AuditedCell => {
    const quantity = row.quantities[column];
    const printed = row.printed[column];
    const { value, working } = recompute(column, quantity.value);
    return { column, quantity, printed, recomputed: value, working, agrees: cents(value).eq(printed) };
  });
  return {
    users: row.users,
    cells,
    printedTotal: row.printedTotal,
    sumOfPrintedCells: sum(cells.map((c) => c.printed)),
    sumOfRecomputedCells: sum(cells.map((c) => c.recomputed)),
  };
}

/** One line per printed cell that its own arithmetic does not give. */
function cellFinding(users: number, c: AuditedCell): SeedFinding | undefined {
  const who = usersLabel(users);
  const q = c.quantity.value;
  const at = { users, column: c.column };
  if (c.column === 'ecr' && c.quantity.basis !== 'printed') {
    const header = SEED_000.headerQuantities.ecrGb;
    return { ...at, kind: 'header-quantity', message: `${who}: ECR printed ${usd(c.printed)} implies ${qty(q)} GB at ${unitUsd(u.ecrPerGbMonth)}/GB, but the column header says ${header} GB (${usd(u.ecrPerGbMonth.times(header))})` };
  }
  if (c.agrees) return undefined;
  switch (c.column) {
    case 'ec2': {
      const perNode = u.t3SmallPerHour.times(h);
      const fromRounded = q.times(u.t3SmallPerMonth);
      if (fromRounded.eq(c.printed)) {
        return { ...at, kind: 'rounding', message: `${who}: EC2 printed ${usd(c.printed)} is ${qty(q)} × the rounded ${usd(u.t3SmallPerMonth)}; ${qty(q)} × ${unitUsd(perNode)} (${unitUsd(u.t3SmallPerHour)}/h × ${h} h) = ${usd(c.recomputed)}` };
      }
      return { ...at, kind: 'arithmetic', message: `${who}: EC2 printed ${usd(c.printed)} but ${qty(q)} × ${unitUsd(perNode)} = ${usd(c.recomputed)} (${qty(q)} × the rounded ${usd(u.t3SmallPerMonth)} = ${usd(fromRounded)})` };
    }
    case 's3':
      return { ...at, kind: 'free-allowance', message: `${who}: S3 charges the first ${qty(u.s3FreeGb)} GB it says are free: ${qty(q)} GB → (${qty(q)} − ${qty(u.s3FreeGb)}) × ${unitUsd(u.s3PerGbMonth)} = ${usd(c.recomputed)}, printed ${usd(c.printed)}` };
    case 'githubActions': {
      const free = u.githubFreeMinutes;
      const working = q.lte(free)
        ? `${qty(q)} min is inside the ${qty(free)} free minutes the seed states → ${usd(c.recomputed)}`
        : `${qty(q)} min less the ${qty(free)} free minutes the seed states → (${qty(q)} − ${qty(free)}) × ${unitUsd(u.githubPerMinute)} = ${usd(c.recomputed)}`;
      return { ...at, kind: 'free-allowance', message: `${who}: GitHub Actions: ${working}, printed ${usd(c.printed)}` };
    }
    default:
      return { ...at, kind: 'arithmetic', message: `${who}: ${COLUMN_LABELS[c.column]} printed ${usd(c.printed)} but ${c.working} = ${usd(c.recomputed)}` };
  }
}

function totalFindings(r: AuditedRow): SeedFinding[] {
  const who = usersLabel(r.users);
  const out: SeedFinding[] = [];
  if (!r.sumOfPrintedCells.eq(r.printedTotal)) {
    out.push({ users: r.users, column: 'total', kind: 'total', message: `${who}: printed total ${usd(r.printedTotal)} but its printed cells sum to ${usd(r.sumOfPrintedCells)}` });
  }
  if (!cents(r.sumOfRecomputedCells).eq(r.printedTotal)) {
    out.push({ users: r.users, column: 'total', kind: 'total', message: `${who}: printed total ${usd(r.printedTotal)} but the seed's own unit prices, 720 h and free allowances give ${usd(r.sumOfRecomputedCells)}` });
  }
  return out;
}

/** The timeline names other node types than the table prices. */
function timelineFindings(): SeedFinding[] {
  return SEED_000.timeline.flatMap((t) => {
    const row = SEED_000_ROWS.find((r) => r.users === t.users);
    if (!row || t.asPrinted.includes('t3.small')) return [];
    const nodes = qty(row.quantities.ec2.value);
    return [{ users: t.users, column: 'ec2' as const, kind: 'timeline' as const, message: `${usersLabel(t.users)}: the table prices ${nodes} × t3.small but the seed's timeline says "${t.asPrinted}"` }];
  });
}

/** Recomputes every cell and total of the seed-000 table from the seed's own stated assumptions. */
export function auditSeedLadder(): SeedAudit {
  const rows = SEED_000_ROWS.map(auditRow);
  const discrepancies = [
    ...rows.flatMap((r) => [...r.cells.flatMap((c) => cellFinding(r.users, c) ?? []), ...totalFindings(r)]),
    ...timelineFindings(),
  ];
  return { hoursPerMonth: h.toNumber(), rows, discrepancies };
}

