// The app as users run it: the built dist through the real `cdktf synth` CLI (offline, telemetry
// off) and through `node dist/main.js` for bad input. `npm test` builds dist first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPriceBook, planTier, planToJson } from '@tier-planner/cost-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = join(root, 'packages/reference-infra');
const main = join(pkg, 'dist/main.js');
const cdktfBin = join(root, 'node_modules/cdktf-cli/bundle/bin/cdktf');
// cdktf-cli 0.21 loads node-pty at start-up, which ships prebuilt binaries up to Node 22 (ABI 127)
// and was not compiled here (npm install scripts are off). Under Node 24 (ABI 137) the CLI runs on
// another Node from PATH that has a build; the app it starts runs on this test's Node either way.
const ptyBuilt = (abi: string) => existsSync(join(root, `node_modules/@cdktf/node-pty-prebuilt-multiarch/prebuilds/${process.platform}-${process.arch}/node.abi${abi}.node`));
function nodeForCli(): string | undefined {
  if (ptyBuilt(process.versions.modules)) return process.execPath;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const node = join(dir, 'node');
    if (!existsSync(node)) continue;
    const abi = spawnSync(node, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout?.trim();
    if (abi && ptyBuilt(abi)) return node;
  }
  return undefined;
}
const cliNode = nodeForCli();
const cliNote = cliNode ? '' : ` (skipped: no Node with a node-pty build; this is Node ${process.versions.node}, ABI ${process.versions.modules})`;

let work: string;
let offline: NodeJS.ProcessEnv;

beforeAll(() => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  work = mkdtempSync(join(tmpdir(), 'reference-infra-'));
  writeFileSync(join(work, 'terraformrc'), '');
  offline = {
    PATH: process.env.PATH,
    // A scratch HOME keeps Terraform's checkpoint file and plugin cache out of the user's.
    HOME: work,
    TF_CLI_CONFIG_FILE: join(work, 'terraformrc'),
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: '1',
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
    CI: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    TIER_PLANNER_PRICING_DIR: process.env.TIER_PLANNER_PRICING_DIR,
  };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!cliNode)(`cdktf synth through the real CLI${cliNote}`, () => {
  it('turns a tier-planner --json plan file into the plan node groups and Budget', () => {
    const plan = planTier({ users: 10_000, profile: 'eks-web-app' }, loadPriceBook({ region: 'us-east-1', embeddedOnly: true }));
    const planFile = join(work, 'plan.json');
    writeFileSync(planFile, JSON.stringify(planToJson(plan)));
    const out = join(work, 'cdktf.out');
    // The app runs under this test's Node, like the CLI itself.
    const run = spawnSync(cliNode!, [cdktfBin, 'synth', '--app', `"${process.execPath}" dist/main.js`, '--output', out], {
      cwd: pkg,
      env: { ...offline, PLAN_FILE: planFile },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Generated Terraform code for the stacks: tier-planner');
    // The CLI shows the app's stdout: the priced-vs-built ledger.
    expect(run.stdout).toMatch(/not provisioned by this stack[\s\S]*Route 53 \/ dns: \$[\d.,]+ a month — bring your own hosted zone[\s\S]*not provisioned, total: \$/);
    const tf = JSON.parse(readFileSync(join(out, 'stacks/tier-planner/cdk.tf.json'), 'utf8'));
    const groups = Object.values(tf.resource.aws_eks_node_group) as any[];
    expect(groups.map((g) => [g.instance_types, g.scaling_config])).toEqual(plan.nodes.map((n) => [[n.instanceType], { min_size: n.min, desired_size: n.desired, max_size: n.max }]));
    // The Budget is what the plan tag can see; synth prints it and what is left outside.
    const budget = (Object.values(tf.resource.aws_budgets_budget)[0] as any).limit_amount;
    expect(run.stdout).toContain(`Budget: $${budget} a month, the plan costs that carry the plan tag (plan total $${plan.monthly.total.toFixed(2)})`);
    expect(run.stdout).toMatch(/Outside the Budget, the tag cannot see them: \$\d+\.\d\d a month\n\s+Data Transfer \/ traffic: \$/);
  });

  it('reports the app error when the plan file is missing', () => {
    const run = spawnSync(cliNode!, [cdktfBin, 'synth', '--app', `"${process.execPath}" dist/main.js`, '--output', join(work, 'bad.out')], {
      cwd: pkg,
      env: { ...offline, PLAN_FILE: join(work, 'missing.json') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('reference-infra: cannot read');
  });
});

describe('node dist/main.js on a good plan', () => {
  it('prints the Budget and each cost the plan tag cannot see', () => {
    const run = spawnSync(process.execPath, [main], { cwd: work, env: { ...offline, USERS: '10000', PROFILE: 'fintech-fargate-jenkins', CDKTF_OUTDIR: join(work, 'good.out') }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    // After the priced = built ledger: the Budget and what it leaves out.
    const all = run.stdout.trim().split('\n');
    const lines = all.slice(all.findIndex((l) => l.startsWith('Budget: ')));
    expect(lines[0]).toMatch(/^Budget: \$\d+\.\d\d a month, the plan costs that carry the plan tag \(plan total \$\d+\.\d\d\)$/);
    expect(lines[1]).toMatch(/^Outside the Budget, the tag cannot see them: \$\d+\.\d\d a month$/);
    expect(lines.slice(2).map((l) => l.split(':')[0]!.trim())).toEqual(expect.arrayContaining(['EC2 / jenkins controller', 'EBS / jenkins home', 'Route 53 / dns']));
  });
});

describe('node dist/main.js on bad input', () => {
  const cases: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['no plan', {}, /set PLAN_FILE=plan\.json .* or USERS=N/],
    ['missing plan file', { PLAN_FILE: '/nonexistent/plan.json' }, /cannot read \/nonexistent\/plan\.json: ENOENT/],
    ['not JSON', { PLAN_FILE: 'not-json' }, /not-json is not valid JSON/],
    ['not a plan', { PLAN_FILE: 'not-a-plan' }, /is not a tier-planner plan/],
    ['bad USERS', { USERS: '10k' }, /USERS must be a whole number/],
    ['unknown profile', { USERS: '10', PROFILE: 'nope' }, /no built-in profile/],
    ['unknown region', { USERS: '10', REGION: 'mars-1' }, /no price snapshot for region "mars-1"/],
  ];
  for (const [label, env, message] of cases) {
    it(`${label}: one line on stderr, exit 2`, () => {
      writeFileSync(join(work, 'not-json'), '{');
      writeFileSync(join(work, 'not-a-plan'), '{"hello":1}');
      const run = spawnSync(process.execPath, [main], { cwd: work, env: { ...offline, ...env, CDKTF_OUTDIR: join(work, 'x.out') }, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    });
  }
});
