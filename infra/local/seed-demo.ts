import { readFile } from 'node:fs/promises';
import { createEntity, createHromada } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { serviceRequestCreateSchema } from '../../shared/domain/entities/service-request';
import { parseFields as fieldsOf, hromadaKind, registryKinds } from '../../shared/domain/registry';
import { addDays, localDate } from '../../shared/domain/time';
import { parseOrThrow } from '../../shared/domain/validation';
import type { Ports } from '../../shared/ports/ports';

export const DEMO_HROMADA_ID = 'khmilnytska';
const ACTOR = 'demo-seed';

interface DemoSettlement {
  name_uk: string;
  type: 'місто' | 'селище' | 'село';
  katottg: string;
  starosta_district: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
}

/** Deterministic small offset (≤ ~400 m) so homes are not all on the village centre point. */
function near(lat: number, lon: number, i: number) {
  const a = (i * 2.399963) % (2 * Math.PI);
  const r = 0.0015 + ((i * 7) % 5) * 0.0006;
  return {
    lat: Number((lat + r * Math.cos(a)).toFixed(6)),
    lon: Number((lon + r * Math.sin(a) * 1.5).toFixed(6)),
  };
}

/**
 * A demo hromada (Хмільницька, real settlements and coordinates; fictional people) with a day of
 * requests for tomorrow. Written through the same use cases the API uses. Idempotent: does
 * nothing when the hromada exists.
 */
export async function seedDemo(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>,
): Promise<'seeded' | 'present'> {
  if (await ports.entities.hromady.get(DEMO_HROMADA_ID)) return 'present';
  const data = JSON.parse(
    await readFile(new URL('./demo-data/khmilnytska-hromada.json', import.meta.url), 'utf8'),
  ) as {
    name_uk: string;
    katottg: string;
    settlements: DemoSettlement[];
  };
  await createHromada(
    ports,
    fieldsOf(hromadaKind, {
      id: DEMO_HROMADA_ID,
      name: data.name_uk,
      katottg: data.katottg,
      rules: { smsSenderId: 'KhmilnykSoc', neutralSenderId: 'Info' },
    }),
    ACTOR,
  );
  const k = registryKinds;
  const bySettlement = new Map<string, DemoSettlement>();
  for (const s of data.settlements) {
    bySettlement.set(s.name_uk, s);
    await createEntity(
      ports,
      k.settlements,
      DEMO_HROMADA_ID,
      fieldsOf(k.settlements, {
        id: s.katottg,
        name: s.name_uk,
        type: s.type,
        katottg: s.katottg,
        starostaDistrict: s.starosta_district,
        location: s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : null,
        population: s.population,
      }),
      ACTOR,
    );
  }
  const place = (name: string, i: number) => {
    const s = bySettlement.get(name)!;
    return { settlementId: s.katottg, location: near(s.lat!, s.lon!, i) };
  };
  const centre = bySettlement.get('Хмільник')!;
  const depot = await createEntity(
    ports,
    k.depots,
    DEMO_HROMADA_ID,
    fieldsOf(k.depots, {
      id: 'depot-centre',
      name: 'Гараж терцентру',
      address: 'м. Хмільник, вул. Пушкіна, 5',
      location: { lat: centre.lat!, lon: centre.lon! },
      settlementId: centre.katottg,
    }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.providers,
    DEMO_HROMADA_ID,
    fieldsOf(k.providers, {
      id: 'tercentre',
      name: 'Територіальний центр соціального обслуговування',
      kind: 'territorial-centre',
      services: ['social-taxi', 'delivery'],
      phone: '04338 2-20-15',
    }),
    ACTOR,
  );
  await createEntity(
    ports,
    k.providers,
    DEMO_HROMADA_ID,
    fieldsOf(k.providers, {
      id: 'css',
      name: 'Центр соціальних служб',
      kind: 'social-services-centre',
      services: ['mobile-brigade'],
    }),
    ACTOR,
  );
  const weekdays = { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };
  const vehicles = [
    {
      id: 'taxi-1',
      name: 'Соцтаксі (рампа)',
      plate: 'АВ 1234 ВС',
      providerId: 'tercentre',
      services: ['social-taxi'],
      capacity: { seats: 4, wheelchairPlaces: 2 },
      features: { ramp: true, coldBox: false },
    },
    {
      id: 'taxi-2',
      name: 'Соцтаксі',
      plate: 'АВ 5678 ВС',
      providerId: 'tercentre',
      services: ['social-taxi', 'mobile-brigade'],
      capacity: { seats: 4 },
    },
    {
      id: 'van-1',
      name: 'Доставка (холодильник)',
      plate: 'АВ 9012 ВС',
      providerId: 'tercentre',
      services: ['delivery', 'mobile-case'],
      capacity: { seats: 2, cargoKg: 600 },
      features: { ramp: false, coldBox: true },
    },
  ];
  for (const v of vehicles) {
    await createEntity(
      ports,
      k.vehicles,
      DEMO_HROMADA_ID,
      fieldsOf(k.vehicles, { ...v, depotId: depot.id, shifts: [weekdays] }),
      ACTOR,
    );
  }
  const drivers = [
    { id: 'driver-1', name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: ['taxi-1'] },
    { id: 'driver-2', name: 'Ірина Мельник', phone: '+38 (050) 402-12-02', vehicleIds: ['taxi-2'] },
    {
      id: 'driver-3',
      name: 'Василь Бондар',
      phone: '0934031203',
      vehicleIds: ['van-1'],
      transliterateSms: true,
    },
  ];
  for (const d of drivers)
    await createEntity(ports, k.drivers, DEMO_HROMADA_ID, fieldsOf(k.drivers, d), ACTOR);

  const residents = [
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
  const ids: string[] = [];
  for (const [i, r] of residents.entries()) {
    const p = place(r.village, i);
    const created = await createEntity(
      ports,
      k.residents,
      DEMO_HROMADA_ID,
      fieldsOf(k.residents, {
        name: r.name,
        phone: r.phone,
        settlementId: p.settlementId,
        address: `с. ${r.village}, ${r.street}`,
        location: p.location,
        mobility: {
          wheelchair: r.wheelchair ?? false,
          needsRamp: r.wheelchair ?? false,
          escort: r.escort ?? false,
        },
        smsConsent: r.phone !== null,
        confidential: r.confidential ?? false,
      }),
      ACTOR,
    );
    ids.push(created.id);
  }

  const tomorrow = addDays(localDate(ports.clock.now()), 1);
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
    address: `с. ${residents[i]!.village}, ${residents[i]!.street}`,
    ...place(residents[i]!.village, i),
  });
  const taxi = (
    i: number,
    to: typeof hospital,
    time: string,
    kind: 'pickup' | 'arrive-by',
    purpose: string,
  ) => ({
    serviceType: 'social-taxi',
    residentId: ids[i],
    date: tomorrow,
    pickup: home(i),
    dropoff: to,
    requestedTime: { kind, time },
    passengers: { escorts: residents[i]!.escort ? 1 : 0, wheelchair: residents[i]!.wheelchair ?? false },
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
    residentId: ids[i],
    date: tomorrow,
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
  return 'seeded';
}
