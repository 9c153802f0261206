/**
 * The mobile case in the demo: the workstation's van (АРМ «Мобільний кейс») and its driver, weekly
 * schedules for two starosta districts on the demo day's weekday (Соколівський округ: Березна
 * 09:00–11:00 and Соколова 11:30–13:00; Лозівський округ: Лозова 14:00–15:30), two slots booked
 * on the demo day (made earlier, so no SMS now), and a home visit for Василь Савчук in Лозова, who
 * cannot come to the stop. Called once, when the demo hromada is first seeded; the demo day's
 * other requests are booked first (seedDemoDay), since a day with requests counts as seeded.
 */
import { bookCaseSlot } from '../../shared/app/mobile-case/book-case-slot';
import { generateCaseStops } from '../../shared/app/mobile-case/generate-case-stops';
import { createEntity } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { caseScheduleSchema, isoWeekday, scheduledStopId } from '../../shared/domain/case-schedule';
import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { parseFields as fieldsOf, registryKinds } from '../../shared/domain/registry';
import { addDays } from '../../shared/domain/time';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';
import { DEMO_RESIDENTS, demoResidentId, nextDemoDay, seedDemoDay } from './demo-day';
import { DEMO_ACTOR as ACTOR, demoPlaces, DEMO_HROMADA_ID as H } from './demo-places';

export const DEMO_CASE_VAN = 'case-1';

const SERVICES = ['пенсія', 'субсидії', 'реєстрація місця проживання', 'довідки'];

export async function seedDemoMobileCase(ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>) {
  const day = nextDemoDay(ports.clock.now());
  await seedDemoDay(ports, day);
  const { data, place } = await demoPlaces();
  await seedVanAndDriver(ports);
  const id = (name: string) => data.settlements.find((s) => s.name_uk === name)!.katottg;
  const weekly = { kind: 'weekly', weekday: isoWeekday(day), interval: 1 };
  const stops = [
    { scheduleId: 'sokolivskyi-berezna', settlement: 'Березна', from: '09:00', to: '11:00' },
    { scheduleId: 'sokolivskyi-sokolova', settlement: 'Соколова', from: '11:30', to: '13:00' },
    { scheduleId: 'lozivskyi-lozova', settlement: 'Лозова', from: '14:00', to: '15:30' },
  ];
  for (const s of stops) {
    const schedule = caseScheduleSchema.parse({
      scheduleId: s.scheduleId,
      recurrence: weekly,
      start: day,
      until: addDays(day, 28),
      settlementId: id(s.settlement),
      from: s.from,
      to: s.to,
      place: 'приміщення старостату',
      services: SERVICES,
      vehicleId: DEMO_CASE_VAN,
    });
    await generateCaseStops(ports, H, schedule, ACTOR);
  }
  const slot = (scheduleId: string, resident: number, time: string) =>
    bookCaseSlot(ports, {
      hromadaId: H,
      stopId: scheduledStopId(scheduleId, day),
      residentId: demoResidentId(resident),
      time,
      actor: ACTOR,
      notify: false,
    });
  await slot('sokolivskyi-berezna', 0, '09:20'); // Ганна Шевчук, Березна
  await slot('sokolivskyi-sokolova', 4, '11:50'); // Марія Руденко, Соколова
  const vasyl = DEMO_RESIDENTS.findIndex((r) => r.village === 'Лозова');
  await bookServiceRequest(
    ports,
    H,
    parseOrThrow(
      serviceRequestCreateSchema,
      {
        serviceType: 'mobile-case',
        residentId: demoResidentId(vasyl),
        date: day,
        pickup: { address: `с. Лозова, ${DEMO_RESIDENTS[vasyl]!.street}`, ...place('Лозова', vasyl) },
        requestedTime: { kind: 'pickup', time: '15:40' },
        purpose: 'cnap',
        serviceMinutes: 30,
        caseStopId: scheduledStopId('lozivskyi-lozova', day),
      },
      'service request',
    ),
    ACTOR,
  );
}

/** The workstation's van (weekdays 08:00–17:00 from the centre's garage) and its driver. */
async function seedVanAndDriver(ports: Pick<Ports, 'entities' | 'clock' | 'ids'>) {
  const k = registryKinds;
  await createEntity(
    ports,
    k.vehicles,
    H,
    fieldsOf(k.vehicles, {
      id: DEMO_CASE_VAN,
      name: 'Мобільний кейс (АРМ)',
      plate: 'АВ 3456 ВС',
      providerId: 'tercentre',
      depotId: 'depot-centre',
      services: ['mobile-case'],
      capacity: { seats: 3 },
      shifts: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }],
    }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.drivers,
    H,
    fieldsOf(k.drivers, {
      id: 'driver-4',
      name: 'Андрій Шевчишин',
      phone: '0674041204',
      vehicleIds: [DEMO_CASE_VAN],
    }),
    ACTOR,
  );
}
