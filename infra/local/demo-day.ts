/**
 * The demo's people and its day of requests. The day is always ahead: the next working day of the
 * demo fleet (Monday to Friday) in Kyiv time, so a newcomer who starts on a Friday evening gets
 * Monday; a restart on a later day, with the data kept, books that day's requests again.
 */
import { bookServiceRequest } from '../../shared/app/service-requests';
import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { addDays, localDate } from '../../shared/domain/time';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';
import { bookDemoBrigadeDay } from './demo-brigade';
import { bookDemoDeliveries } from './demo-delivery';
import { DEMO_ACTOR as ACTOR, DEMO_HROMADA_ID, demoPlaces } from './demo-places';

export interface DemoResident {
  name: string;
  village: string;
  street: string;
  phone: string | null;
  wheelchair?: boolean;
  escort?: boolean;
  confidential?: boolean;
}

export const DEMO_RESIDENTS: DemoResident[] = [
  {
    name: 'Ганна Петрівна Шевчук',
    village: 'Березна',
    street: 'вул. Шевченка, 12',
    phone: '0671110001',
    wheelchair: true,
  },
  { name: 'Микола Іванович Ткач', village: 'Великий Митник', street: 'вул. Миру, 3', phone: '0501110002' },
  {
    name: 'Олена Степанівна Кравець',
    village: 'Кожухів',
    street: 'вул. Садова, 7',
    phone: '0961110003',
    escort: true,
  },
  {
    name: 'Петро Васильович Лисенко',
    village: 'Порик',
    street: 'вул. Центральна, 21',
    phone: '0731110004',
  },
  { name: 'Марія Олексіївна Руденко', village: 'Соколова', street: 'вул. Польова, 4', phone: '0661110005' },
  {
    name: 'Іван Григорович Мороз',
    village: 'Широка Гребля',
    street: 'вул. Лісова, 15',
    phone: '0981110006',
    wheelchair: true,
  },
  { name: 'Надія Павлівна Гончар', village: 'Кривошиї', street: 'вул. Шкільна, 2', phone: '0991110007' },
  { name: 'Василь Петрович Савчук', village: 'Лозова', street: 'вул. Молодіжна, 9', phone: null },
  { name: 'Катерина Іванівна Бойко', village: 'Журавне', street: 'вул. Набережна, 6', phone: '0631110009' },
  {
    name: 'Людмила Олександрівна Ковальчук',
    village: 'Голодьки',
    street: 'вул. Зелена, 11',
    phone: '0951110010',
  },
  {
    name: 'Клієнт ЦСС (конфіденційно)',
    village: 'Думенки',
    street: 'вул. Вишнева, 8',
    phone: '0671110011',
    confidential: true,
  },
  {
    name: 'Тамара Миколаївна Поліщук',
    village: 'Білий Рукав',
    street: 'вул. Перемоги, 1',
    phone: '0501110012',
  },
];

export const demoResidentId = (i: number) => `resident-${i + 1}`;

/** The next day after today (Kyiv) on which the demo fleet works: Monday to Friday. */
export function nextDemoDay(now: Date): string {
  let day = addDays(localDate(now), 1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

/** Book the demo day's requests unless that day already has some (idempotent per day). */
export async function seedDemoDay(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
  day: string,
): Promise<'booked' | 'present'> {
  // the standing orders' rides (booked by their daily job) are not the demo day's own bookings
  const booked = await ports.entities.requests.forDay(DEMO_HROMADA_ID, day);
  if (booked.some((r) => !r.standingOrderId)) return 'present';
  const { place, centre } = await demoPlaces();
  const hospital = {
    address: 'м. Хмільник, вул. Монастирська, 71 (лікарня)',
    location: { lat: 49.5603, lon: 27.9571 },
    settlementId: centre.katottg,
  };
  const cnap = {
    address: 'м. Хмільник, вул. Столярчука, 10 (ЦНАП)',
    location: { lat: 49.5571, lon: 27.9512 },
    settlementId: centre.katottg,
  };
  const home = (i: number) => ({
    address: `с. ${DEMO_RESIDENTS[i]!.village}, ${DEMO_RESIDENTS[i]!.street}`,
    ...place(DEMO_RESIDENTS[i]!.village, i),
  });
  const taxi = (
    i: number,
    to: typeof hospital,
    time: string,
    kind: 'pickup' | 'arrive-by',
    purpose: string,
  ) => ({
    serviceType: 'social-taxi',
    residentId: demoResidentId(i),
    date: day,
    pickup: home(i),
    dropoff: to,
    requestedTime: { kind, time },
    passengers: {
      escorts: DEMO_RESIDENTS[i]!.escort ? 1 : 0,
      wheelchair: DEMO_RESIDENTS[i]!.wheelchair ?? false,
    },
    purpose,
  });
  const visit = (
    i: number,
    serviceType: string,
    time: string,
    minutes: number,
    purpose: string,
    parcel?: { kg: number; cold: boolean },
  ) => ({
    serviceType,
    residentId: demoResidentId(i),
    date: day,
    pickup: home(i),
    requestedTime: { kind: 'pickup', time },
    purpose,
    serviceMinutes: minutes,
    ...(parcel ? { parcel } : {}),
  });
  const foodKit = { kg: 10, cold: false };
  const insulin = { kg: 1, cold: true };
  const requests = [
    taxi(0, hospital, '09:00', 'arrive-by', 'medical'),
    taxi(1, hospital, '08:30', 'pickup', 'medical'),
    taxi(2, cnap, '10:00', 'arrive-by', 'cnap'),
    taxi(3, hospital, '11:00', 'arrive-by', 'medical'),
    taxi(4, cnap, '12:30', 'pickup', 'pension-fund'),
    taxi(5, hospital, '13:00', 'arrive-by', 'medical'),
    taxi(6, cnap, '14:00', 'pickup', 'bank'),
    visit(7, 'delivery', '10:00', 5, 'social-services', foodKit),
    visit(8, 'delivery', '11:00', 5, 'social-services', foodKit),
    visit(9, 'delivery', '12:00', 5, 'medical', insulin),
    visit(10, 'mobile-brigade', '10:30', 90, 'social-services'),
    visit(11, 'delivery', '14:30', 5, 'medical', insulin),
  ];
  for (const r of requests)
    await bookServiceRequest(
      ports,
      DEMO_HROMADA_ID,
      parseOrThrow(serviceRequestCreateSchema, r, 'service request'),
      ACTOR,
    );
  await bookDemoDeliveries(ports, day);
  await bookDemoBrigadeDay(ports, day);
  return 'booked';
}
