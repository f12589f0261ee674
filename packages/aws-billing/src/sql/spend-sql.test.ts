import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../export-format/export-format.js';
import { tagKeyForms } from '../export-format/tag-keys.js';
import { spendSql } from './spend-sql.js';

// The one SQL text must read alike in DuckDB and Athena (Trino): these checks keep it in the subset.
const variants = EXPORT_FORMATS.flatMap((format) => [
  spendSql({ format, from: '"db"."cur"', month: '2026-11', tagKey: 'tier-planner:plan' }),
  spendSql({ format, from: '"db"."cur"', month: '2026-12', tagKey: "o'brien", partition: { column: 'billing_period', value: '2026-12' } }),
  spendSql({ format, from: '"db"."cur"', month: '2026-01', tagKey: 'x', exactTagKey: 'user_x' }),
]);

/** The text with every guarded map read removed: CASE WHEN contains(map_keys(m), 'k') THEN m['k'] END. */
const withoutGuardedReads = (sql: string) => sql.replace(/CASE WHEN contains\(map_keys\((\w+)\), ('(?:[^']|'')*')\) THEN \1\[\2\] END/g, 'GUARDED');

describe.each(variants.map((sql, i) => [i, sql] as const))('spend SQL text %i', (_, sql) => {
  it('uses no element_at, no :: cast, no DuckDB-only date functions', () => {
    expect(sql).not.toMatch(/element_at/i);
    expect(sql).not.toMatch(/::/);
    expect(sql).not.toMatch(/\b(strftime|strptime|date_trunc|date_part|datediff|epoch_ms|list_contains|struct_extract)\s*\(/i);
  });

  it('reads maps only inside the CASE guard', () => {
    const rest = withoutGuardedReads(sql);
    expect(rest).toContain('GUARDED');
    expect(rest).not.toMatch(/[[\]]/);
  });

  it('uses no backtick-quoted name', () => {
    expect(sql).not.toMatch(/`/);
  });
});

describe('spendSql', () => {
  it('bounds the month by its first instant and the next month first instant', () => {
    const sql = spendSql({ format: 'cur2', from: 't', month: '2026-12', tagKey: 'k' });
    expect(sql).toContain("bill_billing_period_start_date >= TIMESTAMP '2026-12-01 00:00:00'");
    expect(sql).toContain("bill_billing_period_start_date < TIMESTAMP '2027-01-01 00:00:00'");
  });

  it('tries every spelling of the tag key, in order', () => {
    const sql = spendSql({ format: 'cur2', from: 't', month: '2026-11', tagKey: 'team' });
    const found = [...sql.matchAll(/contains\(map_keys\(resource_tags\), '([^']+)'\)/g)].map((m) => m[1]);
    expect(found).toEqual(tagKeyForms('team', 'cur2'));
  });

  it('quotes a tag key with a quote in it', () => {
    const sql = spendSql({ format: 'focus', from: 't', month: '2026-11', tagKey: "o'brien" });
    expect(sql).toContain("'o''brien'");
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => spendSql({ format: 'cur2', from: 't', month: '2026-13', tagKey: 'k' })).toThrow(/YYYY-MM/);
  });
});
