#!/usr/bin/env node
// The tier-planner-exporter service. The code lives in dist/ (built by `npm ci` through the root prepare script).
import { processReloadSignal, processStopSignal, run } from '../dist/cli/main.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stopSignal: processStopSignal(), onReload: processReloadSignal() });
process.exitCode = code;
// Nothing should be left running; if a socket lingers, do not let it hold the exit.
setTimeout(() => process.exit(code), 1_000).unref();
