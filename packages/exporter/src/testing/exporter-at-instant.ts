// `npx tsx packages/exporter/src/testing/exporter-at-instant.ts <ISO instant> --config FILE`: the
// exporter as its bin runs it, but on a clock that starts at the given instant. For tests with a
// real Prometheus, which keeps real time: the exporter's figures then do not depend on today's date.
import { processReloadSignal, processStopSignal, run } from '../cli/main.js';
import { clockFrom } from './clock.js';

const [instant, ...argv] = process.argv.slice(2);
const code = await run(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, stopSignal: processStopSignal(), onReload: processReloadSignal(), now: clockFrom(instant ?? '') });
process.exitCode = code;
setTimeout(() => process.exit(code), 1_000).unref();
