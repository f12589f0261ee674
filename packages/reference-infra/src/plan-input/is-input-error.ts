import { isModelInputError } from '@tier-planner/cost-model';
import { InputError } from './input-error.js';

/** Errors that mean the input was wrong (exit 2), as opposed to a bug (exit 1). */
export function isInputError(e: unknown): boolean {
  return e instanceof InputError || isModelInputError(e);
}
