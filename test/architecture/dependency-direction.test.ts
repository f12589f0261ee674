// Data flows one way: the cost model is the core and imports no adapter; the adapters (the CLI,
// the exporter, the reference infrastructure) import the core and not each other. These rules
// read every import of every shipped source file, so a stray import fails here, not in review.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface SourceFile {
  readonly path: string;
  readonly imports: readonly string[];
}

function shippedSources(pkg: string): SourceFile[] {
  const dir = join(root, 'packages', pkg, 'src');
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || full.includes('/testing/')) continue;
    const text = readFileSync(full, 'utf8');
    const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
    files.push({ path: relative(root, full), imports });
  }
  return files;
}

/** "ink/build/x.js" → "ink", "@aws-sdk/client-pricing" → "@aws-sdk/client-pricing"; relative and node: imports → undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function violations(pkg: string, allowed: (dependency: string, file: string) => boolean): string[] {
  return shippedSources(pkg).flatMap((f) => f.imports.map(packageOf).filter((d): d is string => d !== undefined && !allowed(d, f.path)).map((d) => `${f.path} imports ${d}`));
}

describe('dependency direction', () => {
  it('finds the imports it checks (the scanner is not blind)', () => {
    const cli = shippedSources('planner-tui').flatMap((f) => f.imports);
    expect(cli).toContain('@tier-planner/cost-model');
    expect(cli).toContain('ink');
    expect(violations('planner-tui', () => false).length).toBeGreaterThan(10);
  });

  it('the cost model imports only decimal.js and Node built-ins: no adapter, UI, AWS SDK or exporter library', () => {
    expect(violations('cost-model', (d) => d === 'decimal.js')).toEqual([]);
  });

  it('the CLI imports the core, Ink and React only in the explorer, and no other adapter', () => {
    const allowed = new Set(['@tier-planner/cost-model', '@tier-planner/aws-pricing', '@tier-planner/aws-billing', 'ink', 'react', 'yaml']);
    // yaml reads a --prices file and nothing else (loaded on demand there); the billing adapter serves the actuals and export-focus commands only.
    const billing = [...['actuals.ts', 'actuals-summary.ts', 'billing-errors.ts', 'export-focus.ts'].map((f) => `/src/commands/${f}`), '/src/render/actuals-text.ts'];
    const where = (d: string, file: string) =>
      ['ink', 'react'].includes(d) ? file.includes('/src/tui/') : d === 'yaml' ? file.endsWith('/src/cli/parse-adjustments.ts') : d === '@tier-planner/aws-billing' ? billing.some((f) => file.endsWith(f)) : true;
    expect(violations('planner-tui', (d, file) => allowed.has(d) && where(d, file))).toEqual([]);
  });

  it('live pricing is an adapter: it imports the core and AWS libraries, never the CLI or another adapter', () => {
    expect(violations('aws-pricing', (d) => d === '@tier-planner/cost-model' || d.startsWith('@aws-sdk/') || d.startsWith('@smithy/') || d === '@streamparser/json')).toEqual([]);
  });

  it('reading the bill is an adapter: it imports the core, DuckDB and AWS libraries, never the CLI or another adapter', () => {
    expect(violations('aws-billing', (d) => d === '@tier-planner/cost-model' || d === '@duckdb/node-api' || d.startsWith('@aws-sdk/') || d.startsWith('@smithy/'))).toEqual([]);
  });

  it('the exporter imports the core and its own libraries, never the CLI or the infrastructure', () => {
    const allowed = new Set(['@tier-planner/cost-model', '@tier-planner/aws-billing', '@aws-sdk/client-cost-explorer', 'prom-client', 'yaml', '@grafana/grafana-foundation-sdk', '@smithy/types', '@smithy/node-http-handler']);
    expect(violations('exporter', (d) => allowed.has(d))).toEqual([]);
  });

  it('the reference infrastructure imports the core and cdktf, never the CLI or the exporter', () => {
    const allowed = new Set(['@tier-planner/cost-model', 'cdktf', '@cdktf/provider-aws', 'constructs']);
    expect(violations('reference-infra', (d) => allowed.has(d))).toEqual([]);
  });

  it('imports cdktf, the AWS provider and constructs in one module only, so switching to the cdktn fork is one file', () => {
    const cdk = new Set(['cdktf', '@cdktf/provider-aws', 'constructs']);
    expect(violations('reference-infra', (d, file) => !cdk.has(d) || file.endsWith('src/cdk/aws.ts'))).toEqual([]);
    // Per resource, never the provider's root index (which loads every resource: seconds).
    const provider = shippedSources('reference-infra').flatMap((f) => f.imports).filter((i) => i.startsWith('@cdktf/provider-aws'));
    expect(provider.length).toBeGreaterThan(10);
    expect(provider.filter((i) => !i.startsWith('@cdktf/provider-aws/lib/'))).toEqual([]);
  });
});
