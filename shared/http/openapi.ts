import { z } from 'zod';
import { describedInputOf } from '../domain/described-input';
import { CONFLICT_CODES, RULE_CODES } from '../domain/errors';
import { pathParamNames } from './path-params';
import type { Access, Route } from './route';

/**
 * The OpenAPI 3.1 description of the API, generated from the declared routes: their path, query
 * and header schemas become parameters, their body schemas request bodies (the input side: what a
 * client may send, defaults optional), their success status the answer. Response bodies are
 * described where a schema is given (`responses`), a generic object otherwise. Pure.
 */

type Json = Record<string, unknown>;

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
}

/** A success body: a named schema (a component), alone, as `{items}` or as a page `{items, next}`. */
export interface ResponseBody {
  name: string;
  schema: z.ZodType;
  as?: 'one' | 'items' | 'page';
}

export interface OpenApiOptions {
  /** Success bodies by route, keyed `METHOD /path` as declared. */
  responses?: Record<string, ResponseBody>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: ApiInfo;
  security: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Json };
}

export const routeKey = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** The body of every error (shared/http/responses.ts `errorResponse`). */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum([
      'validation',
      'forbidden',
      'not-found',
      'conflict',
      'limit',
      'unprocessable',
      'method-not-allowed',
      'unavailable',
      'internal',
      ...RULE_CODES,
      ...CONFLICT_CODES,
    ]),
    message: z.string(),
    reason: z.string().optional().describe('Why, for the dispatcher (Ukrainian)'),
    issues: z
      .array(z.strictObject({ path: z.string().describe('zod path joined with dots'), message: z.string() }))
      .optional()
      .describe('Bad input (400): each offending field'),
    currentVersion: z.number().int().positive().optional().describe('A stale version (409): the current one'),
    requestId: z.string().optional().describe('Internal error (500): the reference of its log line'),
  }),
});

const ERRORS: Array<[status: string, name: string, description: string]> = [
  ['400', 'BadRequest', 'Bad input: `issues` names each offending field'],
  ['403', 'Forbidden', 'Not signed in, or not allowed for this account'],
  ['404', 'NotFound', 'No such item, or no such route'],
  ['405', 'MethodNotAllowed', 'The path exists, not with this method'],
  [
    '409',
    'Conflict',
    'A stale version (`currentVersion`: the version now stored), a duplicate, or a clash (`reason`); ' +
      `\`${CONFLICT_CODES.join('`, `')}\` when the day is already being planned`,
  ],
  [
    '422',
    'Unprocessable',
    'A business limit was hit (`limit`: quota, SMS cap), an Idempotency-Key reused for another request ' +
      `(\`unprocessable\`), or a booking the hromada's rules refuse (\`${RULE_CODES.join('`, `')}\`, with the Ukrainian \`reason\`)`,
  ],
  ['500', 'InternalError', 'Internal error: nothing echoed but `requestId`'],
  [
    '503',
    'Unavailable',
    'Storage overloaded (throttled): nothing was saved; retry after `Retry-After` seconds',
  ],
];

const ACCESS: Record<Access, string> = {
  public: 'Access: anyone, no sign-in.',
  admin: 'Access: admins.',
  hromada: "Access: admins, and the dispatchers of the path's hromada.",
  'hromada-admin': "Access: admins, and the path's hromada's own admins (group hromada-admins).",
  provider: "Access: admins, and the path's provider's dispatchers and brigade (custom:provider_id).",
};

const SECURITY = 'cognitoJwt';

export function openApiDocument(
  routes: Route[],
  info: ApiInfo,
  options: OpenApiOptions = {},
): OpenApiDocument {
  const schemas: Record<string, Json> = { Error: jsonSchema(errorBodySchema, 'output') };
  const named = new Map<string, z.ZodType>();
  const component = (body: ResponseBody): Json => {
    const known = named.get(body.name);
    if (known && known !== body.schema) throw new Error(`Two response schemas named ${body.name}`);
    if (!known) {
      named.set(body.name, body.schema);
      schemas[body.name] = jsonSchema(body.schema, 'output');
    }
    return { $ref: `#/components/schemas/${body.name}` };
  };
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const item = paths[route.path] ?? {};
    paths[route.path] = item;
    const method = route.method.toLowerCase();
    if (item[method]) throw new Error(`${routeKey(route)} is declared twice`);
    item[method] = operation(route, options.responses?.[routeKey(route)], component);
  }
  return {
    openapi: '3.1.0',
    info,
    security: [{ [SECURITY]: [] }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        ERRORS.map(([, name, description]) => [
          name,
          {
            description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
      securitySchemes: {
        [SECURITY]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito user pool token of the console client; groups `admins`, or `dispatchers` with the custom attribute `custom:hromada_id`.',
        },
      },
    },
  };
}

function operation(route: Route, body: ResponseBody | undefined, component: (b: ResponseBody) => Json): Json {
  const access = route.access ?? 'hromada';
  const op: Json = {
    operationId: operationId(route),
    summary: route.summary,
    description: ACCESS[access],
    tags: [tagOf(route.path)],
    'x-access': access,
  };
  if (access === 'public') op.security = [];
  const parameters = [
    ...pathParamNames(route.path).map((name) => {
      const schema = route.params.shape[name];
      if (!schema) throw new Error(`${route.path}: no schema for path parameter ${name}`);
      return { name, in: 'path', required: true, schema: jsonSchema(schema, 'input') };
    }),
    ...objectParameters(route, 'query'),
    ...objectParameters(route, 'header'),
  ];
  if (parameters.length > 0) op.parameters = parameters;
  if (route.body) {
    const schema = jsonSchema(describedInputOf(route.body.schema), 'input');
    if (Object.keys(schema).length === 0)
      throw new Error(`${routeKey(route)}: the body reads as anything; name its input with describeInputAs`);
    op.requestBody = {
      description: route.body.optional
        ? `${route.body.what} (optional: absent reads as {})`
        : route.body.what,
      required: !route.body.optional,
      content: { 'application/json': { schema } },
    };
  }
  op.responses = { ...success(route, body, component), ...errorResponses(access) };
  return op;
}

function success(route: Route, body: ResponseBody | undefined, component: (b: ResponseBody) => Json): Json {
  const status = String(route.status ?? 200);
  if (status === '204') return { [status]: { description: 'Done, no content' } };
  const ref = body ? component(body) : undefined;
  const schema =
    !body || !ref
      ? { type: 'object', description: 'Not described yet' }
      : body.as === 'page'
        ? {
            type: 'object',
            required: ['items'],
            properties: {
              items: { type: 'array', items: ref },
              next: { type: 'string', description: 'Opaque cursor of the next page (`?cursor=`)' },
            },
          }
        : body.as === 'items'
          ? { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref } } }
          : ref;
  const answer: Json = {
    description: route.summary,
    content: { 'application/json': { schema } },
  };
  if (headerNames(route).includes('idempotency-key')) {
    answer.headers = {
      'Idempotent-Replayed': {
        description: '`true` when this is the first answer again (a retry with the same key and body)',
        schema: { type: 'string', enum: ['true'] },
      },
    };
  }
  return { [status]: answer };
}

function errorResponses(access: Access): Json {
  return Object.fromEntries(
    ERRORS.filter(([status]) => !(access === 'public' && status === '403')).map(([status, name]) => [
      status,
      { $ref: `#/components/responses/${name}` },
    ]),
  );
}

/** Query or header parameters: one per property of the route's object schema. */
function objectParameters(route: Route, where: 'query' | 'header'): Json[] {
  const schema = where === 'query' ? route.query : route.headers;
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = object.properties as Record<string, Json> | undefined;
  if (object.type !== 'object' || !properties)
    throw new Error(`${routeKey(route)}: ${where} is not an object`);
  const required = (object.required as string[] | undefined) ?? [];
  return Object.entries(properties).map(([name, property]) => ({
    name: where === 'header' ? headerName(name) : name,
    in: where,
    required: required.includes(name),
    schema: property,
  }));
}

function headerNames(route: Route): string[] {
  if (!route.headers) return [];
  return Object.keys((jsonSchema(route.headers, 'input').properties as Json | undefined) ?? {});
}

/** `idempotency-key` → `Idempotency-Key` (header names are case-insensitive; this is how they are written). */
const headerName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** e.g. `POST /hromady/{hromadaId}/requests/{id}/cancel` → `postHromadyByHromadaIdRequestsByIdCancel`. */
function operationId(route: Route): string {
  const words = route.path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      return param ? `By${pascal(param[1]!)}` : pascal(segment);
    });
  return route.method.toLowerCase() + words.join('');
}

const pascal = (text: string) =>
  text
    .split(/[^0-9A-Za-z]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** The area of a path: the first literal segment after the hromada, else the first one. */
function tagOf(path: string): string {
  const literals = path.split('/').filter((s) => s && !s.startsWith('{'));
  return (path.startsWith('/hromady/{hromadaId}/') ? literals[1] : literals[0]) ?? 'api';
}

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of one side of a schema; a transform is an error. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  }) as Json;
  return rest;
}
