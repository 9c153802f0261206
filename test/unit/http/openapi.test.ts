import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESPONSE_BODIES } from '../../../functions/api/api-description';
import { apiDescription } from '../../../functions/api/described-api';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { dayAlreadyPlanning } from '../../../shared/adapters/plan-jobs/plan-job-guard';
import { describeInputAs } from '../../../shared/domain/described-input';
import {
  ConflictError,
  ForbiddenError,
  LimitError,
  MethodNotAllowedError,
  NotFoundError,
  RuleRefusalError,
  UnprocessableError,
  ValidationError,
} from '../../../shared/domain/errors';
import { hromadaKind, registryKinds } from '../../../shared/domain/registry';
import { httpHandler } from '../../../shared/http/api-handler';
import { errorBodySchema, openApiDocument, routeKey } from '../../../shared/http/openapi';
import { pathParamNames } from '../../../shared/http/path-params';
import { errorResponse } from '../../../shared/http/responses';
import { Router } from '../../../shared/http/router';
import { apiEvent } from '../../support/api-events';
import { memoryPorts } from '../../support/fixtures';

type Json = Record<string, unknown>;
const routes = apiRoutes(memoryPorts().ports);
const doc = apiDescription();
const operationOf = (method: string, path: string) => doc.paths[path]?.[method.toLowerCase()] as Json;
const bodySchemaOf = (op: Json) =>
  ((op.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined)?.[
    'application/json'
  ]?.schema;

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

function resolve(ref: string): unknown {
  expect(ref.startsWith('#/'), ref).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe('the OpenAPI description', () => {
  it('describes every declared route with its method, path parameters, status and body schema', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    expect(operations).toHaveLength(routes.length);
    for (const route of routes) {
      const op = operationOf(route.method, route.path);
      expect(op, routeKey(route)).toBeDefined();
      expect(op.summary).toBe(route.summary);
      const pathParams = ((op.parameters as Json[] | undefined) ?? []).filter((p) => p.in === 'path');
      expect(pathParams.map((p) => p.name)).toEqual(pathParamNames(route.path));
      expect(pathParams.every((p) => p.required === true)).toBe(true);
      expect(Object.keys(op.responses as Json)).toContain(String(route.status ?? 200));
      if (route.body) {
        const schema = bodySchemaOf(op);
        expect(schema, routeKey(route)).toMatchObject({ type: 'object' });
        expect((op.requestBody as Json).required).toBe(!route.body.optional);
      } else {
        expect(op.requestBody, routeKey(route)).toBeUndefined();
      }
    }
  });

  it('describes a body by its schema: required fields, and a PATCH from the kind (version required, no defaults)', () => {
    const book = bodySchemaOf(operationOf('POST', '/hromady/{hromadaId}/requests'))!;
    expect(book.required).toEqual(expect.arrayContaining(['serviceType', 'residentId', 'date']));
    for (const kind of [hromadaKind, ...Object.values(registryKinds)]) {
      const path = kind === hromadaKind ? '/hromady/{hromadaId}' : `/hromady/{hromadaId}/${kind.plural}/{id}`;
      const patch = bodySchemaOf(operationOf('PATCH', path))!;
      expect(patch.required, path).toEqual(['version']);
      expect(Object.keys(patch.properties as Json).sort()).toEqual(
        [...Object.keys(kind.fields), 'version'].sort(),
      );
      for (const [name, field] of Object.entries(patch.properties as Record<string, Json>))
        expect(field.default, `${path} ${name}`).toBeUndefined();
    }
    // a transform with nothing describing it would read as "anything": no body is left that way
    for (const route of routes.filter((r) => r.body))
      expect(Object.keys(bodySchemaOf(operationOf(route.method, route.path))!), routeKey(route)).not.toEqual(
        [],
      );
  });

  it('lists query parameters and the Idempotency-Key header where declared', () => {
    const list = operationOf('GET', '/hromady/{hromadaId}/requests');
    expect(list.parameters).toContainEqual(
      expect.objectContaining({ name: 'date', in: 'query', required: true }),
    );
    const page = operationOf('GET', '/hromady/{hromadaId}/residents');
    expect(page.parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query', required: false }),
    );
    for (const route of routes) {
      const headers = ((operationOf(route.method, route.path).parameters as Json[] | undefined) ?? []).filter(
        (p) => p.in === 'header',
      );
      const declared =
        route.headers !== undefined && 'idempotency-key' in (route.headers as z.ZodObject).shape;
      expect(
        headers.map((h) => h.name),
        routeKey(route),
      ).toEqual(declared ? ['Idempotency-Key'] : []);
    }
    expect(routes.filter((r) => r.headers).map(routeKey)).toContain('POST /hromady/{hromadaId}/requests');
  });

  it('asks for the Cognito JWT everywhere except on public routes, and gives every error as the one Error', () => {
    expect(doc.security).toEqual([{ cognitoJwt: [] }]);
    expect(doc.components.securitySchemes.cognitoJwt).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const route of routes) {
      const op = operationOf(route.method, route.path);
      const responses = op.responses as Record<string, Json>;
      const errors = ['400', '404', '405', '409', '422', '500'];
      if (route.access === 'public') expect(op.security, routeKey(route)).toEqual([]);
      else {
        expect(op.security, routeKey(route)).toBeUndefined();
        errors.push('403');
      }
      for (const status of errors) expect(resolve(responses[status]!.$ref as string)).toBeDefined();
    }
    expect(operationOf('GET', '/health').security).toEqual([]);
    expect(operationOf('GET', '/openapi.json').security).toEqual([]);
  });

  it('is valid OpenAPI 3.1 in structure: paths start with /, every $ref resolves, operationIds are unique', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      for (const [method, op] of Object.entries(item)) {
        expect(['get', 'put', 'post', 'delete', 'patch']).toContain(method);
        expect(op.operationId).toMatch(/^[a-z][A-Za-z0-9]*$/);
        ids.push(op.operationId as string);
        expect(Object.keys(op.responses as Json).length).toBeGreaterThan(0);
        // each path template's parameters are declared as path parameters
        const declared = ((op.parameters as Json[] | undefined) ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => `{${p.name}}`).sort()).toEqual((path.match(/\{\w+\}/g) ?? []).sort());
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('describes success bodies from the entity schemas, and every described key names a route', () => {
    const keys = new Set(routes.map(routeKey));
    for (const key of Object.keys(RESPONSE_BODIES)) expect(keys.has(key), key).toBe(true);
    const resident = operationOf('GET', '/hromady/{hromadaId}/residents/{id}').responses as Record<
      string,
      Json
    >;
    expect(resident['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Resident' } } },
    });
    expect(doc.components.schemas.Resident).toMatchObject({
      required: expect.arrayContaining(['id', 'hromadaId', 'version', 'name']),
    });
    const deleted = operationOf('DELETE', '/hromady/{hromadaId}/residents/{id}').responses as Record<
      string,
      Json
    >;
    expect(deleted['204']).toEqual({ description: 'Done, no content' });
  });

  it('matches every error the one error mapping gives', () => {
    const errors = [
      new ValidationError('Invalid x', [{ path: 'a.b', message: 'bad' }]),
      new ForbiddenError('no'),
      new NotFoundError('Resident', 'r1'),
      new MethodNotAllowedError('PUT', '/x'),
      new ConflictError('stale', 3, { reason: 'застаріла версія' }),
      new LimitError('quota'),
      new Error('boom'),
    ];
    for (const error of errors) {
      const body = JSON.parse(errorResponse(error, 'req-1').body);
      expect(errorBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
    }
  });

  it('describes the precise codes too: each rule refusal (422), an Idempotency-Key reused (422), a day already planning (409)', () => {
    const rules = [
      'rule-eligibility',
      'rule-quota',
      'rule-purpose',
      'rule-horizon',
      'rule-same-day',
      'rule-fleet',
    ] as const;
    const errors = [
      ...rules.map((code) => new RuleRefusalError(code, 'refused', 'Відмовлено')),
      new UnprocessableError('key reused'),
      dayAlreadyPlanning({ date: '2026-05-04' } as Parameters<typeof dayAlreadyPlanning>[0], 'job-1'),
    ];
    const described = doc.components.schemas.Error as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    };
    for (const error of errors) {
      const res = errorResponse(error, 'req-1');
      const body = JSON.parse(res.body);
      expect(errorBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
      expect(described.properties.error.properties.code.enum).toContain(body.error.code);
    }
    const unprocessable = doc.components.responses.Unprocessable as { description: string };
    for (const code of rules) expect(unprocessable.description).toContain(code);
  });

  it('refuses a body it would describe as anything (a hand-parsing transform with no described input)', () => {
    const [route] = routes;
    const untold = { ...route!, body: { schema: z.unknown().transform((v) => v), what: 'x' } };
    expect(() => openApiDocument([untold], { title: 't', version: '1' })).toThrow(/describeInputAs/);
    const told = {
      ...untold,
      body: { ...untold.body, schema: describeInputAs(untold.body.schema, z.object({ a: z.string() })) },
    };
    const op = openApiDocument([told], { title: 't', version: '1' }).paths[route!.path]?.[
      route!.method.toLowerCase()
    ];
    expect(bodySchemaOf(op!)).toMatchObject({ type: 'object', required: ['a'] });
  });

  it('docs/openapi.json is up to date with the routes (npm run openapi)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(doc);
  });
});

describe('GET /openapi.json', () => {
  it('serves the description without sign-in', async () => {
    const handler = httpHandler(new Router(apiRoutes(memoryPorts().ports)));
    const res = await handler(apiEvent('GET', '/openapi.json', undefined, {}), lambdaContext('api'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual(doc);
  });
});
