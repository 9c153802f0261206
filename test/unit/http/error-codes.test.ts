import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  LimitError,
  MethodNotAllowedError,
  NoRouteError,
  NotFoundError,
  ServiceUnavailableError,
  UnprocessableError,
  ValidationError,
} from '../../../shared/domain/errors';
import { ERROR_CODES, errorResponse } from '../../../shared/http/responses';

const body = (e: unknown) => JSON.parse(errorResponse(e, 'req-1').body).error;
const status = (e: unknown) => errorResponse(e, 'req-1').statusCode;

describe('error bodies carry a stable code (contract 3)', () => {
  it('gives each kind of error its code and status', () => {
    const cases: [Error, string, number][] = [
      [
        new ValidationError('Invalid phone', [{ path: 'phone', message: 'Invalid phone' }]),
        'validation',
        400,
      ],
      [new ForbiddenError('Not allowed for this account'), 'forbidden', 403],
      [new NotFoundError('Hromada', 'nosuch'), 'not-found', 404],
      [new NoRouteError('GET', '/nope'), 'not-found', 404],
      [new MethodNotAllowedError('DELETE', '/x'), 'method-not-allowed', 405],
      [new ConflictError('stale', 2), 'conflict', 409],
      [new LimitError('too many'), 'limit', 422],
      [new UnprocessableError('key reused'), 'unprocessable', 422],
      [new TypeError('boom'), 'internal', 500],
    ];
    for (const [error, code, httpStatus] of cases) {
      expect([error.message, body(error).code, status(error)]).toEqual([error.message, code, httpStatus]);
      expect(ERROR_CODES).toContain(code);
    }
  });

  it('an overload (throttled storage) is a 503 with Retry-After and a Ukrainian reason, nothing of AWS', () => {
    const error = new ServiceUnavailableError(
      'DynamoDB TransactWriteItemsCommand throttled: ProvisionedThroughputExceededException',
    );
    const res = errorResponse(error, 'req-1');
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toBe('2');
    expect(body(error)).toMatchObject({ code: 'unavailable', reason: expect.stringMatching(/Повторіть/) });
    expect(res.body).not.toMatch(/DynamoDB|Provisioned|TransactWrite/);
    expect(ERROR_CODES).toContain('unavailable');
  });

  it("carries a rule's own code and its Ukrainian reason beside the message for logs", () => {
    const error = new LimitError('monthly quota reached', {
      code: 'rule-quota',
      reason: 'Вичерпано 8 поїздок на місяць',
    });
    expect(body(error)).toEqual({
      code: 'rule-quota',
      message: 'monthly quota reached',
      reason: 'Вичерпано 8 поїздок на місяць',
    });
    expect(status(error)).toBe(422);
  });

  it('refuses a code that is not English kebab-case', () => {
    expect(() => new ConflictError('x', 1, { code: 'Rule Quota' })).toThrow(/kebab-case/);
    expect(() => new ConflictError('x', 1, { code: 'правило' })).toThrow(/kebab-case/);
  });
});
