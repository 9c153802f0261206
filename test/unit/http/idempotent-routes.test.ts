import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { startAirRaidByDispatcher } from '../../../shared/app/air-raid/air-raids';
import { listAlerts } from '../../../shared/app/alerts/alerts';
import { listFollowUps } from '../../../shared/app/deliveries/follow-ups';
import { recordWelfare } from '../../../shared/app/deliveries/record-welfare';
import { bookCaseSlot } from '../../../shared/app/mobile-case/book-case-slot';
import { createCaseStop } from '../../../shared/app/mobile-case/case-stops';
import { planDay } from '../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../shared/app/planning/publish-plan';
import { createEntity, createHromada } from '../../../shared/app/registry';
import { createStandingOrder } from '../../../shared/app/standing-orders/standing-orders';
import { createServiceAgreement } from '../../../shared/app/tours/agreements';
import { planTour } from '../../../shared/app/tours/plan-tour';
import { createTourVisit } from '../../../shared/app/tours/tour-visits';
import { createZones } from '../../../shared/app/zones/danger-zones';
import { zoneUploadSchema } from '../../../shared/domain/entities/danger-zone';
import { standingOrderCreateSchema } from '../../../shared/domain/entities/standing-order';
import { tourCreateSchema } from '../../../shared/domain/entities/tour';
import { tourVisitCreateSchema } from '../../../shared/domain/entities/tour-visit';
import { registryKinds } from '../../../shared/domain/registry';
import { httpHandler } from '../../../shared/http/api-handler';
import type { Route } from '../../../shared/http/route';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent } from '../../support/api-events';
import { CASE_VAN, stopFields } from '../../support/case-world';
import {
  BEREZNA,
  GARAGE,
  HROMADA,
  type RecordingPlanJobRunner,
  TAXI,
  taxiRequest,
} from '../../support/fixtures';
import { setHromadaAreas } from '../../support/hromada-areas';
import { fieldsOf, hromadaOf } from '../../support/inputs';
import { deliveryDay } from '../app/deliveries/delivery-day';
import { ENGINE, TUESDAY } from '../app/planning/demo-day';
import { HOSPITAL } from '../app/taxi/support';

/**
 * Idempotency-Key on every POST that creates or sends something, generated from the route table:
 * a POST route that does not declare the header fails here unless it is in NOT_IDEMPOTENT with
 * its reason, and every POST that declares it has a scenario (a world where its first call
 * succeeds). Each scenario is sent twice with the same key: the retry gets the first answer
 * (status and body, `idempotent-replayed: true`) and changes nothing stored (items, audit entries,
 * SMS in the outbox, key records) and starts no second plan job; the same key on another request
 * (another path or body) is a 422 `idempotency-key-reused` that changes nothing either.
 */

/** POST routes that need no key, each with its reason. None today. */
const NOT_IDEMPOTENT: Record<string, string> = {};

type World = Awaited<ReturnType<typeof world>>;
interface Call {
  path: string;
  body?: unknown;
}
/** The first call (it must succeed), and another request to send with the same key. */
type Scenario = (w: World) => Promise<{ call: Call; other: Call }>;

const H = `/hromady/${HROMADA}`;
/** The same request on another id or date of the path (the body as it was). */
const otherPath = (call: Call, from: string, to: string): Call => ({
  ...call,
  path: call.path.replace(from, to),
});

async function world() {
  const d = await deliveryDay();
  const { ports } = d;
  const handler = httpHandler(new Router(apiRoutes(ports)));
  const send = async (method: string, call: Call, key?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers['idempotency-key'] = key;
    const event: APIGatewayProxyEventV2 = apiEvent(method, call.path, call.body, headers, ADMIN);
    const res = (await handler(event, lambdaContext('api'))) as {
      statusCode: number;
      body: string;
      headers?: Record<string, unknown>;
    };
    return res;
  };
  const plan = () => planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
  const place = () =>
    createEntity(ports, registryKinds.places, HROMADA, fieldsOf(registryKinds.places, HOSPITAL), 'test');
  const caseVan = () =>
    createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, {
        ...CASE_VAN,
        depotId: GARAGE.id,
        shifts: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }],
      }),
      'test',
    );
  /** A delivery on the road with a welfare outcome: its follow-up and its alert are open. */
  const welfare = async () => {
    const request = await d.deliver();
    await d.onTheRoad(request);
    const current = await d.current(request.id);
    const input = {
      hromadaId: HROMADA,
      requestId: request.id,
      version: current.version,
      outcome: 'needs-help' as const,
      by: 'dispatcher' as const,
    };
    return recordWelfare(ports, input, 'd');
  };
  return { ...d, send, plan, place, caseVan, welfare };
}

/** A zone around a field north of Березна (GeoJSON, [lon, lat]). */
const zoneFeature = (name: string) => ({
  type: 'Feature',
  properties: { name, kind: 'danger-zone' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [27.9, 49.62],
        [27.92, 49.62],
        [27.92, 49.64],
        [27.9, 49.62],
      ],
    ],
  },
});

/** The test hromada and another one in the same oblast. */
async function oblastNeighbours(w: World) {
  const oblastId = 'UA05000000000010236';
  await setHromadaAreas(w.ports, HROMADA, { oblastId });
  await createHromada(
    w.ports,
    hromadaOf({ id: 'sokolivska', name: 'Соколівська громада', oblastId }),
    'test',
  );
}

/** A regional centre registered in the test hromada, and its agreement with that hromada. */
async function regionalCentre(w: World, agreement = true) {
  await createEntity(
    w.ports,
    registryKinds.providers,
    HROMADA,
    fieldsOf(registryKinds.providers, {
      id: 'ocss',
      name: 'Обласний центр соціальних служб',
      kind: 'social-services-centre',
      services: ['mobile-brigade'],
    }),
    'test',
  );
  const fields = {
    providerId: 'ocss',
    providerHromadaId: HROMADA,
    services: ['mobile-brigade' as const],
    consent: { by: 'Н. Коваль, міський голова', on: '2026-01-05' },
    validFrom: '2026-01-05',
    validTo: '2027-12-31',
  };
  if (agreement) await createServiceAgreement(w.ports, HROMADA, fields, 'admin');
  return fields;
}

const tourVisit = (from: string) => ({
  providerId: 'ocss',
  settlementId: BEREZNA,
  date: TUESDAY,
  from,
  to: '13:00',
  durationMinutes: 45,
  purpose: 'оцінка потреб',
});

/** A one-day tour of the regional centre on TUESDAY. */
const tourBody = () => {
  const place = { id: 'garage', name: 'Гараж', location: GARAGE.location };
  return {
    providerHromadaId: HROMADA,
    name: 'Тур на вівторок',
    vehicle: { name: 'Бригада 1' },
    depot: place,
    overnightPlaces: [{ ...place, id: 'hostel', name: 'Гуртожиток' }],
    days: [{ date: TUESDAY, start: '08:00', end: '17:00' }],
    seconds: 1,
  };
};

/** The regional centre's tour with one visit planned on it. */
async function plannedTour(w: World) {
  await regionalCentre(w);
  await createTourVisit(w.ports, HROMADA, tourVisitCreateSchema.parse(tourVisit('09:00')), 'd');
  return planTour(w.ports, 'ocss', tourCreateSchema.parse(tourBody()), 'd', { maxIterations: 20 });
}

const SCENARIOS: Record<string, Scenario> = {
  'POST /hromady/{hromadaId}/danger-zones': async () => {
    const call = { path: `${H}/danger-zones`, body: zoneFeature('Поле за Березною') };
    return { call, other: { ...call, body: zoneFeature('Міст') } };
  },
  'POST /hromady/{hromadaId}/danger-zones/{id}/deactivate': async (w) => {
    const upload = zoneUploadSchema.parse(zoneFeature('Поле за Березною'));
    const [zone] = await createZones(w.ports, HROMADA, upload, 'd');
    const call = { path: `${H}/danger-zones/${zone!.id}/deactivate`, body: { version: zone!.version } };
    return { call, other: { ...call, body: { version: zone!.version + 1 } } };
  },
  'POST /hromady/{hromadaId}/service-agreements': async (w) => {
    const body = await regionalCentre(w, false);
    const call = { path: `${H}/service-agreements`, body };
    return { call, other: { ...call, body: { ...body, validTo: '2027-06-30' } } };
  },
  'POST /hromady/{hromadaId}/tour-visits': async (w) => {
    await regionalCentre(w);
    const call = { path: `${H}/tour-visits`, body: tourVisit('09:00') };
    return { call, other: { ...call, body: tourVisit('10:00') } };
  },
  'POST /providers/{providerId}/tours': async (w) => {
    await regionalCentre(w);
    await createTourVisit(w.ports, HROMADA, tourVisitCreateSchema.parse(tourVisit('09:00')), 'd');
    const body = tourBody();
    const call = { path: '/providers/ocss/tours', body };
    return { call, other: { ...call, body: { ...body, name: 'Інший тур' } } };
  },
  'POST /providers/{providerId}/tours/{id}/cancel': async (w) => {
    const tour = await plannedTour(w);
    const call = { path: `/providers/ocss/tours/${tour.id}/cancel`, body: { version: tour.version } };
    return { call, other: { ...call, body: { version: tour.version, reason: 'машина в ремонті' } } };
  },
  'POST /hromady/{hromadaId}/tour-visits/{id}/cancel': async (w) => {
    const tour = await plannedTour(w);
    const visitId = tour.days[0]!.stops[0]!.visitId;
    const call = { path: `${H}/tour-visits/${visitId}/cancel`, body: { version: 2 } };
    return { call, other: { ...call, body: { version: 2, reason: 'мешканець у лікарні' } } };
  },
  'POST /hromady/{hromadaId}/service-agreements/{providerId}/withdraw': async (w) => {
    await plannedTour(w);
    const call = { path: `${H}/service-agreements/ocss/withdraw`, body: { version: 1 } };
    return { call, other: { ...call, body: { version: 1, reason: 'рішення сесії' } } };
  },
  'POST /hromady/{hromadaId}/air-raids': async (w) => {
    // an oblast alert that reaches another hromada: a retry starts it nowhere twice
    await oblastNeighbours(w);
    const call = { path: `${H}/air-raids`, body: { level: 'oblast' } };
    return { call, other: { ...call, body: {} } };
  },
  'POST /hromady/{hromadaId}/air-raids/end': async (w) => {
    await startAirRaidByDispatcher(w.ports, HROMADA, 'hromada', 'd');
    const call = { path: `${H}/air-raids/end` };
    return { call, other: { path: `${H}/air-raids`, body: {} } };
  },
  'POST /hromady': async () => {
    const call = { path: '/hromady', body: { id: 'pokrovska', name: 'Покровська громада' } };
    return { call, other: { path: '/hromady', body: { id: 'pokrovska2', name: 'Покровська громада' } } };
  },
  'POST /hromady/{hromadaId}/settlements': async () => {
    const body = { name: 'Курилівка', type: 'село', location: { lat: 49.6, lon: 27.8 } };
    const call = { path: `${H}/settlements`, body };
    return { call, other: { ...call, body: { ...body, name: 'Соколова' } } };
  },
  'POST /hromady/{hromadaId}/depots': async () => {
    const call = { path: `${H}/depots`, body: { ...GARAGE, id: 'depot2' } };
    return { call, other: { ...call, body: { ...GARAGE, id: 'depot3' } } };
  },
  'POST /hromady/{hromadaId}/providers': async () => {
    const body = { name: 'ЦНСП', kind: 'social-services-centre', services: ['mobile-brigade'] };
    const call = { path: `${H}/providers`, body };
    return { call, other: { ...call, body: { ...body, name: 'ЦНСП 2' } } };
  },
  'POST /hromady/{hromadaId}/vehicles': async () => {
    const shifts = [{ days: [1], start: '08:00', end: '17:00' }];
    const body = { ...TAXI, id: 'taxi2', depotId: GARAGE.id, shifts };
    const call = { path: `${H}/vehicles`, body };
    return { call, other: { ...call, body: { ...body, id: 'taxi3' } } };
  },
  'POST /hromady/{hromadaId}/drivers': async () => {
    const body = { name: 'Іван Мельник', phone: '0931112299', vehicleIds: ['taxi'] };
    const call = { path: `${H}/drivers`, body };
    return { call, other: { ...call, body: { ...body, name: 'Іван Мельник-2' } } };
  },
  'POST /hromady/{hromadaId}/residents': async () => {
    const body = {
      name: 'Марія Коваленко',
      phone: '0671230000',
      settlementId: BEREZNA,
      address: 'с. Березна, вул. Садова, 5',
      location: { lat: 49.5621, lon: 27.8401 },
      smsConsent: true,
    };
    const call = { path: `${H}/residents`, body };
    return { call, other: { ...call, body: { ...body, phone: '0671230001' } } };
  },
  'POST /hromady/{hromadaId}/places': async () => {
    const call = { path: `${H}/places`, body: HOSPITAL };
    return { call, other: { ...call, body: { ...HOSPITAL, id: 'hospital2' } } };
  },
  'POST /hromady/{hromadaId}/imports/{kind}': async () => {
    const csv = 'ПІБ,Телефон,Населений пункт,Адреса\nОксана Лисенко,067 555 44 33,Березна,вул. Лісова 1\n';
    const call = { path: `${H}/imports/residents`, body: { csv: Buffer.from(csv).toString('base64') } };
    return { call, other: { ...call, body: { ...call.body, dryRun: true } } };
  },
  'POST /hromady/{hromadaId}/requests': async (w) => {
    const call = { path: `${H}/requests`, body: taxiRequest(w.anna.id, TUESDAY, '15:00') };
    return { call, other: { ...call, body: taxiRequest(w.anna.id, TUESDAY, '16:00') } };
  },
  'POST /hromady/{hromadaId}/requests/{id}/cancel': async (w) => {
    const ride = await w.ride(w.anna.id, '14:00');
    const call = { path: `${H}/requests/${ride.id}/cancel`, body: { version: ride.version } };
    return { call, other: otherPath(call, ride.id, 'other-id') };
  },
  'POST /hromady/{hromadaId}/requests/{id}/confirm': async (w) => {
    const ride = await w.ride(w.anna.id, '14:00');
    const call = { path: `${H}/requests/${ride.id}/confirm`, body: { version: ride.version } };
    return { call, other: otherPath(call, ride.id, 'other-id') };
  },
  'POST /hromady/{hromadaId}/requests/{id}/activate-return': async (w) => {
    await w.place();
    const booked = await w.book({
      ...taxiRequest(w.anna.id, '2026-11-23', '13:15'),
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      return: { mode: 'will-call' },
    });
    const back = `${booked.id}-r`;
    const call = { path: `${H}/requests/${back}/activate-return`, body: { version: 1 } };
    return { call, other: otherPath(call, back, 'other-id') };
  },
  'POST /hromady/{hromadaId}/requests/{id}/outcome': async (w) => {
    const ride = await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    await publishPlan(w.ports, HROMADA, TUESDAY, plan.version, 'd');
    w.clock.at = new Date('2026-11-24T07:00:00Z');
    const current = await w.current(ride.id);
    const call = {
      path: `${H}/requests/${ride.id}/outcome`,
      body: { version: current.version, outcome: 'on-board' },
    };
    return { call, other: { ...call, body: { ...call.body, outcome: 'no-show' } } };
  },
  'POST /hromady/{hromadaId}/standing-orders': async (w) => {
    await w.place();
    const body = {
      residentId: w.anna.id,
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      weekdays: [1, 3, 5],
      requestedTime: { kind: 'arrive-by', time: '07:30' },
      from: '2026-11-23',
      purpose: 'medical',
    };
    const call = { path: `${H}/standing-orders`, body };
    return { call, other: { ...call, body: { ...body, weekdays: [2] } } };
  },
  'POST /hromady/{hromadaId}/standing-orders/{id}/cancel': async (w) => {
    await w.place();
    const order = await createStandingOrder(
      w.ports,
      HROMADA,
      standingOrderCreateSchema.parse({
        id: 'dia',
        residentId: w.anna.id,
        pickup: { home: true },
        dropoff: { placeId: 'hospital' },
        weekdays: [3],
        requestedTime: { kind: 'arrive-by', time: '07:30' },
        from: '2026-11-23',
        purpose: 'medical',
      }),
      'd',
    );
    const call = { path: `${H}/standing-orders/dia/cancel`, body: { version: order.item.version } };
    return { call, other: otherPath(call, '/dia/', '/other-id/') };
  },
  'POST /hromady/{hromadaId}/plans/{date}': async (w) => {
    await w.ride(w.anna.id, '09:00');
    const call = { path: `${H}/plans/${TUESDAY}`, body: { seconds: 1 } };
    return { call, other: { ...call, body: { seconds: 2 } } };
  },
  'POST /hromady/{hromadaId}/plans/{date}/requests': async (w) => {
    await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    const late = await w.ride(w.anna.id, '15:00');
    const call = {
      path: `${H}/plans/${TUESDAY}/requests`,
      body: { requestId: late.id, version: plan.version, seconds: 0.2 },
    };
    return { call, other: { ...call, body: { ...call.body, seconds: 0.3 } } };
  },
  'POST /hromady/{hromadaId}/plans/{date}/publish': async (w) => {
    await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    const call = { path: `${H}/plans/${TUESDAY}/publish`, body: { version: plan.version } };
    return { call, other: otherPath(call, TUESDAY, '2026-11-25') };
  },
  'POST /hromady/{hromadaId}/plans/{date}/assign': async (w) => {
    await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    const late = await w.ride(w.anna.id, '15:00');
    const call = {
      path: `${H}/plans/${TUESDAY}/assign`,
      body: { version: plan.version, requestId: late.id, vehicleId: 'brigade' },
    };
    return { call, other: { ...call, body: { ...call.body, vehicleId: 'taxi' } } };
  },
  'POST /hromady/{hromadaId}/plans/{date}/unassign': async (w) => {
    const ride = await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    const call = {
      path: `${H}/plans/${TUESDAY}/unassign`,
      body: { version: plan.version, requestId: ride.id },
    };
    return { call, other: otherPath(call, TUESDAY, '2026-11-25') };
  },
  'POST /hromady/{hromadaId}/plans/{date}/locks': async (w) => {
    const ride = await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    const body = { version: plan.version, requestId: ride.id, locked: true };
    const call = { path: `${H}/plans/${TUESDAY}/locks`, body };
    return { call, other: { ...call, body: { ...body, locked: false } } };
  },
  'POST /hromady/{hromadaId}/plans/{date}/vehicles/{id}/service': async (w) => {
    await w.ride(w.anna.id, '09:00');
    const plan = await w.plan();
    const call = {
      path: `${H}/plans/${TUESDAY}/vehicles/brigade/service`,
      body: { version: plan.version, inService: false },
    };
    return { call, other: otherPath(call, '/brigade/', '/taxi/') };
  },
  'POST /hromady/{hromadaId}/residents/{id}/erase': async (w) => {
    const call = { path: `${H}/residents/${w.olga.id}/erase`, body: { version: w.olga.version } };
    return { call, other: otherPath(call, w.olga.id, w.anna.id) };
  },
  'POST /hromady/{hromadaId}/requests/{id}/welfare': async (w) => {
    const request = await w.deliver();
    await w.onTheRoad(request);
    const current = await w.current(request.id);
    const body = { version: current.version, outcome: 'no-answer' };
    const call = { path: `${H}/requests/${request.id}/welfare`, body };
    return { call, other: { ...call, body: { ...body, outcome: 'unwell' } } };
  },
  'POST /hromady/{hromadaId}/follow-ups/{id}/close': async (w) => {
    await w.welfare();
    const [followUp] = (await listFollowUps(w.ports, HROMADA, true)).items;
    const body = { version: followUp!.version, note: 'Відвідала, все гаразд' };
    const call = { path: `${H}/follow-ups/${followUp!.id}/close`, body };
    return { call, other: { ...call, body: { ...body, note: 'Інша нотатка' } } };
  },
  'POST /hromady/{hromadaId}/alerts/{id}/handle': async (w) => {
    await w.welfare();
    const [alert] = (await listAlerts(w.ports, HROMADA, { date: TUESDAY })).items;
    const call = { path: `${H}/alerts/${alert!.id}/handle`, body: { version: alert!.version } };
    return { call, other: { ...call, body: { version: alert!.version, note: 'подзвонили' } } };
  },
  'POST /hromady/{hromadaId}/case-stops': async (w) => {
    await w.caseVan();
    const call = { path: `${H}/case-stops`, body: { ...stopFields() } };
    return { call, other: { ...call, body: { ...stopFields(), id: 'berezna-2' } } };
  },
  'POST /hromady/{hromadaId}/case-schedules': async (w) => {
    await w.caseVan();
    const { date: _date, id: _id, ...fields } = stopFields();
    const body = {
      ...fields,
      scheduleId: 'berezna',
      recurrence: { kind: 'weekly', weekday: 2, interval: 2 },
      start: TUESDAY,
      until: '2027-01-31',
    };
    const call = { path: `${H}/case-schedules`, body };
    return { call, other: { ...call, body: { ...body, until: '2027-01-30' } } };
  },
  'POST /hromady/{hromadaId}/case-stops/{id}/bookings': async (w) => {
    await w.caseVan();
    const stop = await createCaseStop(w.ports, HROMADA, stopFields(), 'd');
    const call = { path: `${H}/case-stops/${stop.id}/bookings`, body: { residentId: w.anna.id } };
    return { call, other: { ...call, body: { residentId: w.olga.id } } };
  },
  'POST /hromady/{hromadaId}/case-stops/{id}/bookings/cancel': async (w) => {
    await w.caseVan();
    const stop = await createCaseStop(w.ports, HROMADA, stopFields(), 'd');
    const booked = await bookCaseSlot(w.ports, {
      hromadaId: HROMADA,
      stopId: stop.id,
      residentId: w.anna.id,
      actor: 'd',
    });
    const body = { residentId: w.anna.id, version: booked.version };
    const call = { path: `${H}/case-stops/${stop.id}/bookings/cancel`, body };
    return { call, other: otherPath(call, stop.id, 'other-id') };
  },
};

/** Everything the memory ports hold that a request could change, as one comparable string. */
function stored(w: World): string {
  const parts: unknown[] = [];
  for (const [name, value] of Object.entries(w.ports.entities)) {
    const rows = value instanceof Map ? [...value.entries()] : Array.isArray(value) ? value : undefined;
    if (rows) parts.push([name, rows]);
  }
  parts.push(['plan jobs started', (w.ports.planJobRunner as RecordingPlanJobRunner).started]);
  return JSON.stringify(parts);
}

const { ports: probePorts } = await deliveryDay();
const posts = apiRoutes(probePorts).filter((r) => r.method === 'POST');
const label = (r: Route) => `${r.method} ${r.path}`;
const declaresKey = (r: Route) =>
  r.headers !== undefined && 'idempotency-key' in ((r.headers as { shape?: object }).shape ?? {});

describe('the cases come from the route table', () => {
  it('every POST route declares Idempotency-Key, except the reasoned allow-list', () => {
    expect(posts.length).toBeGreaterThan(30);
    expect(posts.filter((r) => !declaresKey(r) && !(label(r) in NOT_IDEMPOTENT)).map(label)).toEqual([]);
    // the allow-list names only routes that exist and that really do without the key
    expect(
      Object.keys(NOT_IDEMPOTENT).filter((k) => !posts.some((r) => label(r) === k && !declaresKey(r))),
    ).toEqual([]);
  });

  it('every route that declares the key has a scenario, and every scenario a route', () => {
    const keyed = posts.filter(declaresKey).map(label).sort();
    expect(Object.keys(SCENARIOS).sort()).toEqual(keyed);
  });
});

describe.each(posts.filter(declaresKey).map((route) => ({ route, key: label(route) })))('$key', ({ key }) => {
  it('retried with the same key and body: the first answer again, nothing done twice; another request with the key: 422', async () => {
    const w = await world();
    const scenario = SCENARIOS[key];
    if (!scenario) throw new Error(`${key}: no scenario`);
    const { call, other } = await scenario(w);
    const idem = `retry-${key.replace(/[^a-z]/gi, '')}-0001`;

    const first = await w.send('POST', call, idem);
    expect(first.statusCode, first.body).toBeLessThan(300);
    expect(first.headers?.['idempotent-replayed']).toBeUndefined();
    const after = stored(w);

    const retry = await w.send('POST', call, idem);
    expect([retry.statusCode, retry.body]).toEqual([first.statusCode, first.body]);
    expect(retry.headers?.['idempotent-replayed']).toBe('true');
    if (first.headers?.location !== undefined) expect(retry.headers?.location).toBe(first.headers.location);
    expect(stored(w)).toBe(after);

    const reused = await w.send('POST', other, idem);
    expect(reused.statusCode, reused.body).toBe(422);
    expect(JSON.parse(reused.body).error).toMatchObject({
      code: 'idempotency-key-reused',
      reason: expect.stringContaining('ключ'),
    });
    expect(stored(w)).toBe(after);
  });
});
