#!/usr/bin/env node
// The tier-planner command. The code lives in dist/ (built by `npm ci` through the root prepare script).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2), process);
