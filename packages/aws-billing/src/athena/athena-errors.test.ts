import { describe, expect, it } from 'vitest';
import { athenaApiError, athenaQueryFailure } from './athena-errors.js';

describe('athenaQueryFailure', () => {
  it.each([
    "COLUMN_NOT_FOUND: line 9:5: Column 'x_usagetype' cannot be resolved or requester is not authorized to access requested resources",
    "SYNTAX_ERROR: line 9:5: Column 'x_usagetype' cannot be resolved",
  ])('names the missing column as bad_input: %s', (reason) => {
    const e = athenaQueryFailure('db.focus', 'q-1', reason);
    expect(e.reason).toBe('bad_input');
    expect(e.message).toContain('has no column x_usagetype');
  });

  it('keeps any other failure a query failure, in one line', () => {
    const e = athenaQueryFailure('db.t', 'q-2', 'HIVE_BAD_DATA: Field x type INT64\nat line 3');
    expect(e.reason).toBe('query_failed');
    expect(e.message).toBe('Athena query q-2 failed: HIVE_BAD_DATA: Field x type INT64');
  });
});

describe('athenaApiError', () => {
  it.each([
    [{ name: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, 'credentials'],
    [{ name: 'AccessDeniedException', message: 'not authorized to perform: athena:StartQueryExecution' }, 'credentials'],
    [{ name: 'ThrottlingException', message: 'Rate exceeded' }, 'network'],
    [{ name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND athena.example' }, 'network'],
    [Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' })], ''), {}), 'network'],
    [{ name: 'ResourceNotFoundException', message: 'Database db does not exist' }, 'bad_input'],
    [{ name: 'InternalServerException', message: 'Internal error\nretry later' }, 'network'],
  ] as const)('maps %o to %s with a one-line message', (error, reason) => {
    const e = athenaApiError('StartQueryExecution', 'region us-east-1', error);
    expect(e.reason).toBe(reason);
    expect(e.message).not.toContain('\n');
    expect(e.message.length).toBeGreaterThan(20);
  });
});
