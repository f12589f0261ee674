#!/usr/bin/env node
// Bulk offer file benchmark: writes a generated EC2 offer file (JSON, ~1 GB by default; CSV,
// ~250 MB) in AWS's layout to a temp folder, serves it over loopback HTTP, and streams it through
// the bulk reader the refresh uses (download + offer-file reader + the EC2 filters). Prints MB/s
// and the process's peak RSS, which must stay <= 300 MB whatever the file size.
// GENERATED TEST DATA: every SKU and price is made up. BENCH_OFFER_MB / BENCH_CSV_MB set the sizes.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { download } from '../../packages/aws-pricing/dist/bulk/download.js';
import { CsvOfferReader, JsonOfferReader, productFilter } from '../../packages/aws-pricing/dist/bulk/offer-file.js';
import { stopOnSignalOrDeadline } from '../../packages/aws-pricing/dist/refresh-stop.js';
import { ec2InstanceQueries } from '../../packages/aws-pricing/dist/services/ec2.js';
import { ebsService } from '../../packages/aws-pricing/dist/services/ebs.js';
import { abortableSleep, realTimer } from '../../packages/aws-pricing/dist/timers.js';

const JSON_MB = Number(process.env.BENCH_OFFER_MB ?? 1024);
const CSV_MB = Number(process.env.BENCH_CSV_MB ?? 256);
const RSS_LIMIT_MB = 300;

const OS = ['Linux', 'Windows', 'RHEL', 'SUSE'];
const TENANCY = ['Shared', 'Dedicated', 'Host'];
const FAMILIES = ['m5', 'c6g', 'r7i', 't3', 'm7g', 'x2idn'];
const SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge'];

function product(i) {
  const type = `${FAMILIES[i % FAMILIES.length]}.${SIZES[Math.floor(i / FAMILIES.length) % SIZES.length]}${Math.floor(i / 36)}`;
  const sku = `BENCH${String(i).padStart(11, '0')}`;
  return {
    sku,
    productFamily: 'Compute Instance',
    attributes: {
      servicecode: 'AmazonEC2',
      location: 'US East (N. Virginia)',
      locationType: 'AWS Region',
      instanceType: type,
      currentGeneration: 'Yes',
      instanceFamily: 'General purpose',
      vcpu: String(2 ** (i % 6)),
      physicalProcessor: 'Intel Xeon Platinum 8175',
      clockSpeed: '3.1 GHz',
      memory: `${2 ** (i % 6) * 4} GiB`,
      storage: 'EBS only',
      networkPerformance: 'Up to 10 Gigabit',
      processorArchitecture: '64-bit',
      tenancy: TENANCY[Math.floor(i / 4) % TENANCY.length],
      operatingSystem: OS[i % OS.length],
      licenseModel: 'No License required',
      usagetype: `BoxUsage:${type}`,
      operation: 'RunInstances',
      capacitystatus: 'Used',
      preInstalledSw: 'NA',
      regionCode: 'us-east-1',
    },
  };
}

const dim = (sku, code, rate, unit, usd, description) => ({
  [`${sku}.${code}.${rate}`]: { rateCode: `${sku}.${code}.${rate}`, description, beginRange: '0', endRange: 'Inf', unit, pricePerUnit: { USD: usd }, appliesTo: [] },
});
function onDemand(i) {
  const sku = product(i).sku;
  return { [`${sku}.JRTCKXETXF`]: { offerTermCode: 'JRTCKXETXF', sku, effectiveDate: '2026-11-01T00:00:00Z', priceDimensions: dim(sku, 'JRTCKXETXF', '6YS6EN2CT7', 'Hrs', `0.${String(100 + (i % 900)).padStart(3, '0')}0000000`, 'made-up bench price'), termAttributes: {} } };
}
function reserved(i) {
  const sku = product(i).sku;
  const terms = {};
  let n = 0;
  for (const length of ['1yr', '3yr']) {
    for (const offeringClass of ['standard', 'convertible']) {
      for (const payment of ['No Upfront', 'Partial Upfront', 'All Upfront']) {
        const code = `RSV${n++}BENCH`;
        terms[`${sku}.${code}`] = {
          offerTermCode: code,
          sku,
          effectiveDate: '2026-11-01T00:00:00Z',
          priceDimensions: { ...dim(sku, code, 'HRS0000001', 'Hrs', '0.0500000000', 'made-up bench rate'), ...dim(sku, code, 'UPF0000001', 'Quantity', '100', 'Upfront Fee') },
          termAttributes: { LeaseContractLength: length, OfferingClass: offeringClass, PurchaseOption: payment },
        };
      }
    }
  }
  return terms;
}

async function writeAll(out, text) {
  if (!out.write(text)) await once(out, 'drain');
}

/** A JSON offer file: products first, then terms, written until it reaches `mb`. */
async function writeJson(path, mb) {
  const out = createWriteStream(path);
  const limit = mb * 1e6;
  let bytes = 0;
  const put = async (s) => {
    bytes += Buffer.byteLength(s);
    await writeAll(out, s);
  };
  await put('{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "GENERATED TEST DATA, not AWS prices",\n  "offerCode" : "AmazonEC2",\n  "version" : "bench",\n  "publicationDate" : "2026-11-20T00:00:00Z",\n  "products" : {\n');
  // Products are about a fifth of a real file; terms (many reserved terms per SKU) the rest.
  const perSku = 13_200;
  const skus = Math.max(1, Math.floor(limit / perSku));
  for (let i = 0; i < skus; i++) await put(`${i ? ',\n' : ''}    ${JSON.stringify(product(i).sku)} : ${JSON.stringify(product(i), null, 2)}`);
  await put('\n  },\n  "terms" : {\n    "OnDemand" : {\n');
  for (let i = 0; i < skus; i++) await put(`${i ? ',\n' : ''}      ${JSON.stringify(product(i).sku)} : ${JSON.stringify(onDemand(i), null, 2)}`);
  await put('\n    },\n    "Reserved" : {\n');
  for (let i = 0; i < skus; i++) await put(`${i ? ',\n' : ''}      ${JSON.stringify(product(i).sku)} : ${JSON.stringify(reserved(i), null, 2)}`);
  await put('\n    }\n  }\n}\n');
  out.end();
  await once(out, 'finish');
  return skus;
}

const cell = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
/** A CSV offer file: five metadata lines, the header, a line per price dimension. */
async function writeCsv(path, mb) {
  const out = createWriteStream(path);
  const limit = mb * 1e6;
  const attributes = Object.keys(product(0).attributes);
  const header = ['SKU', 'OfferTermCode', 'RateCode', 'TermType', 'PriceDescription', 'EffectiveDate', 'StartingRange', 'EndingRange', 'Unit', 'PricePerUnit', 'Currency', 'LeaseContractLength', 'PurchaseOption', 'OfferingClass', 'Product Family', ...attributes];
  let bytes = 0;
  const put = async (s) => {
    bytes += Buffer.byteLength(s);
    await writeAll(out, s);
  };
  await put(`"FormatVersion","v1.0"\n"Disclaimer","GENERATED TEST DATA, not AWS prices"\n"Publication Date","2026-11-20T00:00:00Z"\n"Version","bench"\n"OfferCode","AmazonEC2"\n${header.map(cell).join(',')}\n`);
  let i = 0;
  while (bytes < limit) {
    const p = product(i);
    const attrs = attributes.map((a) => p.attributes[a]);
    for (const [type, terms] of [['OnDemand', onDemand(i)], ['Reserved', reserved(i)]]) {
      for (const t of Object.values(terms)) {
        for (const d of Object.values(t.priceDimensions)) {
          const ta = t.termAttributes;
          await put(`${[p.sku, t.offerTermCode, d.rateCode, type, d.description, t.effectiveDate, d.beginRange, d.endRange, d.unit, d.pricePerUnit.USD, 'USD', ta.LeaseContractLength, ta.PurchaseOption, ta.OfferingClass, p.productFamily, ...attrs].map(cell).join(',')}\n`);
        }
      }
    }
    i += 1;
  }
  out.end();
  await once(out, 'finish');
  return i;
}

async function serveFile(path) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-length': String(statSync(path).size), 'accept-ranges': 'bytes', etag: '"bench"' });
    createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/offer`, close: () => new Promise((r) => server.close(r)) };
}

async function readThrough(path, Reader) {
  const keep = productFilter([...ec2InstanceQueries('us-east-1'), ...ebsService.queries('us-east-1')]);
  const reader = new Reader('AmazonEC2', keep);
  const server = await serveFile(path);
  const stop = stopOnSignalOrDeadline(undefined, 3_600_000, realTimer);
  const ctx = { maxAttempts: 3, requestTimeoutMs: 30_000, stop, setTimer: realTimer, sleep: abortableSleep, now: () => new Date(), onProgress: () => {}, stats: { requests: 0, retries: 0 } };
  const t0 = process.hrtime.bigint();
  const { bytes } = await download({ url: server.url, label: 'bench offer file', service: 'EC2', rows: () => reader.rows }, ctx, (chunk) => reader.write(chunk));
  reader.end();
  const items = reader.items();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  stop.dispose();
  await server.close();
  return { bytes, seconds, rows: reader.rows, kept: items.length };
}

/** The reading runs in its own process, so its peak RSS is the reader's alone, not the generator's. */
function readInChild(kind, path) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--read', kind, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reader failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

if (process.argv[2] === '--write-json') {
  await writeJson(process.argv[3], Number(process.argv[4]));
} else if (process.argv[2] === '--read') {
  const result = await readThrough(process.argv[4], process.argv[3] === 'csv' ? CsvOfferReader : JsonOfferReader);
  console.log(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'tp-bench-offer-'));
  try {
    console.log(`bulk offer file reader (streamed over loopback HTTP, EC2 filters), node ${process.version}`);
    let worst = 0;
    const line = (kind, r, extra) => {
      worst = Math.max(worst, r.maxRssMb);
      console.log(
        `  ${kind} ${(r.bytes / 1e6).toFixed(0).padStart(5)} MB (${extra}${r.rows.toLocaleString('en-US')} rows, ${r.kept.toLocaleString('en-US')} products kept): ` +
          `${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s, ${r.seconds.toFixed(1)} s; peak RSS ${r.maxRssMb.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB)`,
      );
    };
    const jsonPath = join(dir, 'ec2.json');
    const skus = await writeJson(jsonPath, JSON_MB);
    line('JSON', readInChild('json', jsonPath), `${skus.toLocaleString('en-US')} SKUs, `);
    rmSync(jsonPath);
    if (CSV_MB > 0) {
      const csvPath = join(dir, 'ec2.csv');
      await writeCsv(csvPath, CSV_MB);
      line('CSV ', readInChild('csv', csvPath), '');
    }
    if (worst > RSS_LIMIT_MB) {
      console.error(`peak RSS ${worst.toFixed(0)} MB is above ${RSS_LIMIT_MB} MB`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
