// What a user of the core alone installs: @tier-planner/cost-model brings decimal.js and the price
// data, nothing else, and its packed tarball (what `npm install` unpacks) holds the core's own
// code and data and no adapter. Read from the package manifests and `npm pack --dry-run`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADAPTERS = ['aws-pricing', 'aws-billing', 'planner-tui', 'exporter', 'reference-infra'];

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly bundleDependencies?: unknown;
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;

/** The files `npm pack` would put in the package's tarball. */
function packedFiles(dir: string): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(root, dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

/** Packages a packed .js file imports ("decimal.js", "@tier-planner/pricing-data"); relative and node: imports left out. */
function importedPackages(dir: string, file: string): string[] {
  const text = readFileSync(join(root, dir, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

describe('the core installs decimal.js and the price data only', () => {
  it('@tier-planner/cost-model depends on exactly decimal.js and @tier-planner/pricing-data', () => {
    const core = manifest('packages/cost-model');
    expect(Object.keys(core.dependencies ?? {}).sort()).toEqual(['@tier-planner/pricing-data', 'decimal.js']);
    expect(core.peerDependencies ?? {}).toEqual({});
    expect(core.optionalDependencies ?? {}).toEqual({});
    expect(core.bundleDependencies).toBeUndefined();
  });

  it('@tier-planner/pricing-data depends on nothing', () => {
    const data = manifest('data/pricing');
    expect(data.name).toBe('@tier-planner/pricing-data');
    expect(data.dependencies ?? {}).toEqual({});
    expect(data.peerDependencies ?? {}).toEqual({});
    expect(data.optionalDependencies ?? {}).toEqual({});
  });

  it("the core's tarball holds its dist and data, and no adapter code", () => {
    const files = packedFiles('packages/cost-model');
    expect(files).toContain('dist/index.js');
    expect(files.filter((f) => f !== 'package.json' && f !== 'README.md' && !f.startsWith('dist/'))).toEqual([]);
    expect(files.filter((f) => ADAPTERS.some((a) => f.includes(a)) || /\.test\.|\/testing\/|\.tsbuildinfo$/.test(f))).toEqual([]);
    // Every import of every packed module is the core's own file, a Node built-in or one of its two dependencies.
    const imported = new Set(files.filter((f) => f.endsWith('.js')).flatMap((f) => importedPackages('packages/cost-model', f)));
    expect([...imported].sort()).toEqual(['@tier-planner/pricing-data', 'decimal.js']);
  });

  it("the price data's tarball is data: snapshots and their schema, no code", () => {
    const files = packedFiles('data/pricing');
    expect(files).toContain('snapshots/us-east-1.json');
    expect(files.filter((f) => f !== 'package.json' && f !== 'README.md' && !/^(snapshots|schema)\/[^/]+\.json$/.test(f))).toEqual([]);
  });
});
