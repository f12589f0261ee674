#!/usr/bin/env node
// Bundles the tier-planner command into dist/bundle/ with esbuild, after tsc has built the
// workspace. Code splitting keeps the printed path (argument parsing, the model, the text
// renderers) in the entry's chunks and leaves what only some commands need (Ink, React and the
// explorer; the AWS SDK for pricing refresh; the bill readers) in chunks loaded by the dynamic
// imports in src/cli/main.ts. One file per module costs Node a read and a compile each; one file
// for everything makes every start compile Ink and the SDK: both start slower.
//
// dist/bundle/ sits two folders below the package like dist/cli/, so paths the code builds from
// import.meta.url (schema/plan.v1.schema.json) and createRequire look-ups (the price snapshots in
// @tier-planner/pricing-data, yaml) resolve as they do from the tsc build.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: pkg,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [namedCommonJs],
  // Some CommonJS dependencies call require() on Node built-ins; ESM output has no require.
  banner: { js: "import { createRequire as __tpCreateRequire } from 'node:module'; const require = __tpCreateRequire(import.meta.url);" },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

writeFileSync(metafile, JSON.stringify(result.metafile));
if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
