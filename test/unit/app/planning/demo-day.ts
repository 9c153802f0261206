/**
 * The seeded demo day the planning tests share: Tuesday 24 Nov 2026 in Хмільницька громада, a
 * depot in Хмільник, the social taxi (ramp, 3 seats + 1 wheelchair place) and the brigade's car
 * (4 seats, brigade visits and taxi rides), both working 08:00-17:00 on the given weekdays, and
 * Ганна Шевчук (from seedBasics) who agreed to SMS. The clock stands at Monday 12:00 in Kyiv.
 */

import { createEntity } from '../../../../shared/app/registry';
import { bookServiceRequest } from '../../../../shared/app/service-requests';
import type { Driver } from '../../../../shared/domain/entities/driver';
import type { Plan } from '../../../../shared/domain/entities/plan';
import type { Resident } from '../../../../shared/domain/entities/resident';
import type { ServiceRequest } from '../../../../shared/domain/entities/service-request';
import { registryKinds } from '../../../../shared/domain/registry';
import {
  BEREZNA,
  type FakeClock,
  HROMADA,
  memoryPorts,
  RAMP_TAXI,
  seedBasics,
  seedFleet,
  taxiRequest,
} from '../../../support/fixtures';
import { bookingOf, fieldsOf } from '../../../support/inputs';

export const TUESDAY = '2026-11-24';
/** A fixed number of engine iterations: the same plan on every machine. */
export const ENGINE = { timeLimitMs: 1e9, maxIterations: 400, seed: 1 };

export type DemoPorts = ReturnType<typeof memoryPorts>['ports'];

export interface DemoDay {
  ports: DemoPorts;
  clock: FakeClock;
  /** Ганна Шевчук, с. Березна, вул. Шевченка, 12. */
  anna: Resident;
  /** A resident at с. Березна, вул. Садова, 3. */
  resident(name: string, extra?: Record<string, unknown>): Promise<Resident>;
  /** A driver of these vehicles. */
  driver(
    fields: { name: string; phone: string; vehicleIds: string[] } & Record<string, unknown>,
  ): Promise<Driver>;
  /** A social-taxi ride from Березна to the clinic in Хмільник on Tuesday, picked up at `time`. */
  ride(residentId: string, time: string, extra?: Record<string, unknown>): Promise<ServiceRequest>;
  /** A 60-minute confidential brigade visit at 11:00 on Tuesday. */
  visit(residentId: string): Promise<ServiceRequest>;
  /** Any booking, as a dispatcher makes it. */
  book(body: Record<string, unknown>): Promise<ServiceRequest>;
}

export async function demoDay(options: { fleetDays?: number[]; clock?: FakeClock } = {}): Promise<DemoDay> {
  const { ports, clock } = memoryPorts(options.clock);
  const anna = await seedBasics(ports);
  await seedFleet(
    ports,
    [
      RAMP_TAXI,
      {
        id: 'brigade',
        name: 'Бригада',
        plate: 'АВ5678ВС',
        services: ['mobile-brigade', 'social-taxi'],
        capacity: { seats: 4 },
      },
    ],
    options.fleetDays,
  );
  const book = async (body: Record<string, unknown>) =>
    // as an admin: a test may book against the rules (`override`) to show what planning does then
    bookServiceRequest(
      ports,
      HROMADA,
      bookingOf({ override: { reason: 'test: what planning does with it' }, ...body }),
      'd',
      { admin: true },
    );
  return {
    ports,
    clock: clock as FakeClock,
    anna,
    resident: (name, extra = {}) =>
      createEntity(
        ports,
        registryKinds.residents,
        HROMADA,
        fieldsOf(registryKinds.residents, {
          name,
          phone: null,
          settlementId: BEREZNA,
          address: 'с. Березна, вул. Садова, 3',
          location: { lat: 49.5621, lon: 27.8401 },
          categories: ['disability-1'],
          ...extra,
        }),
        'test',
      ),
    driver: (fields) =>
      createEntity(ports, registryKinds.drivers, HROMADA, fieldsOf(registryKinds.drivers, fields), 'test'),
    ride: (residentId, time, extra = {}) => book({ ...taxiRequest(residentId, TUESDAY, time), ...extra }),
    visit: (residentId) =>
      book({
        serviceType: 'mobile-brigade',
        residentId,
        date: TUESDAY,
        pickup: { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } },
        requestedTime: { kind: 'pickup', time: '11:00' },
        purpose: 'social-services',
        serviceMinutes: 60,
      }),
    book,
  };
}

/** Where a request's stops are in a plan: the route and their indexes in it. */
export function stopsOf(plan: Plan, requestId: string) {
  for (const route of plan.routes) {
    const idx = route.stops.flatMap((s, i) => (s.requestId === requestId ? [i] : []));
    if (idx.length > 0) return { route, idx };
  }
  return undefined;
}
