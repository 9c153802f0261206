import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { createHromada } from '../../../shared/app/registry';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { httpHandler } from '../../../shared/http/api-handler';
import type { Route } from '../../../shared/http/route';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent } from '../../support/api-events';
import { BEREZNA, HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { dispatcherOf, OTHER } from '../../support/fuzz/api-fuzz';
import { schemaArbitrary } from '../../support/fuzz/schema-arbitrary';
import { bookingOf, hromadaOf } from '../../support/inputs';

/**
 * Tenant and role isolation, generated from the route table (a new route is covered without
 * editing this file). Hromada A is `khm` (a village, a resident, a booked request), B is
 * `pokrovska`. Every non-public route is called on A's data, with a well-formed body, by callers
 * who must be refused: B's dispatcher, callers without claims, with a malformed
 * `custom:hromada_id`, or with groups the API does not know. Each gets 403 (the router checks
 * access before anything is read, so a refused caller never learns whether A's item exists;
 * no route needs a 404 instead) and nothing stored changes. Admin-only routes also refuse A's
 * own dispatcher. B's dispatcher on B's own path, with A's ids, reads and changes nothing of A.
 */
const A = HROMADA;
const B = OTHER;
const TUESDAY = '2026-11-24';

type Claims = Record<string, unknown> | undefined;

/** Callers every non-public route refuses on A's data. */
const REFUSED: [string, Claims][] = [
  ["B's dispatcher", dispatcherOf(B)],
  ['no authorizer (no claims)', undefined],
  ['claims without a subject', { 'cognito:groups': '[admins]', 'custom:hromada_id': A }],
  ['a dispatcher without custom:hromada_id', { sub: 'd1', 'cognito:groups': '[dispatchers]' }],
  ['custom:hromada_id empty', { ...dispatcherOf(A), 'custom:hromada_id': '' }],
  ['custom:hromada_id with a leading space', { ...dispatcherOf(A), 'custom:hromada_id': ` ${A}` }],
  ['custom:hromada_id with a trailing space', { ...dispatcherOf(A), 'custom:hromada_id': `${A} ` }],
  ['custom:hromada_id in upper case', { ...dispatcherOf(A), 'custom:hromada_id': A.toUpperCase() }],
  ['custom:hromada_id in Cyrillic look-alikes', { ...dispatcherOf(A), 'custom:hromada_id': 'кhм' }],
  ['custom:hromada_id naming two hromady', { ...dispatcherOf(A), 'custom:hromada_id': `${A},${B}` }],
  ['custom:hromada_id not a string', { ...dispatcherOf(A), 'custom:hromada_id': [A] }],
  ['group drivers', { ...dispatcherOf(A), 'cognito:groups': '[drivers]' }],
  ["group 'admins ' (trailing space)", { sub: 'x', 'cognito:groups': ['admins '] }],
  ['group ADMINS', { sub: 'x', 'cognito:groups': '[ADMINS]' }],
  ['group Dispatchers', { ...dispatcherOf(A), 'cognito:groups': '[Dispatchers]' }],
  ['no groups', { ...dispatcherOf(A), 'cognito:groups': '[]' }],
  ['groups not a string or a list', { ...dispatcherOf(A), 'cognito:groups': { admins: true } }],
];

const { ports, entities } = memoryPorts();
const routes = apiRoutes(ports);
const handler = httpHandler(new Router(routes));
const guarded = routes.filter((r) => (r.access ?? 'hromada') !== 'public');
const adminOnly = guarded.filter((r) => r.access === 'admin');
const scoped = guarded.filter((r) => (r.access ?? 'hromada') === 'hromada');
/** A hromada's own admins (regional tours' agreements): A's dispatchers are refused too. */
const hromadaAdminOnly = guarded.filter((r) => r.access === 'hromada-admin');
/** A provider's routes (`/providers/{providerId}/…`): only its own dispatchers and brigade. */
const providerScoped = guarded.filter((r) => r.access === 'provider');
const PROVIDER_A = 'prov-a';
const providerReader = (providerId: string) => ({ ...dispatcherOf(A), 'custom:provider_id': providerId });
/** Ids of A's items, by the path segment before `{id}`. */
const idsOfA: Record<string, string> = { settlements: BEREZNA };
/** Text of A that B must never read. */
let secretsOfA: string[] = [];

beforeAll(async () => {
  const resident = await seedBasics(ports);
  const request = await bookServiceRequest(ports, A, bookingOf(taxiRequest(resident.id, TUESDAY)), 'test');
  await createHromada(ports, hromadaOf({ id: B, name: 'Покровська громада' }), 'test');
  idsOfA.residents = resident.id;
  idsOfA.requests = request.id;
  secretsOfA = [resident.id, request.id, 'Ганна Шевчук', 'Березна', 'Шевченка', '380671234567'];
});

function pathOf(route: Route, hromadaId: string): string {
  const plural = route.path.split('/')[3] ?? '';
  return route.path
    .replace('{hromadaId}', hromadaId)
    .replace('{providerId}', PROVIDER_A)
    .replace('{id}', idsOfA[plural] ?? 'id000001')
    .replace('{date}', TUESDAY)
    .replace('{kind}', 'residents')
    .replace('{report}', 'trips');
}

/** A well-formed body of the route's schema (fixed seed), so only access can stop the call. */
function bodyOf(route: Route): unknown {
  if (!route.body) return undefined;
  const ids = [A, BEREZNA, ...Object.values(idsOfA)];
  return fc.sample(schemaArbitrary(route.body.schema, ids), { numRuns: 1, seed: 13 })[0];
}

function eventFor(route: Route, hromadaId: string, claims: Claims): APIGatewayProxyEventV2 {
  const query = '?version=1&date=2026-11-24&phone=0671234567&limit=5&from=2026-11-24&to=2026-11-24';
  const headers = {
    'content-type': 'application/json',
    'idempotency-key': `isolation-${route.method}-${route.path}`,
  };
  return apiEvent(
    route.method,
    pathOf(route, hromadaId) + query,
    bodyOf(route),
    headers,
    claims as Record<string, string>,
  );
}

/** The answer, and which of A's texts it shows that the request did not itself send. */
async function call(event: APIGatewayProxyEventV2) {
  const res = (await handler(event, lambdaContext('api'))) as { statusCode: number; body: string };
  const body = res.body ?? '';
  const sent = JSON.stringify(event);
  return {
    status: res.statusCode,
    body,
    shown: secretsOfA.filter((s) => body.includes(s) && !sent.includes(s)),
  };
}

/** Everything the memory repository holds, as one comparable string. */
function stored(onlyOf?: string): string {
  const parts: unknown[] = [];
  for (const [name, value] of Object.entries(entities)) {
    const rows = value instanceof Map ? [...value.entries()] : Array.isArray(value) ? value : undefined;
    if (!rows) continue;
    const kept = onlyOf
      ? rows.filter(
          (r) => JSON.stringify(r).includes(`"${onlyOf}"`) || JSON.stringify(r).includes(`|${onlyOf}|`),
        )
      : rows;
    parts.push([name, kept]);
  }
  return JSON.stringify(parts);
}

const label = (r: Route) => `${r.method} ${r.path}`;
const refusals = guarded.flatMap((route) => REFUSED.map(([who, claims]) => ({ route, who, claims })));
const adminRefusals = [
  ...[...adminOnly, ...hromadaAdminOnly].map((route) => ({
    route,
    who: "A's own dispatcher",
    claims: dispatcherOf(A) as Claims,
  })),
  ...providerScoped.flatMap((route) => [
    { route, who: "A's dispatcher without the provider", claims: dispatcherOf(A) as Claims },
    { route, who: "another provider's dispatcher", claims: providerReader('prov-b') as Claims },
    { route, who: "the provider's id in upper case", claims: providerReader('PROV-A') as Claims },
  ]),
];

describe('the cases come from the route table', () => {
  it('covers every non-public route with every refused caller, and the admin routes with dispatchers', () => {
    expect(guarded.length).toBeGreaterThan(40);
    expect(refusals.length).toBe(guarded.length * REFUSED.length);
    expect(adminRefusals.length).toBe(adminOnly.length + hromadaAdminOnly.length + 3 * providerScoped.length);
    expect(scoped.length + adminOnly.length + hromadaAdminOnly.length + providerScoped.length).toBe(
      guarded.length,
    );
  });

  it('every hromada route names its hromada in the path (else no dispatcher could use it)', () => {
    expect(scoped.filter((r) => !r.path.startsWith('/hromady/{hromadaId}')).map(label)).toEqual([]);
  });
});

describe.each([...refusals, ...adminRefusals])('$route.method $route.path by $who', ({ route, claims }) => {
  it('is refused with 403 and changes nothing', async () => {
    const before = stored();
    const res = await call(eventFor(route, A, claims));
    expect(res.status).toBe(403);
    expect(res.shown).toEqual([]);
    expect(stored()).toBe(before);
  });
});

describe.each(scoped.map((route) => ({ route })))(
  "$route.method $route.path by B's dispatcher on B's path with A's ids",
  ({ route }) => {
    it("reads and changes nothing of A's", async () => {
      const before = stored(A);
      const res = await call(eventFor(route, B, dispatcherOf(B)));
      expect(res.status).toBeLessThan(500);
      if (route.method === 'GET' && route.path.includes('{id}')) expect(res.status).toBe(404);
      expect(res.shown).toEqual([]);
      expect(stored(A)).toBe(before);
    });
  },
);

describe.each(scoped.map((route) => ({ route })))(
  "$route.method $route.path by A's dispatcher (control)",
  ({ route }) => {
    it('is not refused: the refusals above are about the caller, not the request', async () => {
      expect((await call(eventFor(route, A, dispatcherOf(A)))).status).not.toBe(403);
    });
  },
);

describe.each(adminOnly.map((route) => ({ route })))(
  '$route.method $route.path by an admin (control)',
  ({ route }) => {
    it('is not refused', async () => {
      expect((await call(eventFor(route, A, ADMIN))).status).not.toBe(403);
    });
  },
);

describe.each(providerScoped.map((route) => ({ route })))(
  "$route.method $route.path by the provider's own dispatcher (control)",
  ({ route }) => {
    it('is not refused', async () => {
      expect((await call(eventFor(route, A, providerReader(PROVIDER_A)))).status).not.toBe(403);
    });
  },
);

describe.each(hromadaAdminOnly.map((route) => ({ route })))(
  "$route.method $route.path by A's own hromada admin (control)",
  ({ route }) => {
    it('is not refused', async () => {
      const claims = { ...dispatcherOf(A), 'cognito:groups': '[hromada-admins]' };
      expect((await call(eventFor(route, A, claims))).status).not.toBe(403);
    });
  },
);
