import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { idSchema } from '../../../shared/domain/common';
import {
  ConflictError,
  MethodNotAllowedError,
  NoRouteError,
  NotFoundError,
  ValidationError,
} from '../../../shared/domain/errors';
import { httpHandler } from '../../../shared/http/api-handler';
import { pathParamNames } from '../../../shared/http/path-params';
import { jsonBody } from '../../../shared/http/request';
import { errorResponse, json } from '../../../shared/http/responses';
import { defineRoute, type ParamsSchema } from '../../../shared/http/route';
import { Router } from '../../../shared/http/router';
import { apiEvent } from '../../support/api-events';
import { memoryPorts } from '../../support/fixtures';

describe('the one error → HTTP mapping', () => {
  it('maps each domain error to its status', () => {
    expect(errorResponse(new ValidationError('bad', [{ path: 'phone', message: 'x' }]), 'r').statusCode).toBe(
      400,
    );
    expect(errorResponse(new NotFoundError('Resident', 'R1'), 'r').statusCode).toBe(404);
    const conflict = errorResponse(new ConflictError('stale', 3), 'r');
    expect(conflict.statusCode).toBe(409);
    expect(JSON.parse(conflict.body).error.currentVersion).toBe(3);
  });

  it('says nothing about an unexpected error', () => {
    const res = errorResponse(new TypeError("Cannot read properties of undefined (reading 'pk')"), 'req-1');
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'internal', message: 'Internal error', requestId: 'req-1' },
    });
  });
});

describe('request bodies', () => {
  it('decodes base64 bodies and checks the size in bytes, not characters', () => {
    const event = apiEvent('POST', '/x', undefined);
    event.body = Buffer.from('{"name":"Ганна"}').toString('base64');
    event.isBase64Encoded = true;
    event.headers = { 'content-type': 'application/json; charset=utf-8' };
    expect(jsonBody(event, 100)).toEqual({ name: 'Ганна' });
    expect(() => jsonBody(apiEvent('POST', '/x', { n: 'я'.repeat(60) }), 100)).toThrow(
      /too large: 1\d\d bytes/,
    );
  });
});

/** Explicit params schemas, as a route with a computed path declares them. */
const itemParams = z.object({ hromadaId: idSchema, id: idSchema });
const noParams = z.object({});

describe('router', () => {
  const router = new Router([
    defineRoute('GET /hromady/{hromadaId}/residents/{id}', 'echo', {
      access: 'public',
      params: itemParams,
      handle: async ({ params }) => json(200, params),
    }),
  ]);
  const handler = httpHandler(router);
  const call = async (method: string, path: string) => {
    const res = await handler(apiEvent(method, path), lambdaContext('api'));
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  it('extracts decoded path parameters', async () => {
    const res = await router.route(apiEvent('GET', '/hromady/khmilnytska/residents/a%2Db_c'));
    expect(JSON.parse(res.body)).toEqual({ hromadaId: 'khmilnytska', id: 'a-b_c' });
  });

  it('refuses at construction a route whose params schema does not match its path', () => {
    const route = (path: `/${string}`, params: ParamsSchema) =>
      defineRoute(`GET ${path}`, 'x', { params, handle: async () => json(200, {}) });
    expect(() => new Router([route('/x/{whatever}', noParams)])).toThrow(
      /no schema for path parameter whatever/,
    );
    expect(() => new Router([route('/hromady/{hromadaId}', itemParams)])).toThrow(/params declares id/);
  });

  it('gives a route that declares no params the schemas of its path parameters, by name', async () => {
    const derived = new Router([
      defineRoute('GET /hromady/{hromadaId}/plans/{date}', 'echo', {
        access: 'public',
        handle: async ({ params }) => json(200, { hromadaId: params.hromadaId, date: params.date }),
      }),
    ]);
    const ok = await derived.route(apiEvent('GET', '/hromady/khm/plans/2026-11-24'));
    expect(JSON.parse(ok.body)).toEqual({ hromadaId: 'khm', date: '2026-11-24' });
    await expect(derived.route(apiEvent('GET', '/hromady/khm/plans/24.11.2026'))).rejects.toMatchObject({
      issues: [{ path: 'date', message: expect.any(String) }],
    });
    expect(() =>
      defineRoute('GET /x/{whatever}', 'x', {
        handle: async () => json(200, {}),
      }),
    ).toThrow(/no schema for path parameter \{whatever\}/);
  });

  it('reads a route key as its method and path, and refuses a key that is not one', () => {
    const route = defineRoute('PATCH /hromady/{hromadaId}/plans/{date}', 'A summary', {
      status: 200,
      handle: async () => json(200, {}),
    });
    expect(route).toMatchObject({
      method: 'PATCH',
      path: '/hromady/{hromadaId}/plans/{date}',
      summary: 'A summary',
    });
    expect(Object.keys(route.params.shape)).toEqual(['hromadaId', 'date']);
    const key = (text: string) => text as 'GET /x';
    expect(() => defineRoute(key('FETCH /x'), 'x', { handle: async () => json(200, {}) })).toThrow(
      /not a route key/,
    );
    expect(() => defineRoute(key('GET x'), 'x', { handle: async () => json(200, {}) })).toThrow(
      /not a route key/,
    );
  });

  it('throws its 404 and 405 to the one error mapping, as domain errors', async () => {
    await expect(router.route(apiEvent('GET', '/nope'))).rejects.toBeInstanceOf(NoRouteError);
    await expect(router.route(apiEvent('DELETE', '/hromady/k/residents/1'))).rejects.toBeInstanceOf(
      MethodNotAllowedError,
    );
  });

  it('answers an unknown path (404) and a wrong method (405) in the body shape of every other error', async () => {
    const missing = await call('GET', '/nope');
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'not-found', message: 'No route for GET /nope' } },
    });
    const method = await call('DELETE', '/hromady/k/residents/1');
    expect(method).toEqual({
      status: 405,
      body: {
        error: { code: 'method-not-allowed', message: 'DELETE is not allowed on /hromady/k/residents/1' },
      },
    });
    const bad = await call('GET', '/hromady/k/residents/a%20b');
    expect(bad.status).toBe(400);
    for (const res of [missing, method, bad]) {
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(JSON.parse(errorResponse(new NoRouteError('GET', '/nope'), 'r').body)).toEqual(missing.body);
  });
});

describe('the API routes', () => {
  const routes = apiRoutes(memoryPorts().ports);

  it('each declares a params schema naming exactly its path parameters', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const inPath = pathParamNames(route.path).sort();
      expect({
        route: `${route.method} ${route.path}`,
        params: Object.keys(route.params.shape).sort(),
      }).toEqual({
        route: `${route.method} ${route.path}`,
        params: inPath,
      });
    }
  });

  it('each method and path is declared once, every body with a schema and a name', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes.filter((r) => r.body)) {
      expect(route.body?.schema.safeParse).toBeTypeOf('function');
      expect(route.body?.what).toMatch(/\S/);
    }
  });
});
