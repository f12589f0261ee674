#!/usr/bin/env node
// Bundles the tier-planner command into dist/bundle/ with esbuild, after tsc has built the
// workspace. Code splitting keeps the printed path (argument parsing, the model, the text
// renderers) in the entry's chunks and leaves what only some commands need (Ink, React and the
// explorer; the AWS SDK for pricing refresh; the bill readers) in chunks loaded by the dynamic
// imports in src/cli/main.ts. One file per module costs Node a read and a compile each; one file
// for everything makes every start compile Ink and the SDK: both start slower.
//
// The cost model is bundled apart, as one CommonJS file (core.cjs) that scripts/core-loader.mjs
// runs with a V8 code cache made here from a printed plan: its functions start compiled. Every
// chunk imports the model through that loader, so a process holds one instance of it (one
// PricingError class, one set of per-book caches).
//
// dist/bundle/ sits two folders below the package like dist/cli/, so paths the code builds from
// import.meta.url (schema/plan.v1.schema.json) and createRequire look-ups (the price snapshots in
// @tier-planner/pricing-data, yaml) resolve as they do from the tsc build.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/bundle', import.meta.url));
/** Which sources went into which chunk and what each chunk imports: the bundle tests read it. */
const metafile = fileURLToPath(new URL('../dist/bundle-meta.json', import.meta.url));

/** Native bindings and what is loaded from node_modules at run time: never bundled. */
export const EXTERNAL = [
  '@duckdb/node-api',
  '@duckdb/node-bindings',
  '@duckdb/node-bindings-*',
  // Ink loads React's devtools only when DEV=true; it is not a dependency.
  'react-devtools-core',
];

/**
 * A CommonJS package loaded by a dynamic import (React, from the explorer's start) gets only a
 * default export from esbuild, where Node gives its named exports too. This serves it through a
 * module that names them, read from the package itself at build time.
 */
const namedCommonJs = {
  name: 'named-exports-of-dynamically-imported-commonjs',
  setup(b) {
    const COMMONJS = ['react'];
    b.onResolve({ filter: new RegExp(`^(${COMMONJS.join('|')})$`) }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'named-commonjs' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'named-commonjs' }, (args) => {
      const names = Object.keys(createRequire(import.meta.url)(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return { contents: `import m from '${args.path}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`, resolveDir: pkg, loader: 'js' };
    });
  },
};

/** Whitespace and syntax only: names stay, so stack traces (TIER_PLANNER_DEBUG) still read. */
const MINIFY = { minifyWhitespace: true, minifySyntax: true };

/** The cost model, from its tsc build, as the CommonJS file core-loader.mjs runs. */
const modelEntry = createRequire(import.meta.url).resolve('@tier-planner/cost-model');
const coreLoader = fileURLToPath(new URL('./core-loader.mjs', import.meta.url));
const modelNames = Object.keys(await import(pathToFileURL(modelEntry).href));

/** Serves `import … from '@tier-planner/cost-model'` from the one core the loader ran. */
const modelThroughCore = {
  name: 'model-through-core-loader',
  setup(b) {
    b.onResolve({ filter: /^@tier-planner\/cost-model$/ }, () => ({ path: 'cost-model', namespace: 'core' }));
    b.onLoad({ filter: /.*/, namespace: 'core' }, () => ({
      contents: `import { costModel } from ${JSON.stringify(coreLoader)};\nexport const { ${modelNames.join(', ')} } = costModel;\n`,
      resolveDir: pkg,
      loader: 'js',
    }));
  },
};

/**
 * The embedded snapshots, validated here with the model's own validator: the core lists the
 * SHA-256 of each valid file's bytes (snapshot-io/verified-snapshots.ts), and loading a file with
 * exactly those bytes skips validating it again. Any other bytes are validated at load.
 */
async function verifiedSnapshots() {
  const model = await import(pathToFileURL(modelEntry).href);
  const dir = model.embeddedSnapshotDir();
  return model.regionsIn(dir).flatMap((region) => {
    const path = model.snapshotPath(dir, region);
    const bytes = readFileSync(path);
    try {
      model.validateSnapshotFile(JSON.parse(bytes.toString('utf8')), path);
    } catch {
      return []; // left to fail, with its message, when it is loaded
    }
    return [createHash('sha256').update(bytes).digest('hex')];
  });
}
const verified = await verifiedSnapshots();
const verifiedInCore = {
  name: 'verified-snapshots',
  setup(b) {
    b.onLoad({ filter: /cost-model\/dist\/snapshot-io\/verified-snapshots\.js$/ }, () => ({ contents: `export const VERIFIED_SNAPSHOTS = ${JSON.stringify(verified)};\n`, loader: 'js' }));
  },
};

/**
 * The command's light code (the commands that need no Ink, AWS SDK or bill reader at their top,
 * and src/cli/, src/render/) reached through one module, so code splitting keeps it in one chunk:
 * reached from main.ts's dynamic imports and, for the modules they share, from the explorer and
 * the bill commands, it would otherwise fall into a small chunk per set of commands that share
 * it, and each further ES module costs a start-up about a millisecond (resolve, read, link).
 */
const LIGHT_COMMANDS = ['plan', 'ladder', 'compare', 'compare-regions', 'diff', 'explain-variance', 'calibrate', 'price', 'profiles', 'scenarios', 'pricing-info', 'pricing-refresh'];
const src = fileURLToPath(new URL('../src', import.meta.url));
/** src/cli/ and src/render/ but the entry (apart for --help and --version) and what reads bills. */
const sharedLight = ['cli', 'render'].flatMap((dir) =>
  readdirSync(`${src}/${dir}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !(dir === 'cli' && f === 'main.ts'))
    .map((f) => `${src}/${dir}/${f}`)
    .filter((f) => !readFileSync(f, 'utf8').includes('@tier-planner/aws-billing')),
);
/** One module re-exports them all: a name two of them export would be left out (ESM's rule), so refuse it. */
const lightModules = [...LIGHT_COMMANDS.map((c) => `${src}/commands/${c}.ts`), ...sharedLight];
{
  const owner = new Map();
  for (const file of lightModules) {
    const built = pathToFileURL(file.replace(`${src}/`, fileURLToPath(new URL('../dist/', import.meta.url))).replace(/\.ts$/, '.js')).href;
    for (const [name, value] of Object.entries(await import(built))) {
      // The same binding re-exported (export { X } from …) is one name, not two.
      if (owner.has(name) && owner.get(name).value !== value) throw new Error(`${name} is exported by both ${owner.get(name).file} and ${file}: give one of them another name`);
      owner.set(name, { file, value });
    }
  }
}
const lightWorld = (file) =>
  file === `${src}/cli/main.ts` || sharedLight.includes(file) || LIGHT_COMMANDS.some((c) => file === `${src}/commands/${c}.ts`) || file.startsWith(`${src}/calibrate/`) || !file.startsWith(`${src}/`);
const lightTogether = {
  name: 'light-code-in-one-chunk',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace !== 'file') return undefined;
      if (args.kind === 'dynamic-import' && args.importer.endsWith('/src/cli/main.ts')) {
        const name = args.path.replace(/^\.\.\/commands\/([a-z-]+)\.js$/, '$1');
        return LIGHT_COMMANDS.includes(name) ? { path: 'light', namespace: 'light' } : undefined;
      }
      // The light code's own imports stay as they are; main.ts's too (--help loads none of it).
      if (args.kind !== 'import-statement' || lightWorld(args.importer)) return undefined;
      const target = fileURLToPath(new URL(args.path.replace(/\.js$/, '.ts'), pathToFileURL(args.importer)));
      if (!sharedLight.includes(target)) return undefined;
      return { path: 'light', namespace: 'light' };
    });
    b.onLoad({ filter: /.*/, namespace: 'light' }, () => ({
      contents: lightModules.map((f) => `export * from ${JSON.stringify(f)};`).join('\n'),
      resolveDir: pkg,
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [modelEntry],
  outfile: `${outdir}/core.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The loader passes the core's own file URL in; the tsc build reads import.meta.url there.
  define: { 'import.meta.url': '__tpImportMetaUrl' },
  plugins: [verifiedInCore],
  legalComments: 'linked',
  ...MINIFY,
  logLevel: 'warning',
});
const result = await build({
  absWorkingDir: pkg,
  // core-loader is an entry of its own so the build can reach codeCache() (below).
  entryPoints: { main: 'src/cli/main.ts', 'core-loader': coreLoader },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [namedCommonJs, modelThroughCore, lightTogether],
  // Some CommonJS dependencies call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __tpCreateRequire } from 'node:module'; const require = __tpCreateRequire(import.meta.url);" },
  legalComments: 'linked',
  ...MINIFY,
  metafile: true,
  logLevel: 'warning',
});

writeFileSync(metafile, JSON.stringify(result.metafile));

// The code cache: a printed plan (the default profile at 10,000 users) compiles what the printed
// path runs; the cache holds those functions compiled. Made in a child so it holds nothing else.
const warmUp = `
  const { run } = await import(${JSON.stringify(pathToFileURL(`${outdir}/main.js`).href)});
  const sink = { write() {} };
  const status = await run(['--users', '10000', '--print'], { stdout: sink, stderr: process.stderr, env: { NO_COLOR: '1' } });
  if (status !== 0) process.exit(status);
  const { codeCache } = await import(${JSON.stringify(pathToFileURL(`${outdir}/core-loader.js`).href)});
  (await import('node:fs')).writeFileSync(${JSON.stringify(`${outdir}/core.cache`)}, codeCache());
`;
// The embedded snapshot, whatever the builder has refreshed into their own pricing folder.
const env = { ...process.env, TIER_PLANNER_PRICING_DIR: `${outdir}/no-refreshed-snapshots` };
const made = spawnSync(process.execPath, ['--input-type=module', '-e', warmUp], { stdio: ['ignore', 'inherit', 'inherit'], env });
if (made.status !== 0) throw new Error(`the code cache warm-up exited ${made.status}`);
// V8 takes the cache only from its own version: the bundle tests read which one made it.
writeFileSync(fileURLToPath(new URL('../dist/code-cache.json', import.meta.url)), JSON.stringify({ node: process.version, v8: process.versions.v8 }));
if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
