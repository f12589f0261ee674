import { describe, expect, it } from 'vitest';
import { sdkError } from '../testing/in-memory-cost-explorer.js';
import { classifyError, RefreshError } from './refresh-error.js';

describe('classifyError', () => {
  it.each([
    [sdkError('LimitExceededException'), 'throttled'],
    [sdkError('ThrottlingException'), 'throttled'],
    [sdkError('SomethingElse', 429), 'throttled'],
    [sdkError('AccessDeniedException'), 'access_denied'],
    [sdkError('UnrecognizedClientException'), 'access_denied'],
    [sdkError('ExpiredTokenException'), 'access_denied'],
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'no_credentials'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'network'],
    [Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 'network'],
    [sdkError('InternalServerError', 503), 'network'],
    [Object.assign(new Error('Unexpected token < in JSON at position 0'), { name: 'SyntaxError' }), 'invalid_response'],
    [sdkError('DataUnavailableException'), 'other'],
    [sdkError('ValidationException'), 'other'],
    ['a string', 'other'],
  ])('%s → %s', (error, reason) => {
    const e = classifyError(error, 'GetCostAndUsage');
    expect(e).toBeInstanceOf(RefreshError);
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(/^GetCostAndUsage failed/);
    expect(e.message).not.toContain('\n');
  });

  it('passes RefreshErrors through', () => {
    const e = new RefreshError('budget_exhausted', 'spent');
    expect(classifyError(e, 'x')).toBe(e);
  });
});
