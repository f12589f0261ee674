import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/** Who holds a state file: the content of `<file>.lock`. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
}

export type LockResult = { readonly ok: true; release(): void } | { readonly ok: false; readonly heldBy: LockHolder } | { readonly ok: false; readonly error: string };

// Locks this process holds: another exporter in the same process has the same pid.
const heldHere = new Set<string>();

function readHolder(lockFile: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? { pid: h.pid!, host: h.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lock naming this host can be checked: it is stale when its process is gone, or when it names
 * this process's pid without this process holding it (left by an earlier life: in a container
 * every life is pid 1). One from another host cannot be checked, so it counts as held.
 */
function isHeld(holder: LockHolder, lockFile: string): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(lockFile);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims `<file>.lock` (created exclusively, holding pid and host) so that two exporters never
 * write one history: each would forget the other's plans. Never throws.
 */
export function lockStateFile(file: string): LockResult {
  const lockFile = `${file}.lock`;
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    return { ok: false, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, mine, { flag: 'wx', mode: 0o644 });
      heldHere.add(lockFile);
      return {
        ok: true,
        release() {
          heldHere.delete(lockFile);
          try {
            // Only our own lock: one another exporter took over (it thought ours stale) stays.
            if (readFileSync(lockFile, 'utf8') === mine) rmSync(lockFile, { force: true });
          } catch {
            // Gone already.
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
    }
    const holder = readHolder(lockFile);
    // A garbled lock (a crash while writing it) is stale too.
    if (holder && isHeld(holder, lockFile)) return { ok: false, heldBy: holder };
    rmSync(lockFile, { force: true });
  }
  return { ok: false, error: 'EEXIST' };
}
