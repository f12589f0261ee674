import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { S3TestServer } from './s3-server.js';
import { writeExportParquet, type ExportRow } from './write-export.js';

/** A CUR 2.0 usage line of a test export. The amounts are test data, not AWS prices. */
export function cur2Usage(day: string, productCode: string, usageType: string, cost: number, plan?: string): ExportRow {
  return {
    bill_billing_period_start_date: `${day.slice(0, 7)}-01 00:00:00`,
    bill_payer_account_id: '111111111111',
    line_item_usage_start_date: `${day} 00:00:00`,
    line_item_usage_end_date: `${day} 01:00:00`,
    line_item_line_item_type: 'Usage',
    line_item_product_code: productCode,
    line_item_usage_type: usageType,
    line_item_usage_account_id: '222222222222',
    line_item_unblended_cost: cost,
    resource_tags: plan ? { 'user:tier-planner:plan': plan } : {},
  };
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `tp-${name}-`));
}

/** Writes files (relative path → rows) as a local CUR 2.0 export folder. */
export async function writeCur2Folder(files: Readonly<Record<string, readonly ExportRow[]>>): Promise<string> {
  const dir = tempDir('export');
  for (const [rel, rows] of Object.entries(files)) await writeExportParquet(join(dir, ...rel.split('/')), 'cur2', rows);
  return dir;
}

/** Puts every file of a local folder into the test bucket under the prefix, keys with '/'. */
export function uploadFolder(server: S3TestServer, bucket: string, prefix: string, dir: string): string[] {
  const keys: string[] = [];
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.parquet'))) {
    const key = `${prefix}${rel.split(sep).join('/')}`;
    server.put(bucket, key, readFileSync(join(dir, rel)));
    keys.push(key);
  }
  return keys.sort();
}
