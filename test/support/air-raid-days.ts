/**
 * Days of social taxi for the air-raid tests across midnight: two ramp taxis with their drivers
 * working 05:30–23:59 every day, two residents (Анна from the basics, Олена in Березна), the rides
 * booked (an admin's override: night hours) and each date planned and published.
 */
import { planDay } from '../../shared/app/planning/plan-day';
import { publishPlan } from '../../shared/app/planning/publish-plan';
import { createEntity } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { registryKinds } from '../../shared/domain/registry';
import { localToUtc } from '../../shared/domain/time';
import {
  BEREZNA,
  FakeClock,
  GARAGE,
  HROMADA,
  memoryPorts,
  RAMP_TAXI,
  seedBasics,
  taxiRequest,
  withRules,
} from './fixtures';
import { bookingOf, fieldsOf } from './inputs';

export const AIR_RAID_ENGINE = { timeLimitMs: 1e9, maxIterations: 400, seed: 1 };

export interface NightRide {
  who: 'anna' | 'olena';
  date: string;
  time: string;
}

export async function airRaidDays(dates: string[], rides: NightRide[]) {
  const clock = new FakeClock(localToUtc(dates[0]!, '10:00'));
  const { ports } = memoryPorts(clock);
  const anna = await seedBasics(ports);
  // the service works late and early on these days
  await withRules(ports, { serviceHours: { from: '05:30', to: '23:59' } });
  await createEntity(ports, registryKinds.depots, HROMADA, fieldsOf(registryKinds.depots, GARAGE), 'test');
  const shifts = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '05:30', end: '23:59' }];
  for (const v of [RAMP_TAXI, { ...RAMP_TAXI, id: 'taxi2', name: 'Соцтаксі 2', plate: 'АВ9999ВС' }])
    await createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, { ...v, depotId: GARAGE.id, shifts }),
      'test',
    );
  const driver = (id: string, phone: string, vehicleId: string) =>
    createEntity(
      ports,
      registryKinds.drivers,
      HROMADA,
      fieldsOf(registryKinds.drivers, { id, name: `Водій ${id}`, phone, vehicleIds: [vehicleId] }),
      'test',
    );
  await driver('oleh', '067 401 12 01', 'taxi');
  await driver('petro', '067 401 12 02', 'taxi2');
  const olena = await createEntity(
    ports,
    registryKinds.residents,
    HROMADA,
    fieldsOf(registryKinds.residents, {
      name: 'Олена Мельник',
      phone: '067 555 12 34',
      smsConsent: true,
      settlementId: BEREZNA,
      address: 'с. Березна, вул. Садова, 3',
      location: { lat: 49.5621, lon: 27.8401 },
      categories: ['disability-1'],
    }),
    'test',
  );
  const booked = [];
  for (const ride of rides)
    booked.push(
      await bookServiceRequest(
        ports,
        HROMADA,
        bookingOf({
          override: { reason: 'test: a night ride' },
          ...taxiRequest(ride.who === 'anna' ? anna.id : olena.id, ride.date, ride.time),
        }),
        'd',
        { admin: true },
      ),
    );
  for (const date of dates) {
    const draft = await planDay(ports, HROMADA, date, 'd', AIR_RAID_ENGINE);
    await publishPlan(ports, HROMADA, date, draft.version, 'd');
  }
  return { ports, clock, rides: booked };
}
