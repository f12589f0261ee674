import { describe, expect, it } from 'vitest';
import { BomError } from './bom/price-resources.js';
import { PlanningError } from './capacity/capacity-types.js';
import { isModelInputError } from './input-errors.js';
import { PlanDocumentError } from './plan-document/plan-document-error.js';
import { PricingError } from './pricing/pricing-error.js';
import { ProfileError } from './profiles/parse-profile.js';
import { planFromJson } from './plan-document/plan-from-json.js';
import { getProfile } from './profiles/index.js';

describe('isModelInputError', () => {
  it('tells the core errors about bad input from anything else', () => {
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('did not throw');
    };
    const input = [thrown(() => planFromJson({}, 'x.json')), thrown(() => getProfile('no-such-profile'))];
    expect(input[0]).toBeInstanceOf(PlanDocumentError);
    expect(input[1]).toBeInstanceOf(ProfileError);
    for (const e of input) expect(isModelInputError(e)).toBe(true);
    for (const e of [new BomError(['no resources']), new PlanningError('BAD_INPUT', 'users must be ≥ 1'), new PricingError('UNKNOWN_REGION', 'no snapshot for mars-1')]) {
      expect(isModelInputError(e)).toBe(true);
    }
    for (const e of [new Error('bug'), new TypeError('bug'), 'text', undefined]) expect(isModelInputError(e)).toBe(false);
  });
});
