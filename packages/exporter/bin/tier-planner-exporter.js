#!/usr/bin/env node
// The tier-planner-exporter service. The code lives in dist/ (built by `npm ci` through the root prepare script).
import { processStopSignal, run } from '../dist/cli/main.js';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stopSignal: processStopSignal() });
process.exitCode = code;
// Nothing should be left running; if a socket lingers, do not let it hold the exit.
setTimeout(() => process.exit(code), 1_000).unref();
