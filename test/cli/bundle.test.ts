// The shipped bin runs the esbuild bundle: what each start-up path loads before it runs (the
// static imports of its chunk, followed through), read from esbuild's metafile, and the bundle
// and the tsc build printing the same bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_BIN, TSC_BUILD_BIN } from './run-bin.js';

interface MetaOutput {
  readonly bytes: number;
  readonly entryPoint?: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[];
}
const pkg = (p: string) => fileURLToPath(new URL(`../../packages/planner-tui/${p}`, import.meta.url));
const meta = JSON.parse(readFileSync(pkg('dist/bundle-meta.json'), 'utf8')) as { outputs: Record<string, MetaOutput> };

function chunkOf(entryPoint: string): string {
  const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entryPoint);
  if (!found) throw new Error(`no chunk for ${entryPoint}`);
  return found[0];
}

/** The chunks Node reads before the chunk's code runs: its static imports, transitively. */
function staticClosure(chunk: string): { chunks: string[]; inputs: string[]; bytes: number; externals: string[] } {
  const seen = new Set<string>();
  const externals = new Set<string>();
  const visit = (c: string) => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const i of meta.outputs[c]!.imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) externals.add(i.path);
      else visit(i.path);
    }
  };
  visit(chunk);
  const chunks = [...seen];
  return { chunks, inputs: chunks.flatMap((c) => Object.keys(meta.outputs[c]!.inputs)), bytes: chunks.reduce((n, c) => n + meta.outputs[c]!.bytes, 0), externals: [...externals] };
}

/** The module main.ts imports for every command with no heavy dependency at its top (scripts/bundle.mjs). */
const LIGHT = 'light:light';
const HEAVY = [/node_modules\/(ink|react|react-reconciler|yoga-layout)\//, /node_modules\/@aws-sdk\//, /node_modules\/@smithy\//, /aws-billing\//, /aws-pricing\//, /src\/tui\//];

describe('the bundle behind the bin', () => {
  it('the bin runs dist/bundle/main.js', () => {
    expect(readFileSync(SHIPPED_BIN, 'utf8')).toMatch(/from '\.\.\/dist\/bundle\/main\.js'/);
  });

  it('--help and --version load no model: the entry chunk reaches neither the core nor decimal.js', () => {
    const entry = staticClosure(chunkOf('src/cli/main.ts'));
    expect(entry.inputs.filter((i) => /cost-model\/|decimal\.js|node_modules\//.test(i))).toEqual([]);
    expect(entry.bytes).toBeLessThan(30_000);
  });

  it('the printed plan loads the model (through the core loader) and none of Ink, React, the explorer, the AWS SDK or the bill readers', () => {
    const plan = staticClosure(chunkOf(LIGHT));
    expect(plan.inputs).toContain('src/commands/plan.ts');
    expect(plan.inputs.some((i) => i.endsWith('scripts/core-loader.mjs'))).toBe(true);
    expect(plan.inputs.filter((i) => HEAVY.some((h) => h.test(i)))).toEqual([]);
    expect(plan.externals.filter((e) => !e.startsWith('node:'))).toEqual([]);
  });

  it('the printed path is a few ES modules: the light commands, src/cli and src/render share one chunk, each module in one chunk only', () => {
    const printed = staticClosure(chunkOf(LIGHT));
    expect(printed.chunks.length).toBeLessThanOrEqual(8);
    const holders = (input: string) => Object.values(meta.outputs).filter((o) => input in o.inputs).length;
    const light = printed.inputs.filter((i) => /^src\/(cli|render|commands)\//.test(i));
    expect(light.length).toBeGreaterThan(20);
    expect(light.filter((i) => holders(i) !== 1)).toEqual([]);
  });

  it('the model is one CommonJS core: no chunk holds a copy of it, every chunk that needs it imports the loader', () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter((i) => /cost-model\/|node_modules\/decimal\.js\//.test(i))).toEqual([]);
    expect(readFileSync(pkg('dist/bundle/core.cjs'), 'utf8')).toMatch(/function planTier\(/);
    for (const entryPoint of [LIGHT, 'src/tui/components/App.tsx', 'src/commands/actuals.ts', '../aws-pricing/dist/index.js']) {
      expect(staticClosure(chunkOf(entryPoint)).inputs.filter((i) => i.endsWith('scripts/core-loader.mjs'))).toHaveLength(1);
    }
  });

  it.each(['src/tui/start-tui.ts', '../aws-pricing/dist/index.js', 'src/commands/actuals.ts', 'src/commands/export-focus.ts'])('%s sits in lazy chunks of its own', (entryPoint) => {
    const entry = staticClosure(chunkOf('src/cli/main.ts'));
    const plan = staticClosure(chunkOf(LIGHT));
    expect(entry.chunks).not.toContain(chunkOf(entryPoint));
    expect(plan.chunks).not.toContain(chunkOf(entryPoint));
  });

  it("the explorer's dynamic import of React (CommonJS) gets its named exports, as Node gives them", async () => {
    const react = (await import(pkg(chunkOf('named-commonjs:react')))) as Record<string, unknown>;
    expect(typeof react.createElement).toBe('function');
    expect(typeof react.useState).toBe('function');
    expect(react.default).toBeTypeOf('object');
  });

  it('DuckDB and its native bindings stay outside the bundle', () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter((i) => i.includes('@duckdb/'))).toEqual([]);
    const imported = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(imported).toContain('@duckdb/node-api');
  });
});

describe("the core's code cache", () => {
  const builtBy = JSON.parse(readFileSync(pkg('dist/code-cache.json'), 'utf8')) as { v8: string };
  /** Whether a process starting the bundle in `dir` compiled the core from its code cache. */
  const fromCache = (dir: string) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'core-loader.js')).href)}); console.log(m.coreFromCache)`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  };

  it('a start-up on the Node that built the bundle takes the cache; on another V8 it compiles the source', () => {
    expect(fromCache(pkg('dist/bundle'))).toBe(String(process.versions.v8 === builtBy.v8));
  });

  it('a cache made from another source is not used, even when the source keeps its length', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'tp-cache-')), 'bundle');
    cpSync(pkg('dist/bundle'), copy, { recursive: true });
    const source = readFileSync(join(copy, 'core.cjs'), 'utf8');
    const edited = source.replace('digest mismatch', 'digest MISMATCH');
    expect(edited).not.toBe(source);
    expect(edited.length).toBe(source.length);
    writeFileSync(join(copy, 'core.cjs'), edited);
    expect(fromCache(copy)).toBe('false');
  });
});

describe('the embedded snapshot, validated when the bundle is built', () => {
  const embedded = fileURLToPath(new URL('../../data/pricing/snapshots/us-east-1.json', import.meta.url));

  it("the core lists the embedded snapshot's bytes as verified", () => {
    const sha = createHash('sha256').update(readFileSync(embedded)).digest('hex');
    expect(readFileSync(pkg('dist/bundle/core.cjs'), 'utf8')).toMatch(new RegExp(`VERIFIED_SNAPSHOTS\\s*=\\s*\\[[^\\]]*"${sha}"`));
  });

  it('a copy with other bytes is validated by the bundle: a bad field under a matching digest is reported', () => {
    const file = JSON.parse(readFileSync(embedded, 'utf8')) as { snapshot: { currency: string }; digest: string };
    file.snapshot.currency = 'EUR';
    file.digest = `sha256:${createHash('sha256').update(JSON.stringify(file.snapshot)).digest('hex')}`;
    const dir = mkdtempSync(join(tmpdir(), 'tp-verified-'));
    writeFileSync(join(dir, 'us-east-1.json'), JSON.stringify(file));
    const run = (bin: string) => spawnSync(process.execPath, [bin, '--users', '10', '--print'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TIER_PLANNER_PRICING_DIR: dir } });
    const bundled = run(SHIPPED_BIN);
    expect(bundled.stderr).toMatch(/currency: only USD is supported/);
    expect(bundled.status).toBe(run(TSC_BUILD_BIN).status);
  });
});

describe('the bundle and the tsc build are the same program', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tp-bundle-'));
  const yamlPrices = join(dir, 'prices.yaml');
  writeFileSync(yamlPrices, 'prices:\n  ec2/m5.large/on-demand: { usd: "-1", note: n }\n');
  const [planA, planB] = [1000, 2_000_000].map((users) => {
    const file = join(dir, `plan-${users}.json`);
    writeFileSync(file, spawnSync(process.execPath, [TSC_BUILD_BIN, '--users', String(users), '--json', '--date', '2026-12-01'], { encoding: 'utf8' }).stdout);
    return file;
  });
  const run = (bin: string, args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it.each([
    [['--help']],
    [['--version']],
    [['--users', '10000', '--date', '2026-12-01']],
    [['--users', '250000', '--profile', 'microservices-mysql', '--format', 'json', '--date', '2026-12-01']],
    // YAML is read through createRequire, the plan schema from a path next to the code.
    [['--users', '10', '--prices', yamlPrices]],
    [['diff', planA, planB]],
    [['profiles']],
    [['pricing', 'info']],
    [['--users', 'ten']],
    [['frobnicate']],
  ])('%j', (args) => {
    const bundled = run(SHIPPED_BIN, args);
    expect(bundled).toEqual(run(TSC_BUILD_BIN, args));
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
  });
});
