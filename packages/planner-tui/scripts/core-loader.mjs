// Runs the cost model's CommonJS bundle (dist/bundle/core.cjs) for the esbuild bundle of the
// command: every chunk that imports @tier-planner/cost-model imports this module's one instance
// of it (scripts/bundle.mjs wires that). Going through node:vm lets the start-up use the V8 code
// cache the bundle script wrote (dist/bundle/core.cache) after a printed plan: the model's
// functions arrive compiled instead of being parsed and compiled on every start (Node 20 has no
// compile cache for ES modules). The cache starts with the SHA-256 of the source it was made
// from; a cache of another source, or that this Node's V8 rejects (another version, other
// flags), is ignored and the source compiles as it would without one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const SOURCE = new URL('./core.cjs', import.meta.url);
const CACHE = new URL('./core.cache', import.meta.url);
/** Bytes of the source digest at the head of core.cache. */
const STAMP_BYTES = 32;

const sourceStamp = (source) => createHash('sha256').update(source).digest();

/** The CommonJS wrapper the bundle's source runs in; import.meta.url of the core is its own file. */
const wrap = (source) => `(function (exports, require, module, __filename, __dirname, __tpImportMetaUrl) {${source}\n})`;

function compile() {
  const file = fileURLToPath(SOURCE);
  const source = readFileSync(file);
  const cache = existsSync(CACHE) ? readFileSync(CACHE) : undefined;
  const fresh = cache !== undefined && cache.length > STAMP_BYTES && sourceStamp(source).equals(cache.subarray(0, STAMP_BYTES));
  const script = new Script(wrap(source.toString('utf8')), { filename: file, ...(fresh ? { cachedData: cache.subarray(STAMP_BYTES) } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(SOURCE), module, file, fileURLToPath(new URL('.', SOURCE)), SOURCE.href);
  return { exports: module.exports, script, cacheUsed: fresh && !script.cachedDataRejected };
}

const core = compile();
/** The cost model's exports. */
export const costModel = core.exports;
/** Whether this start-up compiled the core from the code cache (the bundle tests check it). */
export const coreFromCache = core.cacheUsed;
/** The code cache of what this process has compiled so far, stamped with the source's digest. */
export const codeCache = () => Buffer.concat([sourceStamp(readFileSync(SOURCE)), core.script.createCachedData()]);
