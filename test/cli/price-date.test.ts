// `price --date`: the day priced decides the RDS Extended Support year; a bad date is a usage error.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const bom = fileURLToPath(new URL('./fixtures/bom-catalog.json', import.meta.url));

describe('tier-planner price --date', () => {
  it('moves PostgreSQL 12 from year 1 to year 2 of Extended Support', () => {
    const on = (date: string) => JSON.parse(runBin(['price', bom, '--format', 'json', '--date', date]).stdout).lineItems.find((i: { resource: string; component: string }) => i.resource === 'orders' && /^Extended Support/.test(i.component));
    expect(on('2025-06-01')).toMatchObject({ component: 'Extended Support (PostgreSQL 12.22, year 1)', monthly: '292' });
    const later = on('2026-06-01');
    expect(later.component).toBe('Extended Support (PostgreSQL 12.22, year 2)');
    expect(later.unpriced).toMatch(/year-2 Extended Support rate/);
    expect(on('2025-02-28')).toBeUndefined();
  });

  it('refuses a date that is not on the calendar with one line and exit 2', () => {
    const r = runBin(['price', bom, '--date', '2025-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--date must be a date as YYYY-MM-DD/);
  });
});
