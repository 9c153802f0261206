import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { issuesOf } from '../domain/validation';

/**
 * The JSON body of an HTTP API (payload 2.0) event. Missing, oversized, non-JSON and malformed
 * bodies are all 400s with a message that says which.
 */
export function jsonBody(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  const raw = event.body;
  if (raw === undefined || raw === null || raw === '') {
    throw new ValidationError('Request body is required', [
      { path: '(body)', message: 'expected a JSON object' },
    ]);
  }
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new ValidationError(`Request body too large: ${bytes} bytes (at most ${maxBytes})`, [
      { path: '(body)', message: `at most ${maxBytes} bytes` },
    ]);
  }
  const type = (event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '').toLowerCase();
  if (type && !type.startsWith('application/json')) {
    throw new ValidationError(`Content-Type must be application/json, not ${type}`, [
      { path: '(headers).content-type', message: 'expected application/json' },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unparseable';
    throw new ValidationError(`Malformed JSON: ${detail}`, [{ path: '(body)', message: 'malformed JSON' }]);
  }
  const path = unstorableNumberAt(parsed);
  if (path !== undefined) {
    const message = 'a number 0 or between 1e-130 and 1e125 in magnitude';
    throw new ValidationError(`Invalid number at ${path}: ${message}`, [{ path, message }]);
  }
  return parsed;
}

/**
 * The path of the first number the table cannot store (DynamoDB keeps magnitudes from 1e-130 to
 * below 1e126, else a ValidationException, which would be a 500), e.g. `capacity.cargoKg`.
 */
function unstorableNumberAt(root: unknown): string | undefined {
  // Iterative: a body of thousands of nested arrays is valid JSON and must not overflow the stack.
  const stack: [unknown, string][] = [[root, '(root)']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'number') {
      const m = Math.abs(value);
      if (m !== 0 && (m < 1e-130 || m >= 1e125)) return path;
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value).reverse();
      for (const [key, inner] of entries) stack.push([inner, path === '(root)' ? key : `${path}.${key}`]);
    }
  }
  return undefined;
}

/**
 * The headers a route declares, parsed with its schema (header names in lower case). A bad value
 * is a 400 at `(headers).<name>`, e.g. `Invalid Idempotency-Key header: at least 8 characters`.
 */
export function headersOf<S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S): z.output<S> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {}))
    if (value !== undefined) headers[name.toLowerCase()] = value;
  const parsed = schema.safeParse(headers);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error).map((i) => ({ ...i, path: `(headers).${i.path}` }));
  const first = parsed.error.issues[0];
  const name = String(first?.path[0] ?? '').replace(
    /(^|-)([a-z])/g,
    (_m, dash, c: string) => dash + c.toUpperCase(),
  );
  throw new ValidationError(`Invalid ${name} header: ${first?.message ?? 'invalid'}`, issues);
}

/** Who is calling: the JWT subject from the Cognito authorizer (the local platform sets one too). */
export function actorOf(event: APIGatewayProxyEventV2): string {
  const ctx = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
  const sub = ctx.authorizer?.jwt?.claims?.sub;
  return typeof sub === 'string' && sub.length > 0 ? sub : 'anonymous';
}

export interface Caller {
  id: string;
  groups: string[];
  /** The hromada a dispatcher works for (Cognito custom attribute `custom:hromada_id`). */
  hromadaId?: string;
  /** The provider a dispatcher or brigade member works for (`custom:provider_id`). */
  providerId?: string;
}

/**
 * The signed-in caller from the JWT authorizer's claims. HTTP APIs pass a list claim such as
 * `cognito:groups` as a string like `[dispatchers admins]`; a JSON array is accepted too.
 */
export function callerOf(event: APIGatewayProxyEventV2): Caller | undefined {
  const ctx = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
  const claims = ctx.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || !sub) return undefined;
  const raw = claims?.['cognito:groups'];
  const groups = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .filter(Boolean)
      : [];
  const hromadaId = claims?.['custom:hromada_id'];
  const providerId = claims?.['custom:provider_id'];
  return {
    id: sub,
    groups,
    ...(typeof hromadaId === 'string' && hromadaId ? { hromadaId } : {}),
    ...(typeof providerId === 'string' && providerId ? { providerId } : {}),
  };
}
