/**
 * Deliveries in the demo (docs/services/deliveries.md): the delivery van's cargo volume, the social
 * workers of the residents in the remote villages, and on the demo day two deliveries with handover
 * rules: medicine for Василь Савчук in Лозова (no phone) handed to his neighbour, who gets the
 * one-time code, and food and medicine for Тамара Поліщук in Білий Рукав, in person with her code.
 */
import { updateEntity } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { parsePatch, registryKinds } from '../../shared/domain/registry';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';
import { DEMO_RESIDENTS, demoResidentId } from './demo-day';
import { DEMO_ACTOR as ACTOR, DEMO_HROMADA_ID, demoPlaces } from './demo-places';

type DemoPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** Social workers (fictional) and the demo residents (by index) each looks after. */
const WORKERS = [
  { name: 'Оксана Дяченко', phone: '0501119001', residents: [7, 8, 10] },
  { name: 'Галина Юрченко', phone: '0671119002', residents: [9, 11] },
];

/** Once, with the registry: the van's litres and the residents' social workers. */
export async function seedDemoDeliveryPeople(ports: DemoPorts): Promise<void> {
  const k = registryKinds;
  const van = await ports.entities.registry.get(k.vehicles, DEMO_HROMADA_ID, 'van-1');
  if (van) {
    const capacity = { ...van.capacity, cargoLitres: 1500 };
    await updateEntity(
      ports,
      k.vehicles,
      DEMO_HROMADA_ID,
      van.id,
      parsePatch(k.vehicles, { version: van.version, capacity }),
      ACTOR,
    );
  }
  for (const worker of WORKERS) {
    for (const i of worker.residents) {
      const resident = await ports.entities.registry.get(k.residents, DEMO_HROMADA_ID, demoResidentId(i));
      if (!resident || resident.socialWorker) continue;
      const patch = { version: resident.version, socialWorker: { name: worker.name, phone: worker.phone } };
      await updateEntity(
        ports,
        k.residents,
        DEMO_HROMADA_ID,
        resident.id,
        parsePatch(k.residents, patch),
        ACTOR,
      );
    }
  }
}

/** On the demo day: the two deliveries with handover rules (booked with the day's other requests). */
export async function bookDemoDeliveries(ports: DemoPorts, day: string): Promise<void> {
  const { place } = await demoPlaces();
  const home = (i: number) => ({
    address: `с. ${DEMO_RESIDENTS[i]!.village}, ${DEMO_RESIDENTS[i]!.street}`,
    ...place(DEMO_RESIDENTS[i]!.village, i),
  });
  const deliveries = [
    {
      serviceType: 'delivery',
      residentId: demoResidentId(7),
      date: day,
      pickup: home(7),
      requestedTime: { kind: 'pickup', time: '13:00' },
      purpose: 'medical',
      serviceMinutes: 5,
      parcel: { kg: 1, cold: false, count: 1, litres: 2 },
      handover: { mode: 'trusted', trustedName: 'Ольга Савчук (сусідка)', trustedPhone: '0671110021' },
    },
    {
      serviceType: 'delivery',
      residentId: demoResidentId(11),
      date: day,
      pickup: home(11),
      requestedTime: { kind: 'pickup', time: '15:30' },
      purpose: 'social-services',
      serviceMinutes: 10,
      parcel: { kg: 12, cold: false, count: 2, litres: 40 },
      handover: { mode: 'in-person' },
    },
  ];
  for (const r of deliveries)
    await bookServiceRequest(
      ports,
      DEMO_HROMADA_ID,
      parseOrThrow(serviceRequestCreateSchema, r, 'service request'),
      ACTOR,
    );
}
