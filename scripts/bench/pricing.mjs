#!/usr/bin/env node
// Price-book benchmark: snapshot load time (median of N loads, each reading, verifying and
// indexing the file anew) and the snapshot's size on disk and gzipped. Prints figures only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { embeddedSnapshotDir, loadPriceBook, snapshotPath } from '@tier-planner/cost-model';

const LOADS = Number(process.env.BENCH_LOADS ?? 50);
const region = 'us-east-1';
const file = snapshotPath(embeddedSnapshotDir(), region);

const times = [];
for (let i = 0; i < LOADS; i++) {
  const t0 = process.hrtime.bigint();
  loadPriceBook({ region, embeddedOnly: true });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];

// The first load in a fresh process pays for JIT warm-up: what a CLI run sees.
const cold = [];
for (let i = 0; i < 10; i++) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    `import {loadPriceBook} from '@tier-planner/cost-model'; const t=process.hrtime.bigint(); loadPriceBook({embeddedOnly:true}); console.log(Number(process.hrtime.bigint()-t)/1e6)`], { encoding: 'utf8' });
  cold.push(Number(out.trim()));
}
cold.sort((a, b) => a - b);

const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 }).length;
const fmt = (ms) => ms.toFixed(2).padStart(7) + ' ms';
console.log(`price snapshot ${region} (${file})`);
console.log(`  load, warm: median ${fmt(q(0.5))}  p90 ${fmt(q(0.9))}  min ${fmt(times[0])}  over ${LOADS} loads   (target median <= 20 ms)`);
console.log(`  load, first in a fresh process: median ${fmt(cold[5])} over 10 processes`);
console.log(`  size: ${(raw.length / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped   (target gzipped <= 400 KB)`);
console.log(`  node ${process.version}`);
