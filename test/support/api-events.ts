import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const base = JSON.parse(
  readFileSync(new URL('../../events/api/post-resident.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEventV2;

export function loadEvent<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(`../../events/${relative}`, import.meta.url), 'utf8')) as T;
}

export const ADMIN = { sub: 'admin-1', 'cognito:groups': '[admins]' };
export const JSON_HEADERS = { 'content-type': 'application/json' };

/** An HTTP API v2 event shaped like the sample in events/api/, for another method, path and body. */
export function apiEvent(
  method: string,
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  claims?: Record<string, string>,
): APIGatewayProxyEventV2 {
  const url = new URL(pathAndQuery, 'http://x');
  const event = structuredClone(base);
  event.rawPath = url.pathname;
  event.rawQueryString = url.search.slice(1);
  event.queryStringParameters = url.search ? Object.fromEntries(url.searchParams) : undefined;
  event.requestContext.http = { ...event.requestContext.http, method, path: url.pathname };
  event.headers = { host: 'api.example.org', ...headers };
  if (claims)
    (event.requestContext as unknown as { authorizer: unknown }).authorizer = { jwt: { claims, scopes: [] } };
  if (body === undefined) delete event.body;
  else event.body = typeof body === 'string' ? body : JSON.stringify(body);
  return event;
}
