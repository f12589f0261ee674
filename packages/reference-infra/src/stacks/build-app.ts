import { App, Testing } from '../cdk/aws.js';
import type { InfraSpec } from '../plan-input/infra-spec.js';
import { ReferenceStack, STACK_ID } from './reference-stack.js';
import type { StateBackendEnvironment } from './state-backend.js';

/** The stack for a spec, in a fresh app (the CLI's app writes to cdktf.out). */
export function buildStack(spec: InfraSpec, state: StateBackendEnvironment = {}, app: App = new App()): ReferenceStack {
  return new ReferenceStack(app, STACK_ID, { spec, state });
}

/** The synthesized Terraform JSON of a spec, in memory (no files): for tests and the bench. */
export function synthesize(spec: InfraSpec, state: StateBackendEnvironment = {}): Record<string, any> {
  const stack = buildStack(spec, state, Testing.app({ stackTraces: false }));
  return JSON.parse(Testing.synth(stack)) as Record<string, any>;
}

/** Synthesizes a spec into `outdir` as `cdktf synth` does (cdk.tf.json and manifest.json). */
export function synthesizeTo(spec: InfraSpec, outdir: string, state: StateBackendEnvironment = {}): void {
  const app = new App({ outdir, stackTraces: false });
  buildStack(spec, state, app);
  app.synth();
}
