/**
 * The mobile brigade in the demo: the Центр соціальних служб's own car (brigade visits, and taxi
 * rides when free) with its driver, and a second confidential brigade visit on the demo day (a
 * resident with no phone, so no SMS). With the confidential resident's visit of demo-day.ts, the
 * demo day holds two confidential visits; planning it makes each with nobody else in the car.
 */

import { createEntity } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { parseFields as fieldsOf, registryKinds as k } from '../../shared/domain/registry';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';
import { DEMO_RESIDENTS, demoResidentId } from './demo-day';
import { DEMO_ACTOR as ACTOR, DEMO_HROMADA_ID, demoPlaces } from './demo-places';

export const DEMO_BRIGADE_VEHICLE = 'brigade-1';

/** The brigade's car and driver (the provider `css` is seeded by seed-demo.ts). */
export async function seedDemoBrigade(ports: Pick<Ports, 'entities' | 'clock' | 'ids'>): Promise<void> {
  await createEntity(
    ports,
    k.vehicles,
    DEMO_HROMADA_ID,
    fieldsOf(k.vehicles, {
      id: DEMO_BRIGADE_VEHICLE,
      name: 'Мобільна бригада ЦСС',
      plate: 'АВ 3456 ВС',
      providerId: 'css',
      depotId: 'depot-centre',
      services: ['mobile-brigade', 'social-taxi'],
      capacity: { seats: 3 },
      shifts: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }],
    }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.drivers,
    DEMO_HROMADA_ID,
    fieldsOf(k.drivers, {
      id: 'driver-brigade',
      name: 'Андрій Кравчук',
      phone: '0674051204',
      vehicleIds: [DEMO_BRIGADE_VEHICLE],
    }),
    ACTOR,
  );
}

/** A 45-minute brigade visit at 15:00 on the demo day (confidential, as every brigade visit). */
export async function bookDemoBrigadeDay(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
  day: string,
): Promise<void> {
  const { place } = await demoPlaces();
  // Василь Петрович Савчук, Лозова: no phone (read here, not at load: demo-day.ts imports this file)
  const VISITED = DEMO_RESIDENTS.findIndex((x) => x.phone === null);
  const r = DEMO_RESIDENTS[VISITED]!;
  const visit = {
    serviceType: 'mobile-brigade',
    residentId: demoResidentId(VISITED),
    date: day,
    pickup: { address: `с. ${r.village}, ${r.street}`, ...place(r.village, VISITED) },
    requestedTime: { kind: 'pickup', time: '15:00' },
    purpose: 'social-services',
    serviceMinutes: 45,
  };
  await bookServiceRequest(
    ports,
    DEMO_HROMADA_ID,
    parseOrThrow(serviceRequestCreateSchema, visit, 'service request'),
    ACTOR,
  );
}
