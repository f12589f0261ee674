/** @jsxRuntime automatic @jsxImportSource react */
// (The pragma lets tsx run this file from a script whatever tsconfig it picks up.)
// Keystroke latency of the explorer: the time from a key reaching stdin to the first frame that
// shows its effect, at 10 million users. ink-testing-library renders in debug mode (no frame
// throttle), so this is the app's own cost: planning, view models, React and Ink layout.
import { loadPriceBook } from '@tier-planner/cost-model';
import { render } from 'ink-testing-library';
import { App } from '../components/App.js';
import { fineStepUsers } from '../utils/nice-steps.js';

export interface KeystrokeLatency {
  /** Milliseconds. */
  readonly median: number;
  readonly p90: number;
  readonly max: number;
  readonly samples: readonly number[];
}

export interface MeasureOptions {
  /** Lower pane to keep on screen; the chart waits for its breakpoint search to finish first. */
  readonly pane?: 'line-items' | 'ladder';
  readonly users?: number;
  readonly profile?: string;
  readonly warmup?: number;
  /** Terminal size to lay out for; ink-testing-library's own stdout is 100 columns, no rows (24 assumed). */
  readonly columns?: number;
  readonly rows?: number;
}

const RIGHT = '\u001B[C';
const LEFT = '\u001B[D';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Sends `n` alternating →/← keys (10M ↔ 11M users) and times each key → matching frame. */
export async function measureKeystrokes(n: number, options: MeasureOptions = {}): Promise<KeystrokeLatency> {
  const book = loadPriceBook();
  let users = options.users ?? 10_000_000;
  const app = render(<App book={book} cwd={process.cwd()} scenario={{ users, profile: options.profile ?? 'eks-web-app', purchase: 'on-demand', ha: 'auto', families: 'auto', workload: {} }} />);
  const frameMatching = (text: string) =>
    new Promise<number>((resolve, reject) => {
      const write = app.stdout.write;
      const timer = setTimeout(() => reject(new Error(`no frame showed "${text}" within 5 s`)), 5_000);
      app.stdout.write = (frame: string) => {
        write(frame);
        if (!frame.includes(text)) return;
        const at = performance.now();
        clearTimeout(timer);
        app.stdout.write = write;
        resolve(at);
      };
    });
  try {
    if (options.columns || options.rows) {
      Object.defineProperty(app.stdout, 'columns', { value: options.columns ?? 100, configurable: true });
      Object.defineProperty(app.stdout, 'rows', { value: options.rows ?? 24, configurable: true });
      app.stdout.emit('resize');
    }
    await sleep(50);
    if (options.pane === 'ladder') {
      app.stdin.write('\t');
      for (let waited = 0; !(app.lastFrame() ?? '').includes('breakpoint(s)') && waited < 30_000; waited += 50) await sleep(50);
    }
    const samples: number[] = [];
    const warmup = options.warmup ?? 5;
    for (let i = 0; i < n + warmup; i++) {
      const direction = i % 2 === 0 ? 1 : -1;
      const next = fineStepUsers(users, direction);
      const shown = frameMatching(`${next.toLocaleString('en-US')} users`);
      const start = performance.now();
      app.stdin.write(direction > 0 ? RIGHT : LEFT);
      const end = await shown;
      if (i >= warmup) samples.push(end - start);
      users = next;
      // Let timers and GC run between keys, as they would between a person's key presses.
      await sleep(2);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted[sorted.length - 1]!, samples };
  } finally {
    app.unmount();
    app.cleanup();
  }
}
