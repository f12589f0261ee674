import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { validateConfig } from './validate-config.js';

const plans = [{ name: 'web', profile: 'eks-web-app', users: 10000 }];
const withActuals = (actuals: unknown, more: Record<string, unknown> = {}) => validateConfig({ plans, actuals, ...more }, '/etc/exporter.yaml');
const athena = { region: 'us-east-1', workgroup: 'primary', database: 'billing', table: 'cur2' };

function error(actuals: unknown, more: Record<string, unknown> = {}): string {
  try {
    withActuals(actuals, more);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const message = (e as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('the config was accepted');
}

describe('actuals: config block', () => {
  it('absent, or source cost-explorer: Cost Explorer, as configs without it always had', () => {
    expect(validateConfig({ plans }, 'x.yaml').actuals).toEqual({ source: 'cost-explorer' });
    expect(withActuals({ source: 'cost-explorer' }).actuals).toEqual({ source: 'cost-explorer' });
  });

  it('data-export: defaults to amortized cost, a 4 h refresh, and a path next to the config file', () => {
    const a = withActuals({ source: 'data-export', dataExport: { path: 'exports/cur', format: 'cur2' } }).actuals;
    expect(a).toEqual({ source: 'data-export', dataExport: { path: '/etc/exports/cur', format: 'cur2' }, basis: 'amortized', refreshIntervalMs: 4 * 3_600_000, backoffInitialMs: 60_000, backoffMaxMs: 3_600_000 });
    const s3 = withActuals({ source: 'data-export', basis: 'unblended', refreshInterval: '8h', dataExport: { path: 's3://bucket/cur', format: 'focus', tagKey: 'user_tier_planner_plan', memoryLimit: '2GB', s3: { region: 'eu-west-1', cacheDir: '/var/cache/tp' } } }).actuals;
    expect(s3).toMatchObject({ basis: 'unblended', refreshIntervalMs: 8 * 3_600_000, dataExport: { path: 's3://bucket/cur', format: 'focus', tagKey: 'user_tier_planner_plan', memoryLimit: '2GB', s3: { region: 'eu-west-1', cacheDir: '/var/cache/tp' } } });
  });

  it('athena: needs region, workgroup, database and table; format cur2 and a 10 min query timeout by default', () => {
    const a = withActuals({ source: 'athena', athena: { ...athena, outputLocation: 's3://results/tp/', partitionColumn: 'billing_period', queryTimeout: '90s' } }).actuals;
    expect(a).toEqual({
      source: 'athena',
      athena: { ...athena, format: 'cur2', outputLocation: 's3://results/tp/', partitionColumn: 'billing_period', queryTimeoutMs: 90_000 },
      basis: 'amortized',
      refreshIntervalMs: 4 * 3_600_000,
      backoffInitialMs: 60_000,
      backoffMaxMs: 3_600_000,
    });
    expect(withActuals({ source: 'athena', athena }).actuals).toMatchObject({ athena: { queryTimeoutMs: 600_000 } });
  });

  it.each([
    [{ source: 'bigquery' }, /actuals\.source must be cost-explorer, data-export or athena, got "bigquery"/],
    [{ source: 'cost-explorer', basis: 'amortized' }, /actuals\.basis applies to the data-export and athena sources/],
    [{ source: 'data-export' }, /actuals\.source data-export needs actuals\.dataExport with path and format/],
    [{ source: 'data-export', dataExport: { format: 'cur2' } }, /actuals\.dataExport\.path is needed/],
    [{ source: 'data-export', dataExport: { path: '/x' } }, /actuals\.dataExport\.format is needed: cur2 \(CUR 2\.0\) or focus \(FOCUS 1\.2\)/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur' } }, /actuals\.dataExport\.format must be cur2 or focus, got "cur"/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2', memoryLimit: 'lots' } }, /actuals\.dataExport\.memoryLimit must be a size such as 2GB/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2', s3: { region: 'eu-west-1' } } }, /actuals\.dataExport\.s3 applies to an s3:\/\/ path only/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2', colour: 'red' } }, /unknown setting actuals\.dataExport\.colour/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2' }, athena }, /actuals\.athena does not apply to actuals\.source data-export/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2' }, basis: 'blended' }, /actuals\.basis must be amortized or unblended, got "blended"/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2' }, refreshInterval: 'often' }, /actuals\.refreshInterval/],
    [{ source: 'data-export', dataExport: { path: '/x', format: 'cur2' }, backoffInitial: '2h', backoffMax: '1h' }, /actuals\.backoffMax must not be shorter than actuals\.backoffInitial/],
    [{ source: 'athena' }, /actuals\.source athena needs actuals\.athena with region, workgroup, database and table/],
    [{ source: 'athena', athena: { ...athena, table: undefined } }, /actuals\.athena\.table is needed/],
    [{ source: 'athena', athena: { ...athena, region: 'Ireland' } }, /actuals\.athena\.region must be an AWS region code/],
    [{ source: 'athena', athena: { ...athena, outputLocation: '/tmp/out' } }, /actuals\.athena\.outputLocation must be an s3:\/\/ folder/],
    [{ source: 'athena', athena: { ...athena, partitionColumn: 'billing period' } }, /actuals\.athena\.partitionColumn must be a column name/],
    [{ source: 'athena', athena: { ...athena, queryTimeout: 'soon' } }, /actuals\.athena\.queryTimeout/],
    [{ source: 'athena', athena: { ...athena, format: 'csv' } }, /actuals\.athena\.format must be cur2 or focus/],
    [{ source: 'athena', athena: { ...athena, endpoint: 'athena.local' } }, /actuals\.athena\.endpoint must be an http\(s\) URL/],
    ['data-export', /actuals must be a mapping/],
  ])('refuses %j with one line naming the field', (actuals, message) => {
    const m = error(actuals);
    expect(m).toMatch(/^\/etc\/exporter\.yaml: /);
    expect(m).toMatch(message);
  });

  it('the export\'s own tag key spelling serves one plan tag key only', () => {
    const two = { plans: [...plans, { name: 'b', profile: 'eks-web-app', users: 10000, match: { tag: { key: 'team', value: 'b' } } }] };
    const actuals = { source: 'data-export', dataExport: { path: '/x', format: 'cur2', tagKey: 'user_tier_planner_plan' } };
    expect(error(actuals, two)).toMatch(/actuals\.dataExport\.tagKey is the export's spelling of one tag key, but the plans match 2 tag keys \(tier-planner:plan, team\)/);
    const accountToo = { plans: [...plans, { name: 'b', profile: 'eks-web-app', users: 10000, match: { account: true } }] };
    expect(withActuals(actuals, accountToo).actuals).toMatchObject({ dataExport: { tagKey: 'user_tier_planner_plan' } });
  });
});
