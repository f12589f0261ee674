// The explorer in a real terminal: tmux gives the built bin a pty of a chosen size; we read the
// screen with capture-pane (-e keeps the escape sequences), type with send-keys and resize the
// window. Each session runs on its own private server (-L, a fresh socket name) with no config
// (-f /dev/null), so parallel test files never share a server and nothing of the user's tmux leaks in.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { BIN } from '../cli/run-bin.js';

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** The environment of a person's terminal: no CI markers (Ink prints only the last frame in CI), colour allowed. */
export function terminalEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // A user's terminal: none of the CI or colour switches the test runner itself runs with.
    if (k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_') || k === 'NO_COLOR' || k === 'FORCE_COLOR' || k === 'TMUX') continue;
    env[k] = v;
  }
  return { ...env, TERM: 'xterm-256color', ...extra };
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: unknown;
  while (performance.now() < deadline) {
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

export interface ExplorerSession {
  /** The screen as text, one string per line (trailing blanks trimmed by tmux, wrapped rows joined). */
  screen(): string;
  /** The screen with its escape sequences (colour, bold, dim) kept. */
  screenWithEscapes(): string;
  keys(...keys: string[]): void;
  resize(columns: number, rows: number): void;
  /** Waits for `probe` to match the screen, returning the screen it matched. */
  waitForScreen(what: string, probe: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): void;
}

export interface SessionOptions {
  readonly columns: number;
  readonly rows: number;
  readonly args: readonly string[];
  /** Added to the terminal environment, e.g. NO_COLOR. */
  readonly env?: NodeJS.ProcessEnv;
  /** The explorer's working folder (where `e` exports). */
  readonly cwd?: string;
}

/**
 * Starts the bin in a detached tmux session. The shell reports the exit status and keeps the pane
 * (and the screen the explorer left) for us to read: tmux 3.3 may leave #{pane_dead_status} empty,
 * and clears a dead pane's screen. The sleep never delays a test: close() kills the server.
 */
export function startExplorer(options: SessionOptions): ExplorerSession {
  const socket = `tier-planner-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const session = 'explorer';
  const env = terminalEnv(options.env);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-f', '/dev/null', '-L', socket, ...args], { encoding: 'utf8', env });
  const command = `${shellQuote(process.execPath)} ${shellQuote(BIN)} ${options.args.map(shellQuote).join(' ')}; echo "tier-planner exited with status $?"; sleep 30`;
  tmux('new-session', '-d', '-x', String(options.columns), '-y', String(options.rows), '-s', session, ...(options.cwd ? ['-c', options.cwd] : []), command);
  // -J joins a row the terminal wrapped onto the next, so a line wider than the pane shows as one.
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
  return {
    screen,
    screenWithEscapes: () => tmux('capture-pane', '-p', '-e', '-t', session),
    keys: (...keys) => void tmux('send-keys', '-t', session, ...keys),
    resize: (columns, rows) => void tmux('resize-window', '-t', session, '-x', String(columns), '-y', String(rows)),
    waitForScreen: (what, probe, timeoutMs) => waitFor(what, () => { const s = screen(); return probe(s) ? s : undefined; }, timeoutMs),
    close: () => void spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' }),
  };
}
