import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Confidence, PriceDimension, PriceTier, SourceRef } from '@tier-planner/cost-model';
import type { Tsv } from '../read-tsv.js';
import { trimDecimal } from './ec2-catalog.js';

type Row = Readonly<Record<string, string>>;

/** A price picked from a fact file, with the source it came from. */
export interface Picked {
  readonly usd: string;
  readonly source: string;
}

/**
 * Picks rows out of the two service-price fact files and registers each row's source, so every
 * price in the snapshot points at the file, commit and date it was read from.
 */
export class FactRows {
  readonly sources: Record<string, SourceRef> = {};
  private readonly used = new Set<Row>();

  constructor(
    private readonly golden: Tsv,
    private readonly managed: Tsv,
  ) {}

  /** The one service-unit-prices.tsv row of `service` whose component matches `component`. */
  golden1(service: string, component: RegExp): Picked {
    const row = this.only(this.golden.rows.filter((r) => r.service === service && component.test(r.component!)), `${service} ${component}`);
    const id = `golden-${basename(row.source!).replace(/\.golden$/, '')}`;
    this.sources[id] ??= {
      title: `Infracost test golden ${basename(row.source!)} (unit price = monthly cost / quantity, cent-rounded)`,
      ref: row.source!,
      asOf: row.as_of!,
      confidence: 'derived-golden',
    };
    if (this.sources[id]!.asOf !== row.as_of) throw new Error(`${id}: rows with different as_of dates`);
    return { usd: trimDecimal(row.usd_per_unit!), source: id };
  }

  /** The one managed-services-prices.tsv row that matches every given column. */
  managed1(match: Partial<Record<'service' | 'engine' | 'class_or_dimension' | 'deployment', string | RegExp>>): Picked {
    const rows = this.managed.rows.filter((r) =>
      Object.entries(match).every(([col, want]) => (typeof want === 'string' ? r[col] === want : want!.test(r[col]!))),
    );
    return this.fromManaged(this.only(rows, JSON.stringify(match, (_k, v) => (v instanceof RegExp ? String(v) : v))));
  }

  /** Every managed row of a service, for generated per-class dimensions. */
  managedRows(service: string): readonly Row[] {
    return this.managed.rows.filter((r) => r.service === service);
  }

  fromManaged(row: Row): Picked {
    this.used.add(row);
    const ref = row.source!;
    const id = `feed-${row.service!.toLowerCase()}-${createHash('sha256').update(ref + row.source_date + row.confidence).digest('hex').slice(0, 8)}`;
    this.sources[id] ??= {
      title: `${row.service} list price (AWS pricing data read in public repositories)`,
      ref,
      asOf: row.source_date!,
      confidence: (row.confidence === 'aws-data' ? 'vendor-data' : row.confidence) as Confidence,
    };
    return { usd: trimDecimal(row.usd_per_unit!), source: id };
  }

  private only(rows: Row[], what: string): Row {
    if (rows.length !== 1) throw new Error(`expected exactly one fact row for ${what}, found ${rows.length}`);
    return rows[0]!;
  }
}

/** A flat dimension from a picked price. */
export function flat(
  key: string,
  service: string,
  description: string,
  unit: string,
  picked: Picked,
  extra: Partial<Pick<PriceDimension, 'purchaseOption' | 'approximate' | 'note' | 'sku' | 'spec'>> = {},
): PriceDimension {
  return { key, service, description, unit, usd: picked.usd, purchaseOption: 'on-demand', source: picked.source, ...extra };
}

/** A tiered dimension; all tiers must share one source or the first tier's source is cited. */
export function tiered(
  key: string,
  service: string,
  description: string,
  unit: string,
  tiers: readonly { upTo: string | null; picked: Picked }[],
  note?: string,
): PriceDimension {
  const list: PriceTier[] = tiers.map((t) => ({ upTo: t.upTo, usd: t.picked.usd }));
  const sources = [...new Set(tiers.map((t) => t.picked.source))];
  return {
    key,
    service,
    description,
    unit,
    tiers: list,
    purchaseOption: 'on-demand',
    source: sources[0]!,
    ...(sources.length > 1 || note ? { note: [note, sources.length > 1 ? `tier sources: ${sources.join(', ')}` : ''].filter(Boolean).join('; ') } : {}),
  };
}
