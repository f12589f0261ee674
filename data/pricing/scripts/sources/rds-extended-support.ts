import type { RdsEngineVersionRecord, SourceRef } from '@tier-planner/cost-model';

// RDS Extended Support dates, read on AWS's own pages (found with a search of public pages on
// 2026-12-01). Only versions whose end of standard support an AWS page states are listed; the
// release calendars' full tables did not read, so newer versions are missing until they are added.

const READ_ON = '2026-12-01';

export const RDS_EXTENDED_SUPPORT_SOURCES: Record<string, SourceRef> = {
  'aws-rds-extended-support-guide': {
    title: 'Amazon RDS User Guide, "Using Amazon RDS Extended Support": MySQL 5.7 end of standard support 2024-02-29, charges from 2024-03-01, Extended Support up to 3 years past the end of standard support',
    ref: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
  'aws-rds-extended-support-charges': {
    title: 'Amazon RDS User Guide, "Amazon RDS Extended Support charges": PostgreSQL 11 enters Extended Support 2024-03-01 with charges from 2024-04-01; PostgreSQL 12 end of standard support 2025-02-28, charges from 2025-03-01; charges apply to Multi-AZ standbys',
    ref: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-charges.html (read in AWS\'s mirror https://docs.amazonaws.cn/en_us/AmazonRDS/latest/UserGuide/extended-support-charges.html)',
    asOf: READ_ON,
    confidence: 'vendor-data',
  },
};

/** AWS: "RDS Extended Support is available for up to 3 years past the RDS end of standard support date". */
export const EXTENDED_SUPPORT_YEARS = 3;

const ROWS: readonly { engine: 'postgresql' | 'mysql'; version: string; endOfStandardSupport: string; chargesFrom: string; source: string; note?: string }[] = [
  { engine: 'mysql', version: '5.7', endOfStandardSupport: '2024-02-29', chargesFrom: '2024-03-01', source: 'aws-rds-extended-support-guide' },
  {
    engine: 'postgresql',
    version: '11',
    endOfStandardSupport: '2024-02-29',
    chargesFrom: '2024-04-01',
    source: 'aws-rds-extended-support-charges',
    note: 'AWS deferred the first charges by a month (Extended Support from 2024-03-01, billed from 2024-04-01)',
  },
  { engine: 'postgresql', version: '12', endOfStandardSupport: '2025-02-28', chargesFrom: '2025-03-01', source: 'aws-rds-extended-support-charges' },
];

/** The calendar; the end of Extended Support is the end of standard support plus AWS's 3 years. */
export function buildRdsExtendedSupport(): { versions: RdsEngineVersionRecord[]; missing: { key: string; reason: string }[] } {
  const versions = ROWS.map((r) => ({
    engine: r.engine,
    version: r.version,
    endOfStandardSupport: r.endOfStandardSupport,
    chargesFrom: r.chargesFrom,
    endOfExtendedSupport: addYears(r.endOfStandardSupport, EXTENDED_SUPPORT_YEARS),
    source: r.source,
    note: [r.note, `end of Extended Support = end of standard support + ${EXTENDED_SUPPORT_YEARS} years (AWS: "up to 3 years"; the exact day was not read)`].filter(Boolean).join('; '),
  }));
  const missing = [
    { key: 'rds/engine-versions/postgresql/13+', reason: `the RDS for PostgreSQL release calendar's table did not read on ${READ_ON}: PostgreSQL 13 and newer have no Extended Support dates in the price book` },
    { key: 'rds/engine-versions/mysql/8.0+', reason: `the RDS for MySQL major-version table did not read on ${READ_ON}: MySQL 8.0 and newer have no Extended Support dates in the price book` },
  ];
  return { versions, missing };
}

/** The same day `years` later (29 February becomes 28 February). */
function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
