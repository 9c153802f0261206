import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { parsePathParam, pathParamSchemas } from './path-params';
import { callerOf } from './request';
import { type HttpResult, json } from './responses';

export interface RouteRequest {
  event: APIGatewayProxyEventV2;
  params: Record<string, string>;
  query: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. `/hromady/{hromadaId}/residents/{id}`; a segment in braces is a parameter. */
  path: string;
  /**
   * Who may call it: anyone (`public`), admins only (`admin`), or admins and the dispatchers of
   * the hromada in the path (`hromada`, the default).
   */
  access?: 'public' | 'admin' | 'hromada';
  handle(request: RouteRequest): Promise<HttpResult>;
}

interface Compiled extends Route {
  pattern: RegExp;
  names: string[];
}

/**
 * A small path router for the one API function (HTTP API payload 2.0 events). Every path
 * parameter is percent-decoded and checked against the schema for its name before the handler
 * runs (a 400 naming the parameter otherwise); a route with a parameter no schema covers is a
 * programming error caught at cold start.
 */
export class Router {
  private readonly routes: Compiled[];
  constructor(
    routes: Route[],
    private readonly params: Readonly<Record<string, z.ZodType<string>>> = pathParamSchemas,
  ) {
    this.routes = routes.map((r) => {
      const names: string[] = [];
      const source = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        if (!Object.hasOwn(params, name)) throw new Error(`${r.path}: no schema for path parameter ${name}`);
        names.push(name);
        return '([^/]+)';
      });
      return { ...r, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  async route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
    const method = event.requestContext.http.method.toUpperCase();
    const path = event.rawPath;
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = parsePathParam(n, m[i + 1]!, this.params[n]!);
      });
      authorize(r.access ?? 'hromada', event, params.hromadaId);
      const query: Record<string, string> = {};
      for (const [k, v] of Object.entries(event.queryStringParameters ?? {}))
        if (v !== undefined) query[k] = v;
      return r.handle({ event, params, query });
    }
    return pathMatched
      ? json(405, { error: { code: 'method-not-allowed', message: `${method} is not allowed on ${path}` } })
      : json(404, { error: { code: 'not-found', message: `No route for ${method} ${path}` } });
  }
}

/** Admins may do anything; a dispatcher only works in their own hromada. */
function authorize(
  access: 'public' | 'admin' | 'hromada',
  event: APIGatewayProxyEventV2,
  hromadaId?: string,
) {
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
  throw new ForbiddenError('Not allowed for this account');
}
