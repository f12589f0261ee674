#!/usr/bin/env node
// The tier-planner command run from the tsc build (dist/cli/, one file per module) instead of the
// esbuild bundle the shipped bin runs: TIER_PLANNER_BIN=test/cli/tsc-build-bin.mjs makes the bin
// tests check that both builds are the same program.
import { run } from '../../packages/planner-tui/dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2), process);
