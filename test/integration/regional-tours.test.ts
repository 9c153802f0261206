/**
 * Regional tours through the API on DynamoDB Local: each hromada's admin records its consent, the
 * hromady's dispatchers book visits, the provider's dispatcher plans a 5-day tour across them, and
 * a dispatcher of one hromada cannot read another hromada's visits on it — neither through its own
 * hromada's view of the tour (others are a bare «візит в іншій громаді» with times), nor through
 * the other hromada's or the provider's paths (403).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-context';
import { registerPlanJobHandler } from '../../shared/adapters/plan-jobs/background-plan-job-runner';
import { createTourJob } from '../../shared/app/tours/tour-job';
import { tourCreateSchema } from '../../shared/domain/entities/tour';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { apiOnFreshTable, type Call } from './api-client';
import { FixedClock, portsFor } from './support';

const HOME = 'vinnytska';
const A = 'hromada-a';
const B = 'hromada-b';
const P = 'ocss';
const DAYS = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'];
const dispatcherOf = (hromadaId: string, providerId?: string) => ({
  sub: `d-${hromadaId}-${providerId ?? 'none'}`,
  'cognito:groups': '[dispatchers]',
  'custom:hromada_id': hromadaId,
  ...(providerId ? { 'custom:provider_id': providerId } : {}),
});
const hromadaAdminOf = (hromadaId: string) => ({
  sub: `admin-${hromadaId}`,
  'cognito:groups': '[hromada-admins]',
  'custom:hromada_id': hromadaId,
});
const PROVIDER_DISPATCHER = dispatcherOf(HOME, P);
// biome-ignore lint/suspicious/noExplicitAny: the tour request, sent again by the later tests
let tourBody: any;

let call: Call;
let table: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];
let tourId: string;
const post = (path: string, body: unknown, claims: Record<string, string>) =>
  call(apiEvent('POST', path, body, JSON_HEADERS, claims));
const get = (path: string, claims: Record<string, string>) =>
  call(apiEvent('GET', path, undefined, JSON_HEADERS, claims));

async function hromadaWithVillage(id: string, village: string, location: { lat: number; lon: number }) {
  expect((await post('/hromady', { id, name: `${village} громада` }, ADMIN)).status).toBe(201);
  const settlement = { id: `${id}-centre`, name: village, type: 'село', location };
  expect((await post(`/hromady/${id}/settlements`, settlement, ADMIN)).status).toBe(201);
}

const agreement = {
  providerId: P,
  providerHromadaId: HOME,
  services: ['mobile-brigade'],
  consent: { by: 'Голова громади', on: '2027-02-01', document: '№ 7' },
  validFrom: '2027-02-01',
  validTo: '2027-04-30',
};

function visit(hromadaId: string, day: number, from: string, address: string) {
  return {
    providerId: P,
    settlementId: `${hromadaId}-centre`,
    address,
    date: DAYS[day],
    from,
    to: '17:00',
    durationMinutes: 45,
    purpose: 'оцінка потреб',
  };
}

beforeAll(async () => {
  ({ call, table } = await apiOnFreshTable('tours'));
  await hromadaWithVillage(HOME, 'Вінниця', { lat: 49.2320162, lon: 28.467975 });
  await hromadaWithVillage(A, 'Березна', { lat: 49.56085, lon: 27.84392 });
  await hromadaWithVillage(B, 'Турбів', { lat: 49.339939, lon: 28.7260729 });
  const provider = {
    id: P,
    name: 'Обласний ЦСС',
    kind: 'social-services-centre',
    services: ['mobile-brigade'],
  };
  expect((await post(`/hromady/${HOME}/providers`, provider, ADMIN)).status).toBe(201);
  for (const h of [A, B])
    expect((await post(`/hromady/${h}/service-agreements`, agreement, hromadaAdminOf(h))).status).toBe(201);
  for (const [h, day, from, address] of [
    [A, 1, '09:00', 'с. Березна, вул. Садова, 3'],
    [A, 2, '10:00', 'с. Березна, вул. Лісова, 8'],
    [B, 0, '10:00', 'Турбів, вул. Таємна, 13'],
    [B, 4, '09:00', 'Турбів, вул. Прихована, 21'],
  ] as const)
    expect(
      (await post(`/hromady/${h}/tour-visits`, visit(h, day, from, address), dispatcherOf(h))).status,
    ).toBe(201);
  const place = (id: string, name: string, lat: number, lon: number) => ({
    id,
    name,
    location: { lat, lon },
  });
  const tour = {
    providerHromadaId: HOME,
    name: 'Тиждень бригади',
    vehicle: { name: 'Бригада ОЦСС' },
    depot: place('depot', 'ОЦСС', 49.2320162, 28.467975),
    overnightPlaces: [
      place('a-night', 'Березна', 49.56085, 27.84392),
      place('b-night', 'Турбів', 49.339939, 28.7260729),
    ],
    days: DAYS.map((date) => ({ date, start: '08:00', end: '18:00' })),
    seconds: 1,
  };
  tourBody = tour;
  const job = await planTourAndWait(tour);
  expect(job.state).toBe('done');
  tourId = job.tourId;
  const planned = await get(`/providers/${P}/tours/${tourId}`, PROVIDER_DISPATCHER);
  expect(planned.body.unassigned).toEqual([]);
}, 120_000);

/** Plans a tour as the console does: the job (202 and its Location), polled until it ends. */
// biome-ignore lint/suspicious/noExplicitAny: the job's JSON
async function planTourAndWait(tour: unknown): Promise<any> {
  const started = await post(`/providers/${P}/tours`, tour, PROVIDER_DISPATCHER);
  expect(started.status).toBe(202);
  expect(started.headers.location).toBe(`/providers/${P}/tour-jobs/${started.body.id}`);
  expect(started.body).toMatchObject({ state: 'queued', providerId: P, from: DAYS[0], to: DAYS[4] });
  for (let polls = 0; polls < 3000; polls++) {
    const job = await get(String(started.headers.location), PROVIDER_DISPATCHER);
    expect(job.status).toBe(200);
    if (job.body.state === 'done' || job.body.state === 'failed') return job.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`tour job ${started.body.id} did not end`);
}

describe('agreements', () => {
  it("only the hromada's own admin records its consent; its dispatcher cannot", async () => {
    const again = { ...agreement, providerId: 'other' };
    expect((await post(`/hromady/${A}/service-agreements`, again, dispatcherOf(A))).status).toBe(403);
    expect((await post(`/hromady/${A}/service-agreements`, again, hromadaAdminOf(B))).status).toBe(403);
  });

  it('no visit without consent on its date, refused in Ukrainian', async () => {
    const res = await post(
      `/hromady/${A}/tour-visits`,
      { ...visit(A, 0, '09:00', 'с. Березна, 1'), date: '2027-06-01' },
      dispatcherOf(A),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('tour-no-consent');
    expect(res.body.error.reason).toMatch(/згоди/);
  });
});

describe("a dispatcher of one hromada cannot read another's visits on the tour", () => {
  it("A's view of the tour holds A's visits in full and B's as a bare time", async () => {
    const res = await get(`/hromady/${A}/tours/${tourId}`, dispatcherOf(A));
    expect(res.status).toBe(200);
    const stops = res.body.days.flatMap((d: { stops: unknown[] }) => d.stops);
    expect(stops.filter((s: { kind: string }) => s.kind === 'visit')).toHaveLength(2);
    const others = stops.filter((s: { kind: string }) => s.kind === 'other-hromada');
    expect(others).toHaveLength(2);
    for (const s of others) expect(Object.keys(s).sort()).toEqual(['arrival', 'departure', 'kind', 'label']);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/Таємна|Прихована|Турбів, вул|hromada-b/);
  });

  it("A's dispatcher is refused B's view, B's visits and the provider's tour", async () => {
    expect((await get(`/hromady/${B}/tours/${tourId}`, dispatcherOf(A))).status).toBe(403);
    expect(
      (await get(`/hromady/${B}/tour-visits?from=${DAYS[0]}&to=${DAYS[4]}`, dispatcherOf(A))).status,
    ).toBe(403);
    expect((await get(`/providers/${P}/tours/${tourId}`, dispatcherOf(A))).status).toBe(403);
    expect((await get(`/providers/${P}/tours/${tourId}`, dispatcherOf(A, 'another'))).status).toBe(403);
  });

  it("A's own visit list holds its visits with their place on the tour, nothing of B's", async () => {
    const res = await get(`/hromady/${A}/tour-visits?from=${DAYS[0]}&to=${DAYS[4]}`, dispatcherOf(A));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    for (const v of res.body.items) expect(v.planned.tourId).toBe(tourId);
    expect(JSON.stringify(res.body)).not.toMatch(/Таємна|Прихована/);
  });

  it("the provider's dispatcher reads the whole tour, every visit in clear", async () => {
    const res = await get(`/providers/${P}/tours/${tourId}`, PROVIDER_DISPATCHER);
    expect(res.status).toBe(200);
    const stops = res.body.days.flatMap((d: { stops: unknown[] }) => d.stops);
    expect(stops).toHaveLength(4);
    expect(JSON.stringify(res.body)).toMatch(/Таємна/);
    expect(res.body.days[0].from).toBe('depot');
    expect(res.body.days[4].to).toBe('depot');
  });
});

describe('a tour job on DynamoDB', () => {
  it('ended done with the tour id and its progress; the tour it names is readable', async () => {
    const tours = await table.entities.tours.ofProvider(P);
    expect(tours.map((t) => t.id)).toEqual([tourId]);
    const tour = await get(`/providers/${P}/tours/${tourId}`, PROVIDER_DISPATCHER);
    expect(tour.body.days.flatMap((d: { stops: unknown[] }) => d.stops)).toHaveLength(4);
  });

  it('two jobs over overlapping dates raced: one is created, the other refused with 409 in Ukrainian', async () => {
    const ports = portsFor(table, new FixedClock(new Date()));
    const april = (dates: string[]) =>
      tourCreateSchema.parse({
        ...tourBody,
        days: dates.map((date) => ({ date, start: '08:00', end: '18:00' })),
      });
    const raced = await Promise.allSettled([
      createTourJob(ports, P, april(['2027-04-05', '2027-04-06']), 'p-1'),
      createTourJob(ports, P, april(['2027-04-06', '2027-04-07']), 'p-2'),
    ]);
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = raced.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: 'tour-job-running',
      reason: expect.stringMatching(/уже планується/),
    });
    // other dates are free
    const other = await createTourJob(ports, P, april(['2027-04-12']), 'p-3');
    expect(other.state).toBe('queued');
  });
});

describe('cancel and withdraw', () => {
  const visitsOf = async (h: string) =>
    (await get(`/hromady/${h}/tour-visits?from=${DAYS[0]}&to=${DAYS[4]}`, dispatcherOf(h))).body
      .items as Array<{
      id: string;
      date: string;
      version: number;
      planned?: { tourId: string };
    }>;
  const reasonsOf = (body: { unassigned: Array<{ visitId: string; reason: string }> }) =>
    Object.fromEntries(body.unassigned.map((u) => [u.visitId, u.reason]));

  it("B cancels its visit: the tour's stop leaves, and the provider and B both see it unassigned", async () => {
    const visit = (await visitsOf(B)).find((v) => v.date === DAYS[4])!;
    const other = await post(
      `/hromady/${B}/tour-visits/${visit.id}/cancel`,
      { version: visit.version },
      dispatcherOf(A),
    );
    expect(other.status).toBe(403);
    const stale = await post(`/hromady/${B}/tour-visits/${visit.id}/cancel`, { version: 1 }, dispatcherOf(B));
    expect(stale.status).toBe(409);
    expect(stale.body.error.reason).toMatch(/Візит змінився/);
    const res = await post(
      `/hromady/${B}/tour-visits/${visit.id}/cancel`,
      { version: visit.version },
      dispatcherOf(B),
    );
    expect(res.status).toBe(200);
    expect(res.body.planned).toBeUndefined();
    const whole = (await get(`/providers/${P}/tours/${tourId}`, PROVIDER_DISPATCHER)).body;
    expect(whole.days.flatMap((d: { stops: unknown[] }) => d.stops)).toHaveLength(3);
    expect(reasonsOf(whole)[visit.id]).toBe('візит скасувала громада');
    const own = (await get(`/hromady/${B}/tours/${tourId}`, dispatcherOf(B))).body;
    expect(reasonsOf(own)[visit.id]).toBe('візит скасувала громада');
  });

  it("A's admin withdraws consent from the third day: A's visit on it leaves the tour; its dispatcher may not", async () => {
    const path = `/hromady/${A}/service-agreements/${P}/withdraw`;
    expect((await post(path, { version: 1, from: DAYS[2] }, dispatcherOf(A))).status).toBe(403);
    const res = await post(path, { version: 1, from: DAYS[2] }, hromadaAdminOf(A));
    expect(res.status).toBe(200);
    expect(res.body.withdrawn.from).toBe(DAYS[2]);
    const visits = await visitsOf(A);
    expect(visits.find((v) => v.date === DAYS[1])?.planned?.tourId).toBe(tourId);
    expect(visits.find((v) => v.date === DAYS[2])?.planned).toBeUndefined();
    const again = await post(path, { version: 2 }, hromadaAdminOf(A));
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toMatch(/вже відкликано/);
    const audit = await table.entities.audit.list(A);
    expect(audit.items.some((e) => e.action === 'withdraw' && e.itemType === 'ServiceAgreement')).toBe(true);
  });

  it('the provider cancels the tour: its visits go back to unplanned and a new tour job takes them', async () => {
    const tour = (await get(`/providers/${P}/tours/${tourId}`, PROVIDER_DISPATCHER)).body;
    const res = await post(
      `/providers/${P}/tours/${tourId}/cancel`,
      { version: tour.version },
      PROVIDER_DISPATCHER,
    );
    expect(res.status).toBe(200);
    expect(res.body.cancelled).toBeDefined();
    const twice = await post(
      `/providers/${P}/tours/${tourId}/cancel`,
      { version: tour.version + 1 },
      PROVIDER_DISPATCHER,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.reason).toBe('Тур уже скасовано.');
    for (const h of [A, B]) {
      for (const v of await visitsOf(h)) expect(v.planned).toBeUndefined();
      const audit = await table.entities.audit.list(h);
      expect(audit.items.some((e) => e.action === 'cancel' && e.itemId === tourId)).toBe(true);
    }
    const job = await planTourAndWait(tourBody);
    expect(job.state).toBe('done');
    const next = (await get(`/providers/${P}/tours/${job.tourId}`, PROVIDER_DISPATCHER)).body;
    expect(next.days.flatMap((d: { stops: unknown[] }) => d.stops)).toHaveLength(2);
    expect(Object.values(reasonsOf(next))).toEqual(['немає згоди громади на цю дату']);
  });
});

describe('the transaction items the tours rely on, on DynamoDB', () => {
  it('a condition check on an agreement: the change set fails at another version and writes nothing', async () => {
    const a = (await table.entities.tours.agreement(A, P))!;
    const AT = '2027-02-01T08:00:00.000Z';
    const guard = { id: 'g-check', hromadaId: HOME, running: [], version: 1, createdAt: AT, updatedAt: AT };
    const check = (expectedVersion: number) =>
      ({ op: 'check', entity: 'ServiceAgreement', hromadaId: A, id: P, expectedVersion }) as const;
    await expect(
      table.entities.commit([check(a.version - 1), { op: 'create', entity: 'TourJobGuard', item: guard }]),
    ).rejects.toMatchObject({ kind: 'conflict', currentVersion: a.version });
    expect(await table.entities.tours.jobGuard('g-check')).toBeUndefined();
    await table.entities.commit([check(a.version), { op: 'create', entity: 'TourJobGuard', item: guard }]);
    expect((await table.entities.tours.jobGuard('g-check'))?.version).toBe(1);
  });

  it('a job that could not be started forgets its Idempotency-Key: the retry with the key runs again', async () => {
    const plan = await import('../../functions/plan/handler');
    const headers = { ...JSON_HEADERS, 'idempotency-key': 'k-tour-not-started' };
    // dates no other job of this file holds
    const body = { ...tourBody, days: [{ date: '2027-05-03', start: '08:00', end: '18:00' }] };
    registerPlanJobHandler(undefined); // the invoke is refused
    const first = await call(apiEvent('POST', `/providers/${P}/tours`, body, headers, PROVIDER_DISPATCHER));
    registerPlanJobHandler((event) => plan.handler(event, lambdaContext('plan')));
    expect(first.status).toBeGreaterThanOrEqual(500);
    const retry = await call(apiEvent('POST', `/providers/${P}/tours`, body, headers, PROVIDER_DISPATCHER));
    expect(retry.status).toBe(202);
  });
});
