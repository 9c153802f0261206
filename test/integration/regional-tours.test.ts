/**
 * Regional tours through the API on DynamoDB Local: each hromada's admin records its consent, the
 * hromady's dispatchers book visits, the provider's dispatcher plans a 5-day tour across them, and
 * a dispatcher of one hromada cannot read another hromada's visits on it — neither through its own
 * hromada's view of the tour (others are a bare «візит в іншій громаді» with times), nor through
 * the other hromada's or the provider's paths (403).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { apiOnFreshTable, type Call } from './api-client';

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

let call: Call;
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
  ({ call } = await apiOnFreshTable('tours'));
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
  const planned = await post(`/providers/${P}/tours`, tour, PROVIDER_DISPATCHER);
  expect(planned.status).toBe(201);
  expect(planned.body.unassigned).toEqual([]);
  tourId = planned.body.id;
}, 120_000);

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
