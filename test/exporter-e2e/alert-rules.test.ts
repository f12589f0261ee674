// The alerting rules pass `promtool check rules`, their unit tests pass `promtool test rules`, and
// those unit tests really exercise every alert: each one has a firing and a not-firing case, and an
// alert broken so that it never fires makes the unit tests fail.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { alertRulesFile, alertTestsFile, findBinary, outputOf, repoRoot, runPromtool } from './prometheus-tools.js';

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RulesFile {
  groups: { name: string; rules: AlertRule[] }[];
}
interface RuleTestsFile {
  rule_files: string[];
  tests: { name?: string; alert_rule_test?: { eval_time: string; alertname: string; exp_alerts?: unknown[] }[] }[];
}

const rules = parse(readFileSync(alertRulesFile, 'utf8')) as RulesFile;
const ruleTests = parse(readFileSync(alertTestsFile, 'utf8')) as RuleTestsFile;
const alerts = rules.groups.flatMap((group) => group.rules);
const alertCases = ruleTests.tests.flatMap((test) => test.alert_rule_test ?? []);

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('tier-planner alert rules', () => {
  it('has promtool installed', () => {
    expect(findBinary('promtool')).toMatch(/promtool$/);
  });

  it('passes promtool check rules', () => {
    const run = runPromtool(['check', 'rules', alertRulesFile]);
    expect(run.status, outputOf(run)).toBe(0);
    expect(run.stdout).toContain(`SUCCESS: ${alerts.length} rules found`);
  });

  it('passes its promtool unit tests', () => {
    const run = runPromtool(['test', 'rules', alertTestsFile]);
    expect(run.status, outputOf(run)).toBe(0);
    expect(run.stdout).toContain('SUCCESS');
  });

  it('defines the six alerts the exporter documents, each with severity, summary and description', () => {
    expect(alerts.map((rule) => rule.alert).sort()).toEqual([
      'TierPlannerAwsForecastOverBudget',
      'TierPlannerCostDataStale',
      'TierPlannerExporterDown',
      'TierPlannerExporterRestarting',
      'TierPlannerRefreshFailing',
      'TierPlannerSpendOverPlan',
    ]);
    for (const rule of alerts) {
      expect(['critical', 'warning', 'info'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
    }
  });

  it('uses only tier_planner_ metrics listed in docs/exporter-metrics.md', () => {
    const doc = readFileSync(join(repoRoot, 'docs/exporter-metrics.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `(tier_planner_\w+)` \|/gm)].map((m) => m[1]!));
    expect(documented.size).toBeGreaterThan(15);
    for (const rule of alerts) {
      for (const [metric] of rule.expr.matchAll(/\btier_planner_\w+/g)) expect(documented.has(metric), `${rule.alert}: ${metric}`).toBe(true);
    }
  });

  it('says restarts where it counts restarts: changes(process_start_time_seconds) >= N is N restarts, N + 1 starts', () => {
    const rule = alerts.find((r) => r.alert === 'TierPlannerExporterRestarting')!;
    const n = Number(/changes\(process_start_time_seconds\[30m\]\) >= (\d+)/.exec(rule.expr)?.[1]);
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];
    const comment = readFileSync(alertRulesFile, 'utf8').split('- alert: TierPlannerExporterRestarting')[0]!.split('\n').slice(-5).join('\n');
    expect(comment).toMatch(new RegExp(`${words[n]} restarts \\(${words[n + 1]} starts\\)`, 'i'));
    const doc = readFileSync(join(repoRoot, 'docs/exporter.md'), 'utf8');
    const row = doc.split('\n').find((l) => l.startsWith('| `TierPlannerExporterRestarting` |'))!;
    expect(row).toMatch(new RegExp(`restarted ${words[n]} times or more \\(${words[n + 1]} starts\\)`));
    expect(doc).not.toMatch(new RegExp(`${words[n]} starts`, 'i'));
  });

  it('unit-tests every alert both firing and not firing', () => {
    expect(ruleTests.rule_files).toEqual([basename(alertRulesFile)]);
    for (const { alert } of alerts) {
      const cases = alertCases.filter((c) => c.alertname === alert);
      expect(cases.some((c) => (c.exp_alerts ?? []).length > 0), `${alert} has no firing case`).toBe(true);
      expect(cases.some((c) => (c.exp_alerts ?? []).length === 0), `${alert} has no not-firing case`).toBe(true);
    }
    const tested = new Set(alertCases.map((c) => c.alertname));
    const defined = new Set(alerts.map((rule) => rule.alert));
    expect([...tested].filter((name) => !defined.has(name)), 'cases for alerts the rules file lacks').toEqual([]);
  });

  // Proof that the unit tests bite: swap one alert's expression for one that never matches.
  it.each(alerts.map((rule) => rule.alert))('fails its unit tests when %s never fires', (alertName) => {
    const dir = mkdtempSync(join(tmpdir(), 'tier-planner-alerts-'));
    tempDirs.push(dir);
    const broken: RulesFile = structuredClone(rules);
    for (const rule of broken.groups.flatMap((group) => group.rules)) {
      if (rule.alert === alertName) rule.expr = 'vector(0) > 1';
    }
    writeFileSync(join(dir, basename(alertRulesFile)), stringify(broken));
    copyFileSync(alertTestsFile, join(dir, basename(alertTestsFile)));

    const run = runPromtool(['test', 'rules', basename(alertTestsFile)], dir);
    expect(run.status, outputOf(run)).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(alertName);
  });
});
