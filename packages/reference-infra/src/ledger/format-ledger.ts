import { formatUsd } from '@tier-planner/cost-model';
import type { Ledger } from './priced-vs-built.js';

/** The ledger as `synth` prints it: one line per item not provisioned (service, resource, monthly cost, reason), then the total. */
export function formatLedger(ledger: Ledger): string {
  const priced = ledger.built.length + ledger.notProvisioned.length + ledger.surprises.length;
  const lines = [`priced = built: ${ledger.built.length} of ${priced} priced resources are created by this stack`];
  if (ledger.notProvisioned.length > 0) {
    lines.push('not provisioned by this stack (still in the plan and its total):');
    for (const { item, reason } of ledger.notProvisioned) lines.push(`  ${item.service} / ${item.resource}: ${formatUsd(item.monthly)} a month — ${reason}`);
  }
  lines.push(`not provisioned, total: ${formatUsd(ledger.notProvisionedMonthly)} a month`);
  if (ledger.builtNotPriced.length > 0) {
    lines.push('built, not priced by the plan (billed by use; see docs/infra.md, "Hardening"):');
    for (const { terraform, reason } of ledger.builtNotPriced) lines.push(`  ${terraform}: ${reason}`);
  }
  for (const { item, problem } of ledger.built.filter((b) => b.problem)) lines.push(`NOT AS PRICED ${item.service} / ${item.resource}: ${problem}`);
  for (const { item, problem } of ledger.surprises) lines.push(`NOT ACCOUNTED FOR ${item.service} / ${item.resource} (${formatUsd(item.monthly)} a month): ${problem}`);
  return `${lines.join('\n')}\n`;
}
