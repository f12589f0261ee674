import type { Key } from 'ink';
import type { PlannerAction } from '../state/planner-state.js';

/** The keys of Ink's Key this mapping reads, so tests can pass a partial key. */
export type KeyState = Partial<Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'tab' | 'shift' | 'ctrl' | 'escape'>>;

/** One line of the help overlay. */
export interface KeyHelp {
  readonly keys: string;
  readonly does: string;
}

export const KEY_HELP: readonly KeyHelp[] = [
  { keys: '↑ / + , ↓ / -', does: 'users ×10 / ÷10' },
  { keys: '→ , ←', does: 'users +10% / -10% (nice numbers)' },
  { keys: 'p , P', does: 'next / previous profile' },
  { keys: 'o', does: 'next purchase option (on-demand, spot, reserved, savings plan)' },
  { keys: 'h', does: 'HA: auto → on → off' },
  { keys: 'f', does: 'instance families: profile → x86 → Graviton → burstable → compute' },
  { keys: 'd , D', does: 'DAU/MAU up / down' },
  { keys: 'r , R', does: 'requests per active user per day up / down' },
  { keys: 'k , K', does: 'peak-to-average up / down' },
  { keys: 'a', does: "architecture: profile's → arm64 → x86_64 → any (as --arch)" },
  { keys: 'x', does: 'reset HA, families, architecture and workload to the profile' },
  { keys: 'Tab , Shift-Tab', does: 'lower pane: line items → ladder chart → comparison' },
  { keys: 'PgDn / ] , PgUp / [ , Home , End', does: 'scroll the lower pane: page down / up, top, bottom' },
  { keys: 's , S', does: 'pin the current scenario (compare against it) / clear the pin' },
  { keys: 'e', does: 'export the plan as JSON and Markdown into the current folder' },
  { keys: '? , Esc', does: 'show / hide this help' },
  { keys: 'q , Ctrl-C', does: 'quit' },
];

/** Maps a key press to what it asks for; undefined for keys the explorer does not use. */
export function keyToAction(input: string, key: KeyState): PlannerAction | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (key.upArrow) return { type: 'scale-users', direction: 1 };
  if (key.downArrow) return { type: 'scale-users', direction: -1 };
  if (key.rightArrow) return { type: 'fine-step-users', direction: 1 };
  if (key.leftArrow) return { type: 'fine-step-users', direction: -1 };
  if (key.pageDown) return { type: 'scroll', by: 'page-down' };
  if (key.pageUp) return { type: 'scroll', by: 'page-up' };
  if (key.home) return { type: 'scroll', by: 'top' };
  if (key.end) return { type: 'scroll', by: 'bottom' };
  if (key.tab) return { type: 'next-pane', direction: key.shift ? -1 : 1 };
  if (key.escape) return { type: 'close-help' };
  if (key.ctrl) return undefined;
  switch (input) {
    case '+':
    case '=':
      return { type: 'scale-users', direction: 1 };
    case '-':
    case '_':
      return { type: 'scale-users', direction: -1 };
    case 'p':
      return { type: 'next-profile', direction: 1 };
    case 'P':
      return { type: 'next-profile', direction: -1 };
    case 'o':
      return { type: 'next-purchase' };
    case 'h':
      return { type: 'cycle-ha' };
    case 'f':
      return { type: 'cycle-families' };
    case 'a':
      return { type: 'cycle-arch' };
    case 'd':
    case 'D':
      return { type: 'step-workload', key: 'dauPerMau', direction: input === 'd' ? 1 : -1 };
    case 'r':
    case 'R':
      return { type: 'step-workload', key: 'requestsPerActiveUserPerDay', direction: input === 'r' ? 1 : -1 };
    case 'k':
    case 'K':
      return { type: 'step-workload', key: 'peakToAverage', direction: input === 'k' ? 1 : -1 };
    case 'x':
      return { type: 'reset-assumptions' };
    case ']':
      return { type: 'scroll', by: 'page-down' };
    case '[':
      return { type: 'scroll', by: 'page-up' };
    case 's':
      return { type: 'pin' };
    case 'S':
      return { type: 'unpin' };
    case 'e':
      return { type: 'export' };
    case '?':
      return { type: 'toggle-help' };
    case 'q':
      return { type: 'quit' };
    default:
      return undefined;
  }
}

/** Turns a relative scroll into an offset, given the pane's rows and its content's length. */
export function scrollOffset(by: Extract<PlannerAction, { type: 'scroll' }>['by'], current: number, pageRows: number, contentRows: number): number {
  const last = Math.max(0, contentRows - pageRows);
  const page = Math.max(1, pageRows - 1);
  const next = { 'page-down': current + page, 'page-up': current - page, top: 0, bottom: last }[by];
  return Math.min(last, Math.max(0, next));
}
