import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, ConflictError, ServiceUnavailableError, ValidationError } from '../domain/errors';
import { withoutSecrets } from '../domain/secrets-out';

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body, withoutSecrets) };
}

export function noContent(): HttpResult {
  return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
}

const STATUS: Record<AppError['kind'], number> = {
  validation: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  limit: 422,
  unprocessable: 422,
  rule: 422,
  'method-not-allowed': 405,
};

/**
 * The codes every error body may carry besides a rule's own (contract 3: `{error: {code, message,
 * reason?}}`); the console has a Ukrainian text for each. (A request without a token never reaches
 * the function in AWS: API Gateway's JWT authorizer answers it 401 with a body of its own.)
 */
export const ERROR_CODES = [...Object.keys(STATUS), 'unavailable', 'internal'] as const;

/**
 * The one mapping from errors to HTTP. Domain errors carry their stable code, their message (for
 * logs), their Ukrainian reason when they have one, and zod paths for bad input; an overload
 * (throttled storage) is a 503 with Retry-After; anything else is a 500 that echoes nothing but a
 * reference to the log line.
 */
export function errorResponse(error: unknown, requestId: string): HttpResult {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error.reason !== undefined) body.reason = error.reason;
    if (error instanceof ValidationError) body.issues = error.issues;
    if (error instanceof ConflictError && error.currentVersion !== undefined)
      body.currentVersion = error.currentVersion;
    return json(STATUS[error.kind], { error: body });
  }
  if (error instanceof ServiceUnavailableError) {
    // an overload (throttled writes): nothing was saved; the caller retries after a pause
    const answer = json(503, {
      error: { code: error.code, message: 'Service unavailable', reason: error.reason },
    });
    return { ...answer, headers: { ...answer.headers, 'retry-after': String(error.retryAfterSeconds) } };
  }
  return json(500, { error: { code: 'internal', message: 'Internal error', requestId } });
}
