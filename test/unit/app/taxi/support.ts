import { createEntity } from '../../../../shared/app/registry';
import { registryKinds } from '../../../../shared/domain/registry';
import { BEREZNA, HROMADA, memoryPorts, seedBasics } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';

export const HOSPITAL = {
  id: 'hospital',
  name: 'Хмільницька лікарня',
  kind: 'hospital',
  address: 'м. Хмільник, вул. Монастирська, 71',
  location: { lat: 49.5603, lon: 27.9571 },
  settlementId: BEREZNA,
};

/** A hromada with one resident (wheelchair and an escort by default) and the hospital as a place. */
export async function withPlaces(resident: Record<string, unknown> = {}) {
  const ctx = memoryPorts();
  const r = await seedBasics(ctx.ports, {
    mobility: { wheelchair: true, needsRamp: true, escort: true },
    ...resident,
  });
  await createEntity(
    ctx.ports,
    registryKinds.places,
    HROMADA,
    fieldsOf(registryKinds.places, HOSPITAL),
    'test',
  );
  const requests = () => [...ctx.entities.items.values()].filter((i) => i.entity === 'ServiceRequest');
  return { ...ctx, resident: r, requests };
}

/** A ride from home to the hospital, booked by place, on `date` (the clock's Monday by default). */
export function homeToHospital(residentId: string, extra: Record<string, unknown> = {}, date = '2026-11-24') {
  return {
    serviceType: 'social-taxi',
    residentId,
    date,
    pickup: { home: true },
    dropoff: { placeId: 'hospital' },
    requestedTime: { kind: 'arrive-by', time: '09:00' },
    purpose: 'medical',
    ...extra,
  };
}
