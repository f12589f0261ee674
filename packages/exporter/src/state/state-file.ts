import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger.js';
import { PlanHistory, type StateDocument } from '../plans/plan-history.js';

/**
 * The exporter's memory across restarts (which plan was in force when). Losing it is never fatal:
 * a missing, unreadable or corrupt file is logged and the exporter starts afresh (a corrupt one is
 * kept aside as <file>.corrupt for a look).
 */
export function readState(file: string, logger: Logger): PlanHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') logger.info('no state file yet; starting with no plan history', { stateFile: file });
    else logger.warn('cannot read the state file; starting with no plan history', { stateFile: file, error: code ?? (e as Error).message });
    return new PlanHistory();
  }
  try {
    const doc = JSON.parse(text) as Partial<StateDocument>;
    if (doc?.version !== 1) throw new Error(`unknown version ${JSON.stringify(doc?.version)}`);
    return PlanHistory.fromJson(doc.plans);
  } catch (e) {
    logger.warn('the state file is corrupt; starting with no plan history', { stateFile: file, error: (e as Error).message.split('\n')[0], keptAs: `${file}.corrupt` });
    try {
      renameSync(file, `${file}.corrupt`);
    } catch {
      // Keeping a copy is a courtesy; the next write replaces the file anyway.
    }
    return new PlanHistory();
  }
}

/** Writes the state atomically (a temp file in the same folder, then rename); a failure is logged, not thrown. */
export function writeState(file: string, history: PlanHistory, logger: Logger): boolean {
  const doc: StateDocument = { version: 1, plans: history.toJson() };
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o644, flush: true });
    renameSync(temp, file);
    return true;
  } catch (e) {
    logger.warn('cannot write the state file; plan history is kept in memory only', { stateFile: file, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    return false;
  }
}
