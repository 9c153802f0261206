/**
 * A small regional-tours world on memory adapters: the test hromada (Березна) is both the regional
 * centre's home and the hromada it serves, a second hromada (Турбів) with its own agreement, and
 * visits on Tuesday 24 and Wednesday 25 Nov 2026 (the fixture clock is Monday 23rd).
 */

import { createEntity, createHromada } from '../../../../shared/app/registry';
import { createServiceAgreement } from '../../../../shared/app/tours/agreements';
import { createTourVisit } from '../../../../shared/app/tours/tour-visits';
import { tourCreateSchema } from '../../../../shared/domain/entities/tour';
import { tourVisitCreateSchema } from '../../../../shared/domain/entities/tour-visit';
import { hromadaKind, registryKinds } from '../../../../shared/domain/registry';
import type { Change, EntityRepository } from '../../../../shared/ports/entity-repository';
import type { Ports } from '../../../../shared/ports/ports';
import { addSettlement, BEREZNA, GARAGE, HROMADA, memoryPorts, seedBasics } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';

export const P = 'ocss';
export const TURBIV = 'turbivska';
export const TUE = '2026-11-24';
export const WED = '2026-11-25';
export const ENGINE = { maxIterations: 20 };

/** The hromada's consent to the regional centre `P`'s mobile brigade, from 1 Nov 2026 to the end of 2027. */
export function agreeToTours(ports: Ports, hromadaId: string, consentBy: string) {
  return createServiceAgreement(
    ports,
    hromadaId,
    {
      providerId: P,
      providerHromadaId: HROMADA,
      services: ['mobile-brigade'],
      consent: { by: consentBy, on: '2026-11-01' },
      validFrom: '2026-11-01',
      validTo: '2027-12-31',
    },
    'admin',
  );
}

/** A visit of the regional centre `P`, booked by the hromada's dispatcher. */
export function bookVisit(
  ports: Ports,
  hromadaId: string,
  visit: {
    id: string;
    settlementId: string;
    date: string;
    from: string;
    to: string;
    durationMinutes: number;
    purpose?: string;
  },
) {
  return createTourVisit(ports, hromadaId, tourVisitCreateSchema.parse({ providerId: P, ...visit }), 'd');
}

/** The entity store as DynamoDB takes it: a change set of more than 100 items is refused. */
export function withTransactionLimit(entities: EntityRepository): EntityRepository {
  return new Proxy(entities, {
    get: (target, prop) =>
      prop === 'commit'
        ? async (changes: Change[]) => {
            if (changes.length > 100) throw new RangeError(`${changes.length} items in one transaction`);
            return target.commit(changes);
          }
        : Reflect.get(target, prop, target),
  });
}

export async function tourWorld(provider: Record<string, unknown> = {}) {
  const world = memoryPorts();
  const { ports } = world;
  await seedBasics(ports);
  await createHromada(ports, fieldsOf(hromadaKind, { id: TURBIV, name: 'Турбівська громада' }), 'test');
  await addSettlement(ports, TURBIV, {
    id: 'turbiv',
    name: 'Турбів',
    type: 'селище',
    location: { lat: 49.339939, lon: 28.7260729 },
  });
  await createEntity(
    ports,
    registryKinds.providers,
    HROMADA,
    fieldsOf(registryKinds.providers, {
      id: P,
      name: 'Обласний центр соціальних служб',
      kind: 'social-services-centre',
      services: ['mobile-brigade'],
      ...provider,
    }),
    'test',
  );
  for (const h of [HROMADA, TURBIV]) await agreeToTours(ports, h, 'Н. Коваль, голова');
  const visit = (hromadaId: string, id: string, date: string, from: string) =>
    bookVisit(ports, hromadaId, {
      id,
      settlementId: hromadaId === TURBIV ? 'turbiv' : BEREZNA,
      date,
      from,
      to: '16:00',
      durationMinutes: 45,
      purpose: 'оцінка потреб',
    });
  await visit(HROMADA, 'v-khm-tue', TUE, '09:00');
  await visit(HROMADA, 'v-khm-wed', WED, '09:00');
  await visit(TURBIV, 'v-tur-tue', TUE, '12:00');
  await visit(TURBIV, 'v-tur-wed', WED, '12:00');
  return world;
}

/** A two-day tour (or the days given) from the garage, one night at the hostel. */
export function tourRequest(days = [TUE, WED], extra: Record<string, unknown> = {}) {
  const place = { id: 'garage', name: 'Гараж', location: GARAGE.location };
  return tourCreateSchema.parse({
    providerHromadaId: HROMADA,
    name: 'Тур бригади',
    vehicle: { name: 'Бригада 1' },
    depot: place,
    overnightPlaces: [{ id: 'hostel', name: 'Гуртожиток', location: { lat: 49.5, lon: 28.2 } }],
    days: days.map((date) => ({ date, start: '08:00', end: '18:00' })),
    ...extra,
  });
}
