import { join } from 'node:path';
import type { BurstBaseline, PreviousGeneration, SourceRef } from '@tier-planner/cost-model';
import { readTsv } from '../read-tsv.js';

/** AWS's own pages; the shared facts read them through their public source (awsdocs repository). */
const CREDITS_URL = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html';
const PREVIOUS_GENERATION_URL = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-types.html#previous-gen-instances';

export const BURST_SOURCE = 'ec2-burst-baselines';
export const PREVIOUS_GENERATION_SOURCE = 'ec2-previous-generation';
/** Families only a secondary copy of AWS text calls previous generation (rows marked "indirect" without an AWS page). */
export const PREVIOUS_GENERATION_SECONDARY_SOURCE = 'ec2-previous-generation-secondary';

export interface Ec2GenerationFacts {
  /** Per T type: its baseline and credits earned. */
  readonly burst: ReadonlyMap<string, BurstBaseline>;
  /** Per previous-generation family: how AWS says so. */
  readonly previousGeneration: ReadonlyMap<string, PreviousGeneration>;
  readonly sources: Record<string, SourceRef>;
}

function retrieved(comments: readonly string[], file: string): string {
  const m = /Retrieved (\d{4}-\d{2}-\d{2})/.exec(comments.join('\n'));
  if (!m) throw new Error(`${file}: no "Retrieved YYYY-MM-DD" in its header`);
  return m[1]!;
}

function dateOf(ref: string, file: string): string {
  const m = /\((\d{4}-\d{2}-\d{2})/.exec(ref) ?? /(\d{4}-\d{2}-\d{2})/.exec(ref);
  if (!m) throw new Error(`${file}: no date in source ${ref}`);
  return m[1]!;
}

/**
 * Burstable baselines (aws/ec2-burstable-baselines.tsv) and previous-generation families
 * (aws/ec2-previous-generation.tsv). Rows the list itself gives are "listed"; T2 comes from AWS's
 * burstable page ("indirect", an AWS page); D2 and X1 only from a secondary copy of AWS text
 * ("indirect", with that weaker source).
 */
export function buildEc2Generation(awsDir: string): Ec2GenerationFacts {
  const credits = readTsv(join(awsDir, 'ec2-burstable-baselines.tsv'));
  const previous = readTsv(join(awsDir, 'ec2-previous-generation.tsv'));
  const creditsRead = retrieved(credits.comments, 'ec2-burstable-baselines.tsv');
  const previousRead = retrieved(previous.comments, 'ec2-previous-generation.tsv');
  const sources: Record<string, SourceRef> = {};

  const burst = new Map<string, BurstBaseline>();
  for (const row of credits.rows) {
    const pct = Number(row.baseline_per_vcpu_pct);
    const earned = Number(row.credits_earned_per_hour);
    const vcpus = Number(row.vcpus);
    if (!(pct > 0 && pct <= 100) || !(earned > 0)) throw new Error(`ec2-burstable-baselines.tsv: ${row.instance_type} has no baseline`);
    // AWS's definition: credits earned per hour = baseline % × vCPUs × 60 (one credit = one vCPU-minute).
    if (Math.abs((pct / 100) * vcpus * 60 - earned) > 1e-9) throw new Error(`ec2-burstable-baselines.tsv: ${row.instance_type} baseline and credits disagree`);
    sources[BURST_SOURCE] ??= {
      title: 'EC2 burstable instances: baseline utilisation per vCPU and CPU credits earned per hour (AWS EC2 user guide)',
      ref: `${CREDITS_URL} read as ${row.source}; retrieved ${creditsRead}`,
      asOf: dateOf(row.source!, 'ec2-burstable-baselines.tsv'),
      confidence: 'vendor-data',
    };
    burst.set(row.instance_type!, { baselinePerVcpuPct: pct, creditsPerHour: earned, source: BURST_SOURCE });
  }

  const previousGeneration = new Map<string, PreviousGeneration>();
  for (const row of previous.rows) {
    const family = row.family!;
    const status = row.status === 'listed' ? 'listed' : row.status === 'indirect' ? 'indirect' : undefined;
    if (!status) throw new Error(`ec2-previous-generation.tsv: ${family} has unknown status ${row.status}`);
    let source: string;
    if (status === 'listed') {
      source = PREVIOUS_GENERATION_SOURCE;
      sources[source] ??= {
        title: 'EC2 previous generation instance families (AWS EC2 user guide, "Previous generation instances")',
        ref: `${PREVIOUS_GENERATION_URL} read as ${row.source}; retrieved ${previousRead}`,
        asOf: dateOf(row.source!, 'ec2-previous-generation.tsv'),
        confidence: 'vendor-data',
      };
    } else if (row.source!.includes('awsdocs/')) {
      // T2: AWS's burstable page groups it under "previous generation" (the instance-types list does not).
      source = BURST_SOURCE;
    } else {
      source = PREVIOUS_GENERATION_SECONDARY_SOURCE;
      sources[source] ??= {
        title: 'EC2 previous generation families named in AWS user guide text quoted by a secondary copy (not in AWS\'s 2023-06 list)',
        ref: `${row.source}; retrieved ${previousRead}`,
        asOf: previousRead,
        confidence: 'third-party-page',
      };
    }
    previousGeneration.set(family, { status, source, ...(row.notes ? { note: row.notes } : {}) });
  }
  if (!sources[BURST_SOURCE]) throw new Error('ec2-burstable-baselines.tsv: no rows');
  return { burst, previousGeneration, sources };
}
