// Entry point of the interactive explorer. The CLI imports this module dynamically, and only for a
// TTY without --print/--json, so Ink and React never load on the printed path.
import type { ArchitectureChoice, Ec2Purchase, PriceBook } from '@tier-planner/cost-model';
import type { Scenario } from './state/scenario.js';

export interface TuiOptions {
  users: number;
  profile: string;
  /** Informational: the book decides the region. */
  region?: string;
  purchase: Ec2Purchase;
  hoursPerMonth?: number;
  /** The plan's date (YYYY-MM-DD), as the printed plan takes it. */
  planDate?: string;
  /** --arch: the architecture the explorer starts with (the `a` key cycles it). */
  architecture?: ArchitectureChoice;
  book: PriceBook;
  /** Where `e` writes the exported plan. */
  cwd: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Where NO_COLOR is read; the process environment unless given. */
  env?: NodeJS.ProcessEnv;
}

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

/** Runs the explorer until q or Ctrl-C; resolves with the exit status once the terminal is restored. */
export async function startTui(options: TuiOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const scenario: Scenario = {
    users: options.users,
    profile: options.profile,
    purchase: options.purchase,
    ha: 'auto',
    families: 'auto',
    workload: {},
    ...(options.hoursPerMonth !== undefined ? { hoursPerMonth: options.hoursPerMonth } : {}),
    ...(options.planDate !== undefined ? { planDate: options.planDate } : {}),
    ...(options.architecture !== undefined ? { arch: options.architecture } : {}),
  };
  // React's production build renders a frame ~15% faster; it must be chosen before React loads,
  // hence the imports below. A developer can still ask for the development build.
  process.env.NODE_ENV ??= 'production';
  const [{ render }, { createElement }, { App }, { colourAllowed }] = await Promise.all([
    import('ink'),
    import('react'),
    import('./components/App.js'),
    import('./style/theme.js'),
  ]);
  const colour = colourAllowed(options.env ?? process.env);
  // The alternate screen keeps the user's scrollback clean and is left on every way out.
  stdout.write(ENTER_ALT_SCREEN);
  try {
    const instance = render(createElement(App, { book: options.book, scenario, cwd: options.cwd, colour }), {
      stdout,
      stdin,
      // Ctrl-C is a key like q (keyToAction), so both leave through the same path.
      exitOnCtrlC: false,
      patchConsole: true,
      maxFps: 60,
    });
    await instance.waitUntilExit();
    return 0;
  } finally {
    stdout.write(LEAVE_ALT_SCREEN);
  }
}
