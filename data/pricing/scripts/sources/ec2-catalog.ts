import { join } from 'node:path';
import type { Architecture, InstanceTypeRecord, ReservedRate, SourceRef } from '@tier-planner/cost-model';
import { readTsv, sourceLine } from '../read-tsv.js';
import type { Ec2GenerationFacts } from './ec2-generation.js';

export interface Ec2Catalog {
  readonly instances: Record<string, InstanceTypeRecord>;
  readonly dropped: Record<string, number>;
  readonly sources: Record<string, SourceRef>;
}

const ARCH: Record<string, Architecture> = { amd64: 'x86_64', arm64: 'arm64' };

/**
 * Joins the four EC2 fact files into one catalog: a type is kept only when it has both a spec
 * and a us-east-1 price; everything dropped is counted by reason.
 */
export function buildEc2Catalog(
  awsDir: string,
  region: string,
  reserved: ReadonlyMap<string, ReservedRate[]>,
  generation: Ec2GenerationFacts,
): Ec2Catalog {
  const specs = readTsv(join(awsDir, 'ec2-instance-specs.tsv'));
  const prices = readTsv(join(awsDir, 'ec2-ondemand-linux-prices.tsv'));
  const pods = readTsv(join(awsDir, 'ec2-eks-max-pods.tsv'));
  const limits = readTsv(join(awsDir, 'ec2-vpc-limits.tsv'));

  const specBy = new Map(specs.rows.map((r) => [r.instance_type!, r]));
  const podsBy = new Map(pods.rows.map((r) => [r.instance_type!, r]));
  const limitsBy = new Map(limits.rows.map((r) => [r.instance_type!, r]));
  const priceBy = new Map(prices.rows.filter((r) => r.region === region).map((r) => [r.instance_type!, r.usd_per_hour!]));

  const instances: Record<string, InstanceTypeRecord> = {};
  const dropped: Record<string, number> = {};
  const drop = (why: string) => (dropped[why] = (dropped[why] ?? 0) + 1);

  for (const name of [...new Set([...specBy.keys(), ...priceBy.keys()])].sort()) {
    const spec = specBy.get(name);
    const price = priceBy.get(name);
    if (!spec) {
      drop('priced but no spec row (mostly 2026 families)');
      continue;
    }
    if (price === undefined) {
      drop(`spec but no ${region} on-demand Linux price`);
      continue;
    }
    const arch = ARCH[spec.architecture!];
    if (!arch) {
      drop(`unknown architecture`);
      continue;
    }
    if (Number(price) <= 0) {
      drop('price of zero in the source');
      continue;
    }
    const pod = podsBy.get(name);
    const limit = limitsBy.get(name);
    const rates = reserved.get(name);
    const burst = generation.burst.get(name);
    const previous = generation.previousGeneration.get(name.slice(0, name.indexOf('.')));
    instances[name] = {
      vcpu: Number(spec.vcpu),
      memoryMiB: Number(spec.memory_mib),
      gpus: Number(spec.gpu),
      arch,
      maxPods: pod ? Number(pod.max_pods) : null,
      enis: pod ? Number(pod.default_card_enis) : null,
      ipv4PerEni: pod ? Number(pod.ipv4_per_eni) : null,
      bareMetal: limit ? limit.bare_metal === 'true' : name.endsWith('.metal') || name.includes('.metal-'),
      onDemandUsd: trimDecimal(price),
      ...(rates ? { reserved: rates } : {}),
      ...(burst ? { burst } : {}),
      ...(previous ? { previousGeneration: previous } : {}),
    };
  }
  const missingPods = Object.values(instances).filter((i) => i.maxPods === null).length;
  if (missingPods) dropped[`kept without an EKS max-pods row (max pods unknown)`] = missingPods;

  return {
    instances,
    dropped,
    sources: {
      ...generation.sources,
      'ec2-prices': {
        title: 'EC2 on-demand Linux/UNIX shared-tenancy prices (Karpenter generated table)',
        ref: sourceLine(prices),
        asOf: dateIn(sourceLine(prices)),
        confidence: 'vendor-data',
      },
      'ec2-specs': {
        title: 'EC2 instance specs (cluster-autoscaler generated list)',
        ref: sourceLine(specs),
        asOf: dateIn(sourceLine(specs)),
        confidence: 'vendor-data',
      },
      'eks-max-pods': {
        title: 'EKS default max pods per instance type (amazon-eks-ami instance info)',
        ref: sourceLine(pods),
        asOf: dateIn(sourceLine(pods)),
        confidence: 'vendor-data',
      },
    },
  };
}

/** "0.020800" → "0.0208"; "1.000000" → "1". */
export function trimDecimal(s: string): string {
  if (!/^\d+(\.\d+)?$/.test(s)) throw new Error(`not a plain decimal: ${s}`);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t.replace(/^0+(?=\d)/, '');
}

function dateIn(line: string): string {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(line);
  if (!m) throw new Error(`no date in source line: ${line}`);
  return m[1]!;
}
