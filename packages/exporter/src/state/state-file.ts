import { readFileSync, renameSync } from 'node:fs';
import { writeFileAtomic } from '@tier-planner/cost-model';
import type { Logger } from '../log/logger.js';
import { PlanHistory, type StateDocument } from '../plans/plan-history.js';
import { lockStateFile } from './state-lock.js';

const MEMORY_ONLY = 'plan history is kept in memory only';

/**
 * The exporter's memory across restarts (which plan was in force when), held under a lock for the
 * exporter's life. Losing it is never fatal: a missing or corrupt file starts afresh (a corrupt one
 * is kept aside as <file>.corrupt for a look); a file that another exporter holds, or that cannot
 * be read or written, is logged and left as it is, and the history kept in memory only.
 */
export class StateFile {
  private constructor(
    readonly file: string,
    readonly history: PlanHistory,
    private readonly logger: Logger,
    /** Undefined: memory only, the file is not written. */
    private release: (() => void) | undefined,
  ) {}

  /** Takes the file's lock and reads it; never throws. */
  static open(file: string, logger: Logger): StateFile {
    const lock = lockStateFile(file);
    if (!lock.ok) {
      if ('heldBy' in lock) {
        logger.error(`the state file is in use by another exporter; ${MEMORY_ONLY}`, {
          stateFile: file,
          heldBy: lock.heldBy,
          hint: `give each exporter its own stateFile; if that exporter is gone, delete ${file}.lock`,
        });
      } else logger.warn(`cannot write the state file; ${MEMORY_ONLY}`, { stateFile: file, error: lock.error });
      return new StateFile(file, new PlanHistory(), logger, undefined);
    }
    const memoryOnly = () => {
      lock.release();
      return new StateFile(file, new PlanHistory(), logger, undefined);
    };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        logger.info('no state file yet; starting with no plan history', { stateFile: file });
        return new StateFile(file, new PlanHistory(), logger, lock.release);
      }
      // Unreadable is not empty: overwriting it would throw away a history that may be fine.
      logger.warn(`cannot read the state file; ${MEMORY_ONLY} and the file is left as it is`, { stateFile: file, error: code ?? (e as Error).message });
      return memoryOnly();
    }
    try {
      const doc = JSON.parse(text) as Partial<StateDocument>;
      if (doc?.version !== 1) throw new Error(`unknown version ${JSON.stringify(doc?.version)}`);
      return new StateFile(file, PlanHistory.fromJson(doc.plans), logger, lock.release);
    } catch (e) {
      logger.warn('the state file is corrupt; starting with no plan history', { stateFile: file, error: (e as Error).message.split('\n')[0], keptAs: `${file}.corrupt` });
      try {
        renameSync(file, `${file}.corrupt`);
      } catch {
        // Keeping a copy is a courtesy; the next write replaces the file anyway.
      }
      return new StateFile(file, new PlanHistory(), logger, lock.release);
    }
  }

  /** Writes the history atomically (unless kept in memory only); a failure is logged, not thrown. */
  save(): boolean {
    if (!this.release) return false;
    const doc: StateDocument = { version: 1, plans: this.history.toJson() };
    try {
      writeFileAtomic(this.file, `${JSON.stringify(doc, null, 2)}\n`);
      return true;
    } catch (e) {
      this.logger.warn(`cannot write the state file; ${MEMORY_ONLY}`, { stateFile: this.file, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return false;
    }
  }

  /** Gives the lock back (on stop). */
  close(): void {
    this.release?.();
    this.release = undefined;
  }
}
