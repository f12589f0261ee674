// Real Terraform, offline: the `terraform` on PATH and a local mirror of the AWS provider, in a
// scratch HOME with a CLI config that installs providers from the mirror only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TerraformMirror {
  /** The folder that holds registry.terraform.io/. */
  readonly path: string;
  /** The hashicorp/aws version the mirror holds (the newest, if several). */
  readonly awsVersion: string;
}

const MIRROR_ENV = 'TIER_PLANNER_TERRAFORM_MIRROR';

/** Folders where an image or a user keeps provider mirrors; $TIER_PLANNER_TERRAFORM_MIRROR first. */
function mirrorCandidates(): string[] {
  const fromEnv = process.env[MIRROR_ENV];
  if (fromEnv) return [fromEnv];
  const optDirs = existsSync('/opt') ? readdirSync('/opt').map((d) => join('/opt', d)) : [];
  return [...optDirs, '/usr/local/share/terraform/plugins', '/usr/share/terraform/plugins', join(homedir(), '.terraform.d/plugins'), join(homedir(), '.local/share/terraform/plugins')];
}

const byVersion = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

export function findMirror(): TerraformMirror | undefined {
  for (const path of mirrorCandidates()) {
    const aws = join(path, 'registry.terraform.io/hashicorp/aws');
    if (!existsSync(aws)) continue;
    const versions = readdirSync(aws).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(byVersion);
    if (versions.length > 0) return { path, awsVersion: versions[versions.length - 1]! };
  }
  return undefined;
}

export function terraformVersion(): string | undefined {
  const r = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (r.status !== 0) return undefined;
  return (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
}

/** Why Terraform validation cannot run here, or undefined when it can. */
export function whyNoTerraform(): string | undefined {
  if (terraformVersion() === undefined) return 'terraform is not on PATH';
  if (findMirror() === undefined) return `no mirror of hashicorp/aws found (set ${MIRROR_ENV} to the folder that holds registry.terraform.io/)`;
  return undefined;
}

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
}

/** One initialised working folder; each stack is validated in it in turn (the provider is installed once). */
export class TerraformWorkdir {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly mirror: TerraformMirror) {
    const home = mkdtempSync(join(tmpdir(), 'tier-planner-terraform-'));
    this.dir = join(home, 'stack');
    mkdirSync(this.dir);
    const config = join(home, 'terraformrc');
    writeFileSync(
      config,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror.path)}\n    include = ["registry.terraform.io/*/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n`,
    );
    this.env = { PATH: process.env.PATH, HOME: home, TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', AWS_EC2_METADATA_DISABLED: 'true' };
  }

  /** Writes the stack as main.tf.json, pinned to the mirror's provider version (users get the package's own pin). */
  write(stack: Record<string, any>): void {
    const copy = structuredClone(stack);
    copy.terraform.required_providers.aws.version = this.mirror.awsVersion;
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(copy, null, 1));
  }

  run(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync('terraform', args, { cwd: this.dir, env: this.env, encoding: 'utf8', timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  init(): void {
    const r = this.run(['init', '-backend=false', '-input=false', '-no-color']);
    if (r.status !== 0) throw new Error(`terraform init failed:\n${r.stdout}\n${r.stderr}`);
  }

  validate(stack: Record<string, any>): { valid: boolean; diagnostics: Diagnostic[] } {
    this.write(stack);
    const r = this.run(['validate', '-json', '-no-color']);
    const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: (Diagnostic & { range?: unknown })[] };
    return { valid: out.valid, diagnostics: out.diagnostics.map(({ severity, summary, detail, address }) => ({ severity, summary, ...(detail ? { detail } : {}), ...(address ? { address } : {}) })) };
  }

  remove(): void {
    rmSync(join(this.dir, '..'), { recursive: true, force: true });
  }
}
