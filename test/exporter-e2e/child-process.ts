// Child processes for the end-to-end test: output kept for failure messages, and a stop that
// always ends the process (SIGTERM, then SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Resolves with the first output line `match` accepts; rejects if the process exits first or on timeout. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

export function startChild(name: string, command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): RunningChild {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const lineListeners = new Set<(line: string) => void>();
  let partial = '';
  const onData = (chunk: Buffer) => {
    const s = chunk.toString('utf8');
    text += s;
    const lines = (partial + s).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const listener of lineListeners) listener(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (e) => {
    text += `\n[spawn error: ${e.message}]`;
  });

  return {
    name,
    process: child,
    output: () => text,
    waitForLine(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (f: () => void) => {
          clearTimeout(timer);
          lineListeners.delete(onLine);
          f();
        };
        const onLine = (line: string) => {
          if (match(line)) done(() => resolve(line));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${name}: no expected output line within ${timeoutMs} ms. Output:\n${text}`))), timeoutMs);
        lineListeners.add(onLine);
        void exited.then(() => done(() => reject(new Error(`${name} exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready. Output:\n${text}`))));
        for (const line of text.split('\n')) if (match(line)) return done(() => resolve(line));
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
