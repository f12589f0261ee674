// A copy of the embedded price book with MADE-UP commitment and Spot rates, for testing the
// purchase logic only: none of these figures is an AWS price. A third of the types get every
// reserved and Savings Plans rate and a Spot price, a third only Savings Plans and Spot, a third
// nothing; each type's discount differs, so ranking by the option's rate differs from on-demand.
import { createPriceBook, type PriceBook, type ReservedRate, type SavingsPlanRate, type SnapshotContent } from '@tier-planner/cost-model';

const SOURCE = 'synthetic-test-rates';
const fixed = (x: number) => x.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');

/** Made-up reserved rates for an hourly on-demand price, with the discount `d` (0..1) for No Upfront. */
function reserved(od: number, d: number): ReservedRate[] {
  const out: ReservedRate[] = [];
  for (const [term, years, deeper] of [['1yr', 1, 0], ['3yr', 3, 0.15]] as const) {
    const share = 1 - d - deeper;
    for (const offeringClass of ['standard', 'convertible'] as const) {
      const k = offeringClass === 'convertible' ? 1.1 : 1;
      const hours = years * 8760;
      out.push({ term, offeringClass, paymentOption: 'No Upfront', hourlyUsd: fixed(od * share * k), upfrontUsd: '0', source: SOURCE });
      out.push({ term, offeringClass, paymentOption: 'Partial Upfront', hourlyUsd: fixed(od * share * k * 0.5), upfrontUsd: fixed(od * share * k * 0.47 * hours), source: SOURCE });
      out.push({ term, offeringClass, paymentOption: 'All Upfront', hourlyUsd: '0', upfrontUsd: fixed(od * share * k * 0.93 * hours), source: SOURCE });
    }
  }
  return out;
}

function savingsPlans(od: number, d: number, plans: readonly ('compute' | 'ec2-instance')[]): SavingsPlanRate[] {
  const out: SavingsPlanRate[] = [];
  for (const plan of plans) {
    for (const term of ['1yr', '3yr'] as const) {
      for (const paymentOption of ['No Upfront', 'Partial Upfront', 'All Upfront'] as const) {
        const k = (plan === 'compute' ? 1.08 : 1) * (term === '3yr' ? 0.8 : 1) * (paymentOption === 'No Upfront' ? 1 : paymentOption === 'Partial Upfront' ? 0.97 : 0.95);
        out.push({ plan, term, paymentOption, usd: fixed(od * (1 - d) * k), source: SOURCE });
      }
    }
  }
  return out;
}

export function syntheticBook(b: PriceBook): PriceBook {
  const instances = Object.fromEntries(
    b.instanceTypes.map(({ name, family: _f, size: _s, burstable: _b, currentGeneration: _g, ...r }, i) => {
      const od = Number(r.onDemandUsd);
      const d = 0.25 + ((i * 37) % 40) / 100;
      const kind = i % 3;
      const rates =
        kind === 2
          ? { reserved: undefined, savingsPlans: undefined, spot: undefined }
          : {
              reserved: kind === 0 ? reserved(od, d) : undefined,
              savingsPlans: savingsPlans(od, d, ['compute', 'ec2-instance']),
              spot: { medianUsd: fixed(od * (0.2 + ((i * 13) % 30) / 100)), p90Usd: fixed(od * 0.6), byAz: {}, from: '2026-11-24T00:00:00Z', to: '2026-12-01T00:00:00Z', source: SOURCE },
            };
      const { reserved: _r, savingsPlans: _sp, spot: _spot, ...rest } = r;
      return [name, { ...rest, ...(rates.reserved && { reserved: rates.reserved }), ...(rates.savingsPlans && { savingsPlans: rates.savingsPlans }), ...(rates.spot && { spot: rates.spot }) }];
    }),
  );
  const prices = b.dimensions.map((p) => {
    if (!p.usd) return p;
    const usd = Number(p.usd);
    if (/^fargate\/linux-(x86|arm64)\/(vcpu|gb)-hours$/.test(p.key)) return { ...p, savingsPlans: savingsPlans(usd, 0.2, ['compute']) };
    if (/^(rds\/[^/]+\/db\.[^/]+\/[^/]+|elasticache\/[^/]+\/cache\.[^/]+)$/.test(p.key)) return { ...p, reserved: reserved(usd, 0.35).filter((x) => x.offeringClass === 'standard') };
    return p;
  });
  const content: SnapshotContent = {
    region: b.region,
    currency: 'USD',
    generatedAt: b.generatedAt,
    generator: b.generator,
    sources: { ...b.sources, [SOURCE]: { title: 'made-up rates for tests (not AWS prices)', ref: 'test/model/synthetic-rates.ts', asOf: '2026-12-01', confidence: 'derived-golden' } },
    ec2: { priceSource: b.ec2Sources.price, specSource: b.ec2Sources.spec, podsSource: b.ec2Sources.pods, dropped: b.droppedInstanceTypes, instances },
    prices,
    allowances: b.allowances,
    kubernetesVersions: b.kubernetesVersions,
    missing: b.missing,
  };
  return createPriceBook(content, b.origin);
}
