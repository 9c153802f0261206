/**
 * Writes a generated day (planning-day-generator.ts) through the same use cases the API uses: the
 * hromada and its rules, settlements, depot, providers, vehicles, residents, the mobile-case stops
 * (generateCaseStops) and the bookings (bookServiceRequest: windows, rules and returns as a
 * dispatcher's booking gets them). Bookings run a few at a time; a refused one is counted.
 */
import { generateCaseStops } from '../../shared/app/mobile-case/generate-case-stops';
import { createEntity, createHromada } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { caseScheduleSchema, isoWeekday, scheduledStopId } from '../../shared/domain/case-schedule';
import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { parseFields as fieldsOf, hromadaKind, registryKinds as k } from '../../shared/domain/registry';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';
import type { PlanningDay } from './planning-day-generator';

const ACTOR = 'bench-planning';

export interface Seeded {
  requests: number;
  refused: Array<{ serviceType: string; reason: string }>;
}

export async function seedPlanningDay(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
  hromadaId: string,
  date: string,
  day: PlanningDay,
  planningSeconds: number,
): Promise<Seeded> {
  await createHromada(
    ports,
    fieldsOf(hromadaKind, {
      id: hromadaId,
      name: `Громада ${hromadaId}`,
      // the bench books every ride of its residents: no quota, no quiet hours
      rules: {
        monthlyRideQuota: 1000,
        quietHours: { from: '00:00', to: '00:00' },
        // a rural day: the resident is told a half-hour either side
        pickupWindowMinutes: 30,
        planningSeconds,
      },
    }),
    ACTOR,
  );
  await inBatches(day.settlements, 8, (s) =>
    createEntity(
      ports,
      k.settlements,
      hromadaId,
      fieldsOf(k.settlements, {
        id: s.id,
        name: s.name,
        type: s.type,
        ...(s.katottg ? { katottg: s.katottg } : {}),
        location: s.location,
        population: s.population,
      }),
      ACTOR,
    ),
  );
  await createEntity(
    ports,
    k.depots,
    hromadaId,
    fieldsOf(k.depots, {
      id: 'depot-centre',
      name: 'Гараж терцентру',
      address: 'м. Хмільник, вул. Пушкіна, 5',
      location: day.centre.location,
      settlementId: day.centre.id,
    }),
    ACTOR,
  );
  const providers = [
    {
      id: 'tercentre',
      name: 'Терцентр',
      kind: 'territorial-centre',
      services: ['social-taxi', 'delivery', 'mobile-case'],
    },
    {
      id: 'css',
      name: 'Центр соціальних служб',
      kind: 'social-services-centre',
      services: ['mobile-brigade'],
    },
  ];
  for (const p of providers)
    await createEntity(ports, k.providers, hromadaId, fieldsOf(k.providers, p), ACTOR);
  await inBatches(day.vehicles, 8, (v) =>
    createEntity(
      ports,
      k.vehicles,
      hromadaId,
      fieldsOf(k.vehicles, { ...v, depotId: 'depot-centre' }),
      ACTOR,
    ),
  );
  await inBatches(day.residents, 8, (r) =>
    createEntity(
      ports,
      k.residents,
      hromadaId,
      fieldsOf(k.residents, {
        id: r.id,
        name: r.name,
        phone: null,
        settlementId: r.settlementId,
        address: r.address,
        location: r.location,
        mobility: { wheelchair: r.wheelchair, needsRamp: r.wheelchair, escort: r.escort },
        categories: r.categories,
        confidential: r.confidential,
      }),
      ACTOR,
    ),
  );
  for (const s of day.caseStops) {
    const schedule = caseScheduleSchema.parse({
      scheduleId: s.scheduleId,
      recurrence: { kind: 'weekly', weekday: isoWeekday(date), interval: 1 },
      start: date,
      until: date,
      settlementId: s.settlementId,
      from: s.from,
      to: s.to,
      place: 'приміщення старостату',
      services: ['пенсія', 'субсидії', 'довідки'],
      vehicleId: s.vehicleId,
    });
    await generateCaseStops(ports, hromadaId, schedule, ACTOR);
  }
  const refused: Seeded['refused'] = [];
  let requests = 0;
  await inBatches(day.bookings, 8, async ({ caseScheduleId, ...b }) => {
    const body = { ...b, ...(caseScheduleId ? { caseStopId: scheduledStopId(caseScheduleId, date) } : {}) };
    try {
      await bookServiceRequest(
        ports,
        hromadaId,
        parseOrThrow(serviceRequestCreateSchema, body, 'service request'),
        ACTOR,
      );
      requests += b.return ? 2 : 1;
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? String(error);
      refused.push({ serviceType: b.serviceType, reason });
    }
  });
  return { requests, refused };
}

/** Runs `work` over `items`, `width` at a time (DynamoDB Local shares the machine's two cores). */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}
