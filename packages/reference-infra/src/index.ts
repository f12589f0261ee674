// Public entry of @tier-planner/reference-infra: build the plan's infrastructure as a cdktf stack.
export { infraSpec, budgetAmount, type InfraSpec, type NodeGroupSpec, type FargateServiceSpec } from './plan-input/infra-spec.js';
export { readPlan, specFromEnvironment, specOfPlan, type PlanEnvironment } from './plan-input/read-plan.js';
export { InputError } from './plan-input/input-error.js';
export { isInputError } from './plan-input/is-input-error.js';
export { shortName } from './plan-input/names.js';
export { ReferenceStack, STACK_ID, type ReferenceStackProps } from './stacks/reference-stack.js';
export { buildStack, synthesize, synthesizeTo } from './stacks/build-app.js';
export { pricedVsBuilt, ledgerProblems, NOT_PROVISIONED, type Ledger, type LedgerItem, type LedgerPlan, type BuiltItem, type NotProvisionedItem } from './ledger/priced-vs-built.js';
export { formatLedger } from './ledger/format-ledger.js';
export { EXPORTER_ACTIONS } from './constructs/exporter-role.js';
export type { StateBackendEnvironment } from './stacks/state-backend.js';
