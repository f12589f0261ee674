#!/usr/bin/env node
// The tier-planner command. It runs the esbuild bundle in dist/bundle/ (built from src/ by
// `npm run build`, which `npm ci` runs through the root prepare script): a few files to read and
// compile at start-up instead of one per module. dist/cli/ (the tsc build) is the same program.
import { run } from '../dist/bundle/main.js';

process.exitCode = await run(process.argv.slice(2), process);
