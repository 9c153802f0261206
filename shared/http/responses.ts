import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, ConflictError, RuleRefusalError, ValidationError } from '../domain/errors';

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body) };
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
 * The one mapping from errors to HTTP. Domain errors carry their message (and zod paths for bad
 * input); anything else is a 500 that echoes nothing but a reference to the log line.
 */
export function errorResponse(error: unknown, requestId: string): HttpResult {
  if (error instanceof AppError) {
    const code = error instanceof RuleRefusalError ? error.code : error.kind;
    const body: Record<string, unknown> = { code, message: error.message };
    if (error.reason !== undefined) body.reason = error.reason;
    if (error instanceof ValidationError) body.issues = error.issues;
    if (error instanceof ConflictError && error.currentVersion !== undefined)
      body.currentVersion = error.currentVersion;
    return json(STATUS[error.kind], { error: body });
  }
  return json(500, { error: { code: 'internal', message: 'Internal error', requestId } });
}
