/**
 * The social taxi in the demo: the hromada's known places (лікарня, ЦНАП, банк, Пенсійний фонд,
 * центр реабілітації) and two standing orders — dialysis Mon/Wed/Fri, arrive by 07:30, back at 12:00,
 * and a rehabilitation course Mon–Fri, arrive by 15:00, back when the resident calls (ДОДОМУ).
 * The daily job (run at start locally, after seeding) books their rides of the days ahead, the
 * demo day's included.
 */
import { createEntity, getEntity, updateEntity } from '../../shared/app/registry';
import { createStandingOrder } from '../../shared/app/standing-orders/standing-orders';
import { standingOrderCreateSchema } from '../../shared/domain/entities/standing-order';
import { parseFields, parsePatch, registryKinds } from '../../shared/domain/registry';
import { localDate } from '../../shared/domain/time';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';
import { demoResidentId } from './demo-day';
import { DEMO_ACTOR as ACTOR, DEMO_HROMADA_ID } from './demo-places';

/** Known places in Хмільник (the town centre's settlement). */
export function demoTaxiPlaces(centreId: string) {
  const inTown = (id: string, name: string, kind: string, address: string, lat: number, lon: number) => ({
    id,
    name,
    kind,
    address: `м. Хмільник, ${address}`,
    location: { lat, lon },
    settlementId: centreId,
  });
  return [
    inTown('hospital', 'Хмільницька ЦРЛ', 'hospital', 'вул. Монастирська, 71', 49.5603, 27.9571),
    inTown(
      'dialysis',
      'Відділення гемодіалізу ЦРЛ',
      'dialysis',
      'вул. Монастирська, 71, корп. 2',
      49.5606,
      27.9566,
    ),
    inTown('cnap', 'ЦНАП', 'cnap', 'вул. Столярчука, 10', 49.5571, 27.9512),
    inTown('pension-fund', 'Пенсійний фонд', 'pension-fund', 'вул. Шевченка, 8', 49.5589, 27.9535),
    inTown('bank', 'Ощадбанк', 'bank', 'вул. Небесної Сотні, 4', 49.5581, 27.9551),
    inTown('rehab', 'Центр реабілітації', 'rehabilitation', 'вул. Курортна, 2', 49.5512, 27.9688),
  ];
}

/** Places and standing orders; called once when the demo hromada is seeded. */
export async function seedDemoTaxi(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
  centreId: string,
): Promise<void> {
  for (const place of demoTaxiPlaces(centreId))
    await createEntity(
      ports,
      registryKinds.places,
      DEMO_HROMADA_ID,
      parseFields(registryKinds.places, place),
      ACTOR,
    );
  // the ramp taxi starts early on weekdays: dialysis patients arrive by 07:30 (picked up from ~06:15)
  const taxi = await getEntity(ports, registryKinds.vehicles, DEMO_HROMADA_ID, 'taxi-1');
  const shifts = taxi.shifts.map((s) => ({ ...s, start: '06:00' }));
  await updateEntity(
    ports,
    registryKinds.vehicles,
    DEMO_HROMADA_ID,
    'taxi-1',
    parsePatch(registryKinds.vehicles, { version: taxi.version, shifts }),
    ACTOR,
  );
  const from = localDate(ports.clock.now());
  const orders = [
    {
      id: 'dialysis-polishchuk',
      residentId: demoResidentId(11),
      pickup: { home: true },
      dropoff: { placeId: 'dialysis' },
      weekdays: [1, 3, 5],
      requestedTime: { kind: 'arrive-by', time: '07:30' },
      return: { mode: 'fixed', time: '12:00' },
      from,
      purpose: 'medical',
    },
    {
      id: 'rehab-kovalchuk',
      residentId: demoResidentId(9),
      pickup: { home: true },
      dropoff: { placeId: 'rehab' },
      weekdays: [1, 2, 3, 4, 5],
      requestedTime: { kind: 'arrive-by', time: '15:00' },
      return: { mode: 'will-call' },
      from,
      purpose: 'medical',
    },
  ];
  for (const order of orders)
    await createStandingOrder(
      ports,
      DEMO_HROMADA_ID,
      parseOrThrow(standingOrderCreateSchema, order, 'standing order'),
      ACTOR,
      undefined,
      // booked by the daily job, which the local platform runs at start: not on the start's path
      { generate: false },
    );
}
