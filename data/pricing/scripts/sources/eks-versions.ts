import { join } from 'node:path';
import type { KubernetesVersionRecord, SourceRef } from '@tier-planner/cost-model';
import { readTsv } from '../read-tsv.js';

/** AWS's own page; the shared facts read it through its public source (the awsdocs repository). */
export const EKS_CALENDAR_URL = 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html';

export interface EksCalendar {
  readonly versions: KubernetesVersionRecord[];
  readonly sources: Record<string, SourceRef>;
  readonly missing: { key: string; reason: string }[];
}

/**
 * EKS's Kubernetes version calendar from aws/eks-kubernetes-versions.tsv. Rows AWS's table gives
 * keep AWS's dates; rows only a third-party copy of that table gives (confidence
 * "cross-check-only") are kept with that source and its lower confidence; rows without dates are
 * listed as missing.
 */
export function buildEksCalendar(awsDir: string): EksCalendar {
  const tsv = readTsv(join(awsDir, 'eks-kubernetes-versions.tsv'));
  const readOn = /Retrieved (\d{4}-\d{2}-\d{2})/.exec(tsv.comments.join('\n'))?.[1];
  if (!readOn) throw new Error('eks-kubernetes-versions.tsv: no "Retrieved YYYY-MM-DD" in its header');
  const sources: Record<string, SourceRef> = {};
  const versions: KubernetesVersionRecord[] = [];
  const missing: { key: string; reason: string }[] = [];
  for (const row of tsv.rows) {
    const version = row.version!;
    if (!row.end_of_standard_support || !row.end_of_extended_support) {
      missing.push({ key: `eks/kubernetes-versions/${version}`, reason: `no EKS dates for Kubernetes ${version} in any source read (${row.notes || 'no note'})` });
      continue;
    }
    const aws = row.confidence === 'aws-docs';
    if (!aws && row.confidence !== 'cross-check-only') throw new Error(`eks-kubernetes-versions.tsv: ${version} has unknown confidence ${row.confidence}`);
    const source = sourceFor(row.source!, aws, readOn, sources);
    const eksRelease = aws ? row.eks_release : row.eol_release;
    if (!eksRelease) throw new Error(`eks-kubernetes-versions.tsv: ${version} has no release date`);
    versions.push({
      version,
      eksRelease,
      endOfStandardSupport: row.end_of_standard_support,
      endOfExtendedSupport: row.end_of_extended_support,
      source,
      ...(aws ? {} : { note: 'AWS table row not read: dates from endoflife.date, which copies the AWS table; release date from its EKS Distro entry' }),
    });
  }
  versions.sort((a, b) => minor(a.version) - minor(b.version));
  return { versions, sources, missing };
}

function sourceFor(ref: string, aws: boolean, readOn: string, sources: Record<string, SourceRef>): string {
  const commitDate = /\((\d{4}-\d{2}-\d{2});/.exec(ref)?.[1];
  const id = aws ? `eks-calendar-aws${commitDate ? `-${commitDate.slice(0, 7)}` : ''}` : 'eks-calendar-endoflife';
  const updated = /last updated (\d{4}-\d{2}-\d{2})/.exec(ref)?.[1];
  const entry: SourceRef = aws
    ? { title: 'AWS EKS user guide, Amazon EKS Kubernetes release calendar', ref: `${EKS_CALENDAR_URL} (read via ${ref}, on ${readOn})`, asOf: commitDate ?? readOn, confidence: 'vendor-data' }
    : { title: 'endoflife.date copy of the AWS EKS release calendar (third party)', ref: `${ref} (read on ${readOn})`, asOf: updated ?? readOn, confidence: 'third-party-page' };
  const known = sources[id];
  if (known && known.ref !== entry.ref) throw new Error(`eks-kubernetes-versions.tsv: rows of ${id} cite different sources`);
  sources[id] = entry;
  return id;
}

const minor = (version: string): number => Number(version.split('.')[1]);
