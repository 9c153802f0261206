import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError, MethodNotAllowedError, NoRouteError } from '../domain/errors';
import { parseOrThrow } from '../domain/validation';
import { parsePathParam, pathParamNames } from './path-params';
import { actorOf, callerOf, headersOf, jsonBody } from './request';
import type { HttpResult } from './responses';
import type { Access, Route } from './route';

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export interface RouterOptions {
  /** Largest accepted request body (config `MAX_BODY_BYTES`). */
  maxBodyBytes?: number;
}

/**
 * A small path router for the one API function (HTTP API payload 2.0 events). Before a handler
 * runs, everything it reads is parsed with its route's schemas, in this order: path parameters
 * (percent-decoded, each a 400 naming it), access, query, headers, body. A route whose params
 * schema does not match its path is a programming error caught at cold start. An unknown path
 * (404) or method (405) is thrown, like any other error, to the one error mapping.
 */
export class Router {
  private readonly routes: Compiled[];
  private readonly maxBodyBytes: number;

  constructor(routes: Route[], options: RouterOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? 65_536;
    this.routes = routes.map((route) => {
      const names = pathParamNames(route.path);
      const declared = Object.keys(route.params.shape);
      for (const name of names)
        if (!declared.includes(name)) throw new Error(`${route.path}: no schema for path parameter ${name}`);
      for (const name of declared)
        if (!names.includes(name)) throw new Error(`${route.path}: params declares ${name}, not in the path`);
      const source = route.path.replace(/\{\w+\}/g, '([^/]+)');
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  async route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath;
    let pathMatched = false;
    for (const { route, pattern, names } of this.routes) {
      const m = pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        const schema = route.params.shape[name];
        if (schema) params[name] = parsePathParam(name, m[i + 1] ?? '', schema);
      });
      authorize(route.access ?? 'hromada', event, params.hromadaId, params.providerId);
      return route.handle({
        params,
        query: route.query ? parseOrThrow(route.query, queryOf(event), 'query') : undefined,
        headers: route.headers ? headersOf(event, route.headers) : undefined,
        body: route.body ? this.body(event, route) : undefined,
        actor: actorOf(event),
        event,
      });
    }
    throw pathMatched ? new MethodNotAllowedError(method, path) : new NoRouteError(method, path);
  }

  private body(event: APIGatewayProxyEventV2, route: Route): unknown {
    const spec = route.body;
    if (!spec) return undefined;
    const absent = event.body === undefined || event.body === null || event.body === '';
    const raw = spec.optional && absent ? {} : jsonBody(event, this.maxBodyBytes);
    return parseOrThrow(spec.schema, raw, spec.what);
  }
}

function queryOf(event: APIGatewayProxyEventV2): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) if (v !== undefined) query[k] = v;
  return query;
}

/** Admins may do anything; a dispatcher only works in their own hromada. */
function authorize(access: Access, event: APIGatewayProxyEventV2, hromadaId?: string, providerId?: string) {
  if (access === 'public') return;
  const caller = callerOf(event);
  if (!caller) throw new ForbiddenError('Sign in first');
  if (caller.groups.includes('admins')) return;
  if (
    access === 'hromada' &&
    caller.groups.includes('dispatchers') &&
    hromadaId &&
    caller.hromadaId === hromadaId
  ) {
    return;
  }
  if (
    access === 'hromada-admin' &&
    caller.groups.includes('hromada-admins') &&
    hromadaId &&
    caller.hromadaId === hromadaId
  )
    return;
  if (
    access === 'provider' &&
    (caller.groups.includes('dispatchers') || caller.groups.includes('brigade')) &&
    providerId &&
    caller.providerId === providerId
  )
    return;
  throw new ForbiddenError('Not allowed for this account');
}
