import { listProfiles, planTier, type Plan, type PriceBook, type WorkloadKey } from '@tier-planner/cost-model';
import { fineStepUsers, scaleUsers, stepInList } from '../utils/nice-steps.js';
import { ARCH_MODES, FAMILY_PRESETS, HA_MODES, PURCHASES, WORKLOAD_KNOBS, scenarioOptions, scenarioProfile, workloadValue, type Scenario } from './scenario.js';

export type LowerPane = 'line-items' | 'ladder' | 'comparison';
export const LOWER_PANES: readonly LowerPane[] = ['line-items', 'ladder', 'comparison'];

export interface PinnedScenario {
  readonly scenario: Scenario;
  readonly plan: Plan;
}

export interface PlannerState {
  readonly scenario: Scenario;
  /** The last plan that worked; after an error it belongs to an earlier scenario. */
  readonly plan: Plan | undefined;
  /** Why the current scenario cannot be planned, kept on screen until a change plans again. */
  readonly error: string | undefined;
  readonly pinned: PinnedScenario | undefined;
  readonly pane: LowerPane;
  readonly scroll: number;
  readonly helpOpen: boolean;
  /** One-line feedback such as where an export went. */
  readonly message: string | undefined;
}

/** What a key asks for. Side effects (export, quit) are carried out by the App, not the reducer. */
export type PlannerAction =
  | { readonly type: 'scale-users'; readonly direction: 1 | -1 }
  | { readonly type: 'fine-step-users'; readonly direction: 1 | -1 }
  | { readonly type: 'next-profile'; readonly direction: 1 | -1 }
  | { readonly type: 'next-purchase' }
  | { readonly type: 'cycle-ha' }
  | { readonly type: 'cycle-families' }
  | { readonly type: 'cycle-arch' }
  | { readonly type: 'step-workload'; readonly key: WorkloadKey; readonly direction: 1 | -1 }
  | { readonly type: 'reset-assumptions' }
  | { readonly type: 'next-pane'; readonly direction: 1 | -1 }
  | { readonly type: 'pin' }
  | { readonly type: 'unpin' }
  | { readonly type: 'scroll'; readonly by: 'page-down' | 'page-up' | 'top' | 'bottom' }
  | { readonly type: 'scroll-to'; readonly offset: number }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'close-help' }
  | { readonly type: 'message'; readonly text: string | undefined }
  | { readonly type: 'export' }
  | { readonly type: 'quit' };

/** Plans a scenario; a PlanningError (or any other) becomes a message instead of a crash. */
export function computePlan(scenario: Scenario, book: PriceBook): { plan?: Plan; error?: string } {
  try {
    return { plan: planTier({ users: scenario.users, profile: scenarioProfile(scenario) }, book, scenarioOptions(scenario)) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

export function initialPlannerState(scenario: Scenario, book: PriceBook): PlannerState {
  const { plan, error } = computePlan(scenario, book);
  return { scenario, plan, error, pinned: undefined, pane: 'line-items', scroll: 0, helpOpen: false, message: undefined };
}

const cycle = <T>(list: readonly T[], current: T, direction: 1 | -1 = 1): T =>
  list[(list.indexOf(current) + direction + list.length) % list.length]!;

/** The scenario an action leads to, or undefined when the action does not change the scenario. */
export function nextScenario(s: Scenario, action: PlannerAction): Scenario | undefined {
  switch (action.type) {
    case 'scale-users':
      return { ...s, users: scaleUsers(s.users, action.direction) };
    case 'fine-step-users':
      return { ...s, users: fineStepUsers(s.users, action.direction) };
    case 'next-profile':
      // Workload overrides stay: they are what-ifs the user chose, applied to the new profile too.
      return { ...s, profile: cycle(listProfiles().map((p) => p.name), s.profile, action.direction) };
    case 'next-purchase':
      return { ...s, purchase: cycle(PURCHASES, s.purchase) };
    case 'cycle-ha':
      return { ...s, ha: cycle(HA_MODES, s.ha) };
    case 'cycle-families':
      return { ...s, families: cycle(FAMILY_PRESETS.map((p) => p.id), s.families) };
    case 'cycle-arch':
      return { ...s, arch: cycle(ARCH_MODES, s.arch ?? 'profile') };
    case 'step-workload': {
      const knob = WORKLOAD_KNOBS.find((k) => k.key === action.key);
      if (!knob) return undefined;
      return { ...s, workload: { ...s.workload, [action.key]: stepInList(knob.steps, workloadValue(s, action.key), action.direction) } };
    }
    case 'reset-assumptions':
      return { ...s, ha: 'auto', families: 'auto', arch: 'profile', workload: {} };
    default:
      return undefined;
  }
}

/** The reducer, bound to one price book. Re-plans synchronously on every scenario change (< 1 ms). */
export function createPlannerReducer(book: PriceBook) {
  return function plannerReducer(state: PlannerState, action: PlannerAction): PlannerState {
    const scenario = nextScenario(state.scenario, action);
    if (scenario) {
      const { plan, error } = computePlan(scenario, book);
      return { ...state, scenario, plan: plan ?? state.plan, error, message: undefined };
    }
    switch (action.type) {
      case 'next-pane':
        return { ...state, pane: cycle(LOWER_PANES, state.pane, action.direction), scroll: 0 };
      case 'pin':
        if (!state.plan || state.error) return { ...state, message: 'nothing to pin: the current scenario has no plan' };
        return { ...state, pinned: { scenario: state.scenario, plan: state.plan }, pane: 'comparison', scroll: 0, message: 'pinned; change something to compare' };
      case 'unpin':
        return { ...state, pinned: undefined, message: 'pin cleared' };
      case 'scroll-to':
        return { ...state, scroll: Math.max(0, action.offset) };
      case 'toggle-help':
        return { ...state, helpOpen: !state.helpOpen };
      case 'close-help':
        return { ...state, helpOpen: false };
      case 'message':
        return { ...state, message: action.text };
      default:
        return state;
    }
  };
}
