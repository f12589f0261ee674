// The seed's unit prices against today's price book: a separate list from the arithmetic audit,
// since a figure can be added up right and still be the wrong price.
import { dec, type Decimal } from '../cost/money.js';
import type { PriceBook } from '../pricing/price-book.js';
import { unitUsd } from './format.js';
import { SEED_000, SEED_UNITS } from './seed-000-table.js';

export interface UnitPriceComparison {
  readonly item: string;
  readonly unit: string;
  readonly seedUsd: Decimal;
  /** "as printed in the seed" or how it is implied. */
  readonly seedBasis: string;
  readonly bookKey: string;
  /** Undefined when the book has no such price. */
  readonly bookUsd?: Decimal;
  readonly differs: boolean;
  /** One line; for a difference, what the book says instead. */
  readonly message: string;
}

/** Flat price of a dimension, or its first tier. */
function bookPrice(book: PriceBook, key: string): Decimal | undefined {
  const p = book.price(key);
  const usd = p?.usd ?? p?.tiers?.[0]?.usd;
  return usd === undefined ? undefined : dec(usd);
}

/** Book keys whose flat price equals `price`, among `candidates` (to say what a wrong figure really is). */
function matching(book: PriceBook, price: Decimal, candidates: readonly string[]): string[] {
  return candidates.filter((k) => bookPrice(book, k)?.eq(price));
}

interface Item {
  readonly item: string;
  readonly unit: string;
  readonly seedUsd: Decimal;
  readonly seedBasis: string;
  readonly bookKey: string;
  readonly bookUsd: Decimal | undefined;
  readonly explain: (bookUsd: Decimal) => string;
}

export function compareSeedUnitPrices(book: PriceBook): UnitPriceComparison[] {
  const p = SEED_000.unitPrices;
  const t3 = book.instanceType('t3.small');
  const items: Item[] = [
    { item: 'EKS control plane', unit: 'hour', seedUsd: SEED_UNITS.eksPerHour, seedBasis: p.eksPerHour.basis, bookKey: 'eks/cluster/standard-support', bookUsd: bookPrice(book, 'eks/cluster/standard-support'), explain: (b) => `EKS standard support is ${unitUsd(b)}/h in the price book` },
    { item: 'EC2 t3.small (on-demand, Linux)', unit: 'hour', seedUsd: SEED_UNITS.t3SmallPerHour, seedBasis: p.t3SmallPerHour.basis, bookKey: 'ec2 t3.small', bookUsd: t3 ? dec(t3.onDemandUsd) : undefined, explain: (b) => `t3.small on-demand is ${unitUsd(b)}/h in the price book` },
    { item: 'ECR storage', unit: 'GB-month', seedUsd: SEED_UNITS.ecrPerGbMonth, seedBasis: p.ecrPerGbMonth.basis, bookKey: 'ecr/storage', bookUsd: bookPrice(book, 'ecr/storage'), explain: (b) => `ECR storage is ${unitUsd(b)}/GB-month in the price book` },
    {
      item: 'S3 storage', unit: 'GB-month', seedUsd: SEED_UNITS.s3PerGbMonth, seedBasis: p.s3PerGbMonth.basis, bookKey: 's3/standard/storage', bookUsd: bookPrice(book, 's3/standard/storage'),
      explain: (b) => `S3 is priced at ${unitUsd(SEED_UNITS.s3PerGbMonth)}/GB-month (implied by the seed's cells), but S3 Standard's first tier is ${unitUsd(b)}/GB-month in the price book`,
    },
    {
      item: 'EBS gp3 storage', unit: 'GB-month', seedUsd: SEED_UNITS.ebsPerGbMonth, seedBasis: p.ebsGp3PerGbMonth.basis, bookKey: 'ebs/gp3/storage', bookUsd: bookPrice(book, 'ebs/gp3/storage'),
      explain: (b) => {
        const same = matching(book, SEED_UNITS.ebsPerGbMonth, ['ebs/gp2/storage', 'ebs/io1/storage', 'ebs/io2/storage', 'ebs/st1/storage', 'ebs/sc1/storage']).map((k) => k.split('/')[1]);
        return `EBS is labelled gp3 but ${unitUsd(SEED_UNITS.ebsPerGbMonth)}/GB-month is not the gp3 price in the price book (${unitUsd(b)})${same.length ? `; it is the book's ${same.join('/')} storage price` : ''}`;
      },
    },
    {
      item: 'GitHub Actions Linux 2-core', unit: 'minute', seedUsd: SEED_UNITS.githubPerMinute, seedBasis: p.githubActionsPerMinute.basis, bookKey: 'github-actions/runner/linux_2_core', bookUsd: bookPrice(book, 'github-actions/runner/linux_2_core'),
      explain: (b) => {
        const before = bookPrice(book, 'github-actions/runner-until-2026/linux_2_core');
        const was = before?.eq(SEED_UNITS.githubPerMinute) ? `${unitUsd(SEED_UNITS.githubPerMinute)}/min was the rate before 2026-01-01; ` : '';
        return `GitHub Actions: ${was}the price book's Linux 2-core rate from 2026-01-01 is ${unitUsd(b)}/min`;
      },
    },
  ];
  return items.map(({ explain, ...i }) => {
    const differs = i.bookUsd === undefined || !i.bookUsd.eq(i.seedUsd);
    const message = i.bookUsd === undefined ? `${i.item}: the price book has no ${i.bookKey} price to compare` : differs ? explain(i.bookUsd) : `${i.item}: ${unitUsd(i.seedUsd)}/${i.unit} matches the price book`;
    return { ...i, differs, message };
  });
}
