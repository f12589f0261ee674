import type { EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEc2Server, type FakeEc2Script, type SpotHistoryEntry } from '../testing/fake-ec2-server.js';
import { createEc2Client } from './ec2-client.js';
import { fetchSpotPrices, SPOT_BATCH } from './spot-history.js';

// The real @aws-sdk/client-ec2 over HTTP against a loopback server speaking EC2's Query protocol.
// Spot prices here are TEST DATA, not AWS figures.

const NOW = new Date('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const at = (daysBeforeNow: number) => new Date(NOW.getTime() - daysBeforeNow * DAY).toISOString();

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(history: SpotHistoryEntry[], script: FakeEc2Script = {}, credentials = true) {
  const server = await startFakeEc2Server(history, script);
  const client: EC2Client = createEc2Client({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: credentials
      ? { accessKeyId: 'test', secretAccessKey: 'test' }
      : async () => {
          throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
        },
  });
  cleanups.push(() => server.close(), () => client.destroy());
  return { server, client };
}

// m5.large: zone a at 0.04 (last change 2 days before the window) until 3.5 days ago, then 0.06;
// zone b at 0.05 all week. Time-weighted: zone a's median 0.04 (half the week) and p90 0.06; over
// both zones 0.05 holds 7 of 14 zone-days after 3.5 at 0.04, so the median is 0.05, the p90 0.06.
const M5: SpotHistoryEntry[] = [
  { instanceType: 'm5.large', availabilityZone: 'us-east-1a', spotPrice: '0.0900', timestamp: at(20) }, // superseded before the window
  { instanceType: 'm5.large', availabilityZone: 'us-east-1a', spotPrice: '0.0400', timestamp: at(9) },
  { instanceType: 'm5.large', availabilityZone: 'us-east-1a', spotPrice: '0.0600', timestamp: at(3.5) },
  { instanceType: 'm5.large', availabilityZone: 'us-east-1b', spotPrice: '0.050000', timestamp: at(6) },
  { instanceType: 'm5.large', availabilityZone: 'us-east-1b', spotPrice: '0.050000', timestamp: at(8) },
  { instanceType: 'm5.large', availabilityZone: 'us-east-1c', productDescription: 'Windows', spotPrice: '0.2', timestamp: at(1) },
];

describe('fetchSpotPrices (DescribeSpotPriceHistory through the real EC2 client)', () => {
  it('writes time-weighted median and p90 per zone and over the zones, for the 7 days before the clock', async () => {
    const { server, client } = await setup(M5);
    const outcome = await fetchSpotPrices({ region: 'us-east-1', instanceTypes: ['m5.large'], now: NOW, client });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.prices.get('m5.large')).toEqual({
      medianUsd: '0.05',
      p90Usd: '0.06',
      byAz: { 'us-east-1a': { medianUsd: '0.04', p90Usd: '0.06' }, 'us-east-1b': { medianUsd: '0.05', p90Usd: '0.05' } },
      from: '2026-11-24T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      source: 'aws-ec2-spot-price-history',
    });
    expect(outcome.source.confidence).toBe('vendor-api');
    expect(outcome.source.asOf).toBe('2026-12-01');
    const form = server.requests[0]!;
    expect(form.get('ProductDescription.1')).toBe('Linux/UNIX');
    expect(form.get('StartTime')).toBe('2026-11-24T00:00:00Z');
    expect(form.get('EndTime')).toBe('2026-12-01T00:00:00Z');
  });

  it('asks for every type in batches and follows nextToken to the last page', async () => {
    const types = Array.from({ length: SPOT_BATCH + 7 }, (_, i) => `c5.size${String(i).padStart(2, '0')}`);
    const history = types.flatMap((t, i) =>
      ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((az) => ({ instanceType: t, availabilityZone: az, spotPrice: `0.${String(10 + i)}`, timestamp: at(2) })),
    );
    const { server, client } = await setup(history, { pageSize: 4 });
    const batches: number[] = [];
    const outcome = await fetchSpotPrices({ region: 'us-east-1', instanceTypes: types, now: NOW, client, onBatch: (done) => batches.push(done) });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect([...outcome.prices.keys()].sort()).toEqual(types);
    expect(Object.keys(outcome.prices.get(types[0]!)!.byAz)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // 50 types × 3 zones = 150 items in pages of 4 (38 requests), then 7 × 3 = 21 (6 requests).
    expect(server.requests).toHaveLength(38 + 6);
    expect(batches).toEqual([SPOT_BATCH, SPOT_BATCH + 7]);
    const asked = server.requests.filter((f) => !f.get('NextToken')).map((f) => [...f.keys()].filter((k) => k.startsWith('InstanceType.')).length);
    expect(asked).toEqual([SPOT_BATCH, 7]);
    expect(server.requests.filter((f) => f.get('NextToken')).length).toBe(37 + 5);
  });

  it('rides out a throttling error: the client retries and the history is complete', async () => {
    const { server, client } = await setup(M5, { throttleRequests: [1] });
    const outcome = await fetchSpotPrices({ region: 'us-east-1', instanceTypes: ['m5.large'], now: NOW, client });
    expect(outcome.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(outcome.ok && outcome.prices.get('m5.large')?.medianUsd).toBe('0.05');
  });

  it('leaves Spot unpriced with the reason when no credentials are found, without calling EC2', async () => {
    const { server, client } = await setup(M5, {}, false);
    const outcome = await fetchSpotPrices({ region: 'us-east-1', instanceTypes: ['m5.large'], now: NOW, client });
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/^no AWS credentials found, so Spot stays unpriced/) });
    expect(server.requests).toHaveLength(0);
  });

  it('leaves Spot unpriced naming the refusal when the credentials may not call DescribeSpotPriceHistory', async () => {
    const { client } = await setup(M5, { unauthorized: true });
    const outcome = await fetchSpotPrices({ region: 'us-east-1', instanceTypes: ['m5.large'], now: NOW, client });
    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining('UnauthorizedOperation') });
  });

  it('writes nothing for a type with no Linux/UNIX history in the window', async () => {
    const { client } = await setup(M5);
    const outcome = await fetchSpotPrices({ region: 'us-east-1', instanceTypes: ['m5.large', 'p5.48xlarge'], now: NOW, client });
    expect(outcome.ok && [...outcome.prices.keys()]).toEqual(['m5.large']);
  });
});
