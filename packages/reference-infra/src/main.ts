// The cdktf app: `cdktf synth` / `cdktf deploy` run `node dist/main.js` (see cdktf.json).
// PLAN_FILE=plan.json, or USERS (PROFILE, REGION, PURCHASE) through the cost model; see docs/infra.md.
import { isInputError } from './plan-input/is-input-error.js';
import { formatLedger } from './ledger/format-ledger.js';
import { pricedVsBuilt } from './ledger/priced-vs-built.js';
import { readPlan, specOfPlan } from './plan-input/read-plan.js';
import { budgetReport } from './plan-input/tag-visibility.js';

try {
  const plan = readPlan(process.env);
  const spec = specOfPlan(plan, process.env);
  // cdktf and the provider load only once the input is known to be good: bad input fails fast.
  const [{ App }, { buildStack }] = await Promise.all([import('./cdk/aws.js'), import('./stacks/build-app.js')]);
  const app = new App();
  const stack = buildStack(spec, process.env, app);
  app.synth();
  // stdout: the cdktf CLI shows the app's stdout (stderr only when the app fails).
  process.stdout.write(formatLedger(pricedVsBuilt(plan, stack.toTerraform())));
  process.stdout.write(`${budgetReport(spec.budget).join('\n')}\n`);
} catch (e) {
  // Bad input is one line and exit 2; anything else is a bug: one line, exit 1 (stack with TIER_PLANNER_DEBUG=1).
  const error = e as Error;
  process.stderr.write(`reference-infra: ${error.message.split('\n')[0]}\n`);
  if (process.env.TIER_PLANNER_DEBUG && !isInputError(error)) process.stderr.write(`${error.stack}\n`);
  process.exitCode = isInputError(error) ? 2 : 1;
}
