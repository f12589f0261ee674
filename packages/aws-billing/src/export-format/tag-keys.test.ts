import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duckDbEngine } from '../duckdb/duckdb-engine.js';
import { readMonthSpend } from '../spend/read-month-spend.js';
import { writeExportParquet, type ExportRow } from '../testing/write-export.js';
import { EXPORT_FORMATS, type ExportFormat } from './export-format.js';
import { tagKeyForms } from './tag-keys.js';

const root = mkdtempSync(join(tmpdir(), 'tier-planner-tags-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// One test-data line tagged under the given map key, read with the default spellings.
async function tagValueUnder(format: ExportFormat, mapKey: string, tagKey: string, exactTagKey?: string): Promise<string | null> {
  const dir = join(root, `${format}-${encodeURIComponent(mapKey)}-${exactTagKey ?? ''}`);
  const row: ExportRow =
    format === 'cur2'
      ? { bill_billing_period_start_date: '2026-11-01 00:00:00', line_item_usage_start_date: '2026-11-02 00:00:00', line_item_line_item_type: 'Usage', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'USE1-BoxUsage:m7g.large', line_item_usage_account_id: '111122223333', line_item_unblended_cost: 1, resource_tags: { [mapKey]: 'blue' } }
      : { BillingPeriodStart: '2026-11-01 00:00:00', ChargePeriodStart: '2026-11-02 00:00:00', ChargeCategory: 'Usage', ServiceName: 'Amazon Elastic Compute Cloud', SubAccountId: '111122223333', BilledCost: 1, EffectiveCost: 1, x_ServiceCode: 'AmazonEC2', SkuMeter: 'USE1-BoxUsage:m7g.large', Tags: { [mapKey]: 'blue' } };
  await writeExportParquet(join(dir, 'BILLING_PERIOD=2026-11', 'part.parquet'), format, [row]);
  const engine = await duckDbEngine({ path: dir, threads: 1 });
  try {
    const spend = await readMonthSpend(engine, { format, month: '2026-11', tagKey, ...(exactTagKey ? { exactTagKey } : {}) });
    return spend.lines[0]!.tagValue;
  } finally {
    await engine.close();
  }
}

describe('tagKeyForms', () => {
  it('CUR 2.0: user:key, user_key, user_ with punctuation as _, then the key as written', () => {
    expect(tagKeyForms('tier-planner:plan', 'cur2')).toEqual(['user:tier-planner:plan', 'user_tier-planner:plan', 'user_tier_planner_plan', 'tier-planner:plan']);
  });

  it('FOCUS: the key as written first', () => {
    expect(tagKeyForms('tier-planner:plan', 'focus')[0]).toBe('tier-planner:plan');
    expect(tagKeyForms('tier-planner:plan', 'focus')).toContain('user:tier-planner:plan');
  });

  it('a key that already carries its prefix is tried as written first, and no form twice', () => {
    for (const format of EXPORT_FORMATS) {
      const forms = tagKeyForms('user:team', format);
      expect(forms[0]).toBe('user:team');
      expect(new Set(forms).size).toBe(forms.length);
    }
  });
});

describe.each(EXPORT_FORMATS)('%s: a plan tag under each spelling is found', (format) => {
  it.each(tagKeyForms('tier-planner:plan', format).map((f) => [f]))('under %s', async (mapKey) => {
    expect(await tagValueUnder(format, mapKey, 'tier-planner:plan')).toBe('blue');
  });

  it('an exactTagKey finds its own spelling and no other', async () => {
    expect(await tagValueUnder(format, 'cost-centre', 'tier-planner:plan', 'cost-centre')).toBe('blue');
    expect(await tagValueUnder(format, 'user:tier-planner:plan', 'tier-planner:plan', 'user_tier_planner_plan')).toBeNull();
  });
});
