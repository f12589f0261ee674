import type { PriceDimension, SnapshotContent } from '@tier-planner/cost-model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEmbeddedReference } from './embedded-reference.js';
import { refreshPriceSnapshot } from './index.js';
import { fixtureProductsFromSnapshot } from './testing/fixture-items.js';
import { clientFor, runCleanups, serve, tempDir } from './testing/refresh-harness.js';

// The embedded snapshot lists these usage keys as missing; a Price List that has them must fill
// them. The rates below are made up for the test (no real figure), served as Price List products.
const MADE_UP: readonly PriceDimension[] = [
  { key: 's3/one-zone-ia/put-requests', service: 'S3', description: 'x', unit: '1k requests', usd: '0.0123', purchaseOption: 'on-demand', source: 'test' },
  { key: 's3/intelligent-tiering/get-requests', service: 'S3', description: 'x', unit: '1k requests', usd: '0.00045', purchaseOption: 'on-demand', source: 'test' },
  { key: 's3/standard-ia/transition-requests', service: 'S3', description: 'x', unit: '1k requests', usd: '0.0111', purchaseOption: 'on-demand', source: 'test' },
  { key: 's3/standard/select-scanned', service: 'S3', description: 'x', unit: 'GB', usd: '0.0021', purchaseOption: 'on-demand', source: 'test' },
  { key: 'route53/health-check/aws', service: 'Route 53', description: 'x', unit: 'health-check-months', usd: '0.51', purchaseOption: 'on-demand', source: 'test' },
  { key: 'cloudfront/requests/https/us', service: 'CloudFront', description: 'x', unit: '10k requests', usd: '0.0109', purchaseOption: 'on-demand', source: 'test' },
  { key: 'cloudfront/requests/http/us', service: 'CloudFront', description: 'x', unit: '10k requests', usd: '0.0077', purchaseOption: 'on-demand', source: 'test' },
];

afterEach(runCleanups);

describe('a refresh fills the usage keys the embedded snapshot lacks', () => {
  it('reads S3 per-class requests, transitions and Select, Route 53 health checks and CloudFront requests', async () => {
    const embedded = readEmbeddedReference();
    const missingBefore = new Set(embedded.missing.map((m) => m.key));
    for (const d of MADE_UP) expect(missingBefore.has(d.key), d.key).toBe(true);
    const served: SnapshotContent = { ...embedded, prices: [...embedded.prices, ...MADE_UP] };
    const server = await serve(fixtureProductsFromSnapshot(served));
    const { content } = await refreshPriceSnapshot({ region: 'us-east-1', outDir: tempDir(), client: clientFor(server), now: () => new Date('2026-12-01T10:00:00Z'), sleep: vi.fn(async () => {}), random: () => 0.5 });
    const byKey = new Map(content.prices.map((p) => [p.key, p]));
    for (const d of MADE_UP) expect(byKey.get(d.key)?.usd, d.key).toBe(d.usd);
    const missingAfter = new Set(content.missing.map((m) => m.key));
    for (const d of MADE_UP) expect(missingAfter.has(d.key), d.key).toBe(false);
    // WAF stays missing with the reason the refresh gives.
    expect(content.missing.find((m) => m.key === 'waf/web-acl')?.reason).toMatch(/usage types of AWS WAF/);
  });
});
