import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { createHromada } from '../../../shared/app/registry';
import { httpHandler } from '../../../shared/http/api-handler';
import { pathParamNames } from '../../../shared/http/path-params';
import type { Route } from '../../../shared/http/route';
import { Router } from '../../../shared/http/router';
import type { Ports } from '../../../shared/ports/ports';
import type { RouteSolver } from '../../../shared/ports/route-solver';
import { ADMIN, apiEvent } from '../api-events';
import { BEREZNA, HROMADA, memoryPorts, seedBasics } from '../fixtures';
import { hromadaOf } from '../inputs';
import { dateString, hostileString, hostileValue, hugeString, malformedBody, TRAVERSAL } from './hostile';
import { mutated, schemaArbitrary } from './schema-arbitrary';

/** The API fuzz: every route, hostile params, query, headers and bodies, several callers. */

export const OTHER = 'pokrovska';
export const dispatcherOf = (hromadaId: string, sub = `disp-${hromadaId}`) => ({
  sub,
  'cognito:groups': '[dispatchers]',
  'custom:hromada_id': hromadaId,
});

const CALLERS: (Record<string, string> | undefined)[] = [
  ADMIN,
  dispatcherOf(HROMADA),
  dispatcherOf(OTHER),
  undefined,
  { sub: 'x', 'cognito:groups': 'admins dispatchers' },
  { sub: 'y', 'cognito:groups': '[dispatchers]', 'custom:hromada_id': '' },
];

export interface FuzzWorld {
  handler: (event: APIGatewayProxyEventV2) => Promise<{ statusCode: number; body: string }>;
  routes: Route[];
  knownIds: string[];
}

/**
 * The API on memory ports (or on the given store) with two hromady, a village and a resident. Solves get a small fixed
 * iteration budget: the fuzz is about what reaches the solver, not how long it searches.
 */
export async function fuzzWorld(store?: Pick<Ports, 'entities' | 'outbox'>): Promise<FuzzWorld> {
  const ports = { ...memoryPorts().ports, ...store };
  const solver = ports.solver;
  const bounded: RouteSolver = {
    solve: (problem, options) =>
      solver.solve(problem, {
        ...options,
        timeLimitMs: Math.min(options.timeLimitMs, 200),
        maxIterations: 20,
      }),
  };
  const resident = await seedBasics(ports);
  await createHromada(ports, hromadaOf({ id: OTHER, name: 'Покровська громада' }), 'test');
  const routes = apiRoutes({ ...ports, solver: bounded });
  const run = httpHandler(new Router(routes, { maxBodyBytes: 65_536 }));
  return {
    handler: async (event) =>
      (await run(event, lambdaContext('api'))) as { statusCode: number; body: string },
    routes,
    knownIds: [HROMADA, OTHER, BEREZNA, resident.id, 'id000001', 'id000005'],
  };
}

export interface FuzzCase {
  method: string;
  rawPath: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
  isBase64Encoded: boolean;
  claims?: Record<string, string>;
}

function paramArbitrary(name: string, ids: readonly string[]): fc.Arbitrary<string> {
  const valid = name === 'date' ? dateString : fc.constantFrom(...ids);
  const raw = fc.oneof(
    { arbitrary: valid, weight: 20 },
    { arbitrary: fc.constantFrom(...TRAVERSAL), weight: 3 },
    { arbitrary: hostileString, weight: 2 },
  );
  // As sent: raw, percent-encoded once (how clients send), or twice.
  return fc
    .tuple(raw, fc.nat(2))
    .map(([v, enc]) => (enc === 0 ? v : enc === 1 ? safeEncode(v) : safeEncode(safeEncode(v))));
}

const safeEncode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s; // lone surrogates: sent raw
  }
};

const QUERY_KEYS = ['limit', 'cursor', 'date', 'phone', 'version', 'x'];
const queryArbitrary = fc.dictionary(
  fc.constantFrom(...QUERY_KEYS),
  fc.oneof(
    fc.constantFrom(
      '1',
      '0',
      '-1',
      '200',
      '201',
      '1e3',
      '0x10',
      '',
      '2026-11-24',
      '0671234567',
      '+380671234567',
    ),
    dateString,
    hostileString,
  ),
  { maxKeys: 3 },
);

const headerArbitrary = fc.record(
  {
    'content-type': fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 6 },
      fc.constantFrom(
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/jsonp',
        '',
        'application/json\u0000',
      ),
    ),
    'idempotency-key': fc.oneof(
      { arbitrary: fc.uuid(), weight: 4 },
      fc.constantFrom(
        'key-00000001',
        'short',
        '',
        'ключ-ключ-ключ',
        'a'.repeat(300),
        'k\u0000k\u0000k\u0000k',
      ),
      hostileString,
    ),
    'Content-Type': fc.constantFrom('text/html', 'application/json'),
  },
  { requiredKeys: [] },
);

function bodyArbitrary(route: Route, ids: readonly string[]) {
  const schema = route.body?.schema;
  const valid = schema ? schemaArbitrary(schema, ids) : fc.jsonValue({ maxDepth: 2 });
  const json = (a: fc.Arbitrary<unknown>) =>
    a.map((v) => ({ body: JSON.stringify(v) ?? 'null', isBase64Encoded: false }));
  return fc.oneof(
    { arbitrary: json(valid), weight: 6 },
    { arbitrary: json(mutated(valid)), weight: 4 },
    { arbitrary: json(hostileValue), weight: 1 },
    { arbitrary: malformedBody, weight: 2 },
    { arbitrary: fc.constant({ body: undefined, isBase64Encoded: false }), weight: 1 },
    { arbitrary: hugeString.map((s) => ({ body: s, isBase64Encoded: false })), weight: 1 },
  );
}

/** One request to one route (sometimes with another method), from one of several callers. */
export function caseArbitrary(routes: Route[], ids: readonly string[]): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    ...routes.map((route) => {
      const names = pathParamNames(route.path);
      return fc
        .record({
          params: fc.tuple(...names.map((n) => paramArbitrary(n, ids))),
          method: fc.oneof(
            { arbitrary: fc.constant(route.method), weight: 9 },
            {
              arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'post', 'TRACE'),
              weight: 1,
            },
          ),
          trailingSlash: fc.boolean(),
          query: queryArbitrary,
          headers: headerArbitrary,
          body: bodyArbitrary(route, ids),
          claims: fc.oneof(
            { arbitrary: fc.constantFrom(ADMIN, dispatcherOf(HROMADA)), weight: 4 },
            { arbitrary: fc.constantFrom(...CALLERS), weight: 1 },
          ),
        })
        .map(({ params, method, trailingSlash, query, headers, body, claims }): FuzzCase => {
          let i = 0;
          const rawPath =
            route.path.replace(/\{\w+\}/g, () => params[i++] ?? '') + (trailingSlash ? '/' : '');
          return { method, rawPath, query, headers, ...body, ...(claims ? { claims } : {}) };
        });
    }),
  );
}

export function eventOf(c: FuzzCase): APIGatewayProxyEventV2 {
  const event = apiEvent(c.method, '/', undefined, c.headers, c.claims);
  event.rawPath = c.rawPath;
  event.requestContext.http.path = c.rawPath;
  event.rawQueryString = new URLSearchParams(c.query).toString();
  event.queryStringParameters = Object.keys(c.query).length ? c.query : undefined;
  if (c.body !== undefined) event.body = c.body;
  event.isBase64Encoded = c.isBase64Encoded;
  return event;
}

/** What a response must never hold: stack frames, source positions, AWS names, JS internals. */
const LEAKS = [
  /\bat (?:async )?[\w$.<>[\]]+ \(/,
  /\n\s+at /,
  /\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules|file:\/\//,
  /Exception|ResourceNotFound|ConditionalCheckFailed|TransactionCanceled|dynamodb|arn:aws|AccessDenied/i,
  /TypeError|ReferenceError|RangeError|Cannot read propert|is not a function|is not iterable|undefined is not/,
  /Maximum call stack/i,
];

/** The internal-looking text in a response body that the request did not itself contain. */
export function leakIn(body: string, request: FuzzCase): string | undefined {
  const sent = JSON.stringify(request).toLowerCase();
  for (const pattern of LEAKS) {
    const m = pattern.exec(body);
    const found = m?.[0].toLowerCase();
    if (found && !sent.includes(found) && !sent.includes(JSON.stringify(found).slice(1, -1))) return m?.[0];
  }
  return undefined;
}

export interface FuzzFinding {
  input: FuzzCase;
  status: number;
  body: string;
  leak?: string;
}

export interface FuzzReport {
  inputs: number;
  status5xx: number;
  leaks: number;
  findings: FuzzFinding[];
  statuses: Record<number, number>;
}

/** Send `count` generated requests; count 5xx answers and leaks (the first few kept whole). */
export async function runFuzz(count: number, seed: number, world?: FuzzWorld): Promise<FuzzReport> {
  const w = world ?? (await fuzzWorld());
  const report: FuzzReport = { inputs: 0, status5xx: 0, leaks: 0, findings: [], statuses: {} };
  // Generated lazily, one at a time (some inputs are hundreds of kilobytes); never shrunk.
  const property = fc.asyncProperty(caseArbitrary(w.routes, w.knownIds), async (input) => {
    report.inputs += 1;
    const res = await w.handler(eventOf(input));
    report.statuses[res.statusCode] = (report.statuses[res.statusCode] ?? 0) + 1;
    const leak = leakIn(res.body ?? '', input);
    if (res.statusCode >= 500) report.status5xx += 1;
    if (leak) report.leaks += 1;
    if ((res.statusCode >= 500 || leak) && report.findings.length < 20)
      report.findings.push({ input, status: res.statusCode, body: res.body, ...(leak ? { leak } : {}) });
  });
  await fc.assert(property, { numRuns: count, seed, endOnFailure: true });
  return report;
}
