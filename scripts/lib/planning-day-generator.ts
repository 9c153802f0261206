/**
 * A generated, realistic day of a hromada for `npm run bench:planning`: the four services (social
 * taxi with wheelchair riders, escorts and fixed returns; brigade visits, confidential or exclusive;
 * mobile-case stops at settlements with home visits; deliveries, some cold), its fleet and its
 * residents, spread over settlements. Pure and seeded: the same options give the same day.
 *
 * Settlements are the real ones of the demo data (those with coordinates, read by the caller from
 * infra/local/demo-data); when more are asked for than the data holds, the extra ones are
 * generated 2–8 km from a real one (`generated: true`).
 */

export interface RealSettlement {
  name_uk: string;
  type: 'місто' | 'селище' | 'село';
  katottg: string;
  lat: number | null;
  lon: number | null;
  population: number;
}

export interface DaySettlement {
  id: string;
  name: string;
  type: 'місто' | 'селище' | 'село';
  katottg?: string;
  location: { lat: number; lon: number };
  population: number;
  generated: boolean;
}

export type Service = 'social-taxi' | 'mobile-brigade' | 'mobile-case' | 'delivery';

export interface DayVehicle {
  id: string;
  name: string;
  plate: string;
  providerId: 'tercentre' | 'css';
  services: Service[];
  capacity: { seats: number; wheelchairPlaces?: number; cargoKg?: number };
  features?: { ramp: boolean; coldBox: boolean };
  shifts: Array<{ days: number[]; start: string; end: string }>;
}

export interface DayResident {
  id: string;
  name: string;
  settlementId: string;
  address: string;
  location: { lat: number; lon: number };
  wheelchair: boolean;
  escort: boolean;
  confidential: boolean;
  categories: string[];
}

export interface DayCaseStop {
  scheduleId: string;
  settlementId: string;
  vehicleId: string;
  from: string;
  to: string;
}

/** A booking's body as POST /requests takes it (serviceRequestCreateSchema's input). */
export interface DayBooking {
  serviceType: Service;
  residentId: string;
  date: string;
  pickup: { address: string; location: { lat: number; lon: number }; settlementId: string };
  dropoff?: { address: string; location: { lat: number; lon: number }; settlementId: string };
  requestedTime: { kind: 'pickup' | 'arrive-by'; time: string };
  purpose: 'medical' | 'cnap' | 'bank' | 'social-services' | 'pension-fund';
  serviceMinutes?: number;
  parcel?: { kg: number; cold: boolean };
  exclusive?: boolean;
  return?: { mode: 'fixed'; time: string };
  /** The schedule of the case stop this home visit belongs to (its stop id is known once dated). */
  caseScheduleId?: string;
}

export interface PlanningDay {
  settlements: DaySettlement[];
  /** The centre (the first settlement: the town). */
  centre: DaySettlement;
  vehicles: DayVehicle[];
  residents: DayResident[];
  caseStops: DayCaseStop[];
  bookings: DayBooking[];
}

export interface PlanningDayOptions {
  /** Requests on the day (a taxi ride with its return counts two; case stops are not requests). */
  requests: number;
  vehicles: number;
  settlements: number;
  seed: number;
  date: string;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Shares of the requests by service (taxi rides count outbound and return). */
export const SERVICE_MIX: Record<Service, number> = {
  'social-taxi': 0.43,
  delivery: 0.46,
  'mobile-brigade': 0.06,
  'mobile-case': 0.05,
};

/** Shares of the fleet by what the vehicle does. */
const FLEET_MIX = { taxi: 6 / 12, brigade: 2 / 12, delivery: 3 / 12, caseVan: 1 / 12 };

const WEEKDAYS = [1, 2, 3, 4, 5];
const SHIFT = { days: WEEKDAYS, start: '07:00', end: '19:00' };

/** Places in the town the taxi takes riders to (Хмільник's hospital, ЦНАП, bank, pension fund). */
const TOWN_PLACES = [
  { address: 'м. Хмільник, вул. Монастирська, 71 (лікарня)', lat: 49.5603, lon: 27.9571, purpose: 'medical' },
  { address: 'м. Хмільник, вул. Столярчука, 10 (ЦНАП)', lat: 49.5571, lon: 27.9512, purpose: 'cnap' },
  { address: 'м. Хмільник, вул. Небесної Сотні, 4 (банк)', lat: 49.5581, lon: 27.9551, purpose: 'bank' },
  { address: 'м. Хмільник, вул. Шевченка, 8 (ПФУ)', lat: 49.5589, lon: 27.9535, purpose: 'pension-fund' },
] as const;

const STREETS = [
  'вул. Шевченка',
  'вул. Миру',
  'вул. Садова',
  'вул. Центральна',
  'вул. Польова',
  'вул. Лісова',
];
const FIRST = ['Ганна', 'Микола', 'Олена', 'Петро', 'Марія', 'Іван', 'Надія', 'Василь', 'Катерина', 'Тамара'];
const LAST = [
  'Шевчук',
  'Ткач',
  'Кравець',
  'Лисенко',
  'Руденко',
  'Мороз',
  'Гончар',
  'Савчук',
  'Бойко',
  'Поліщук',
];

export function generatePlanningDay(real: RealSettlement[], options: PlanningDayOptions): PlanningDay {
  const rnd = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const settlements = daySettlements(real, options.settlements, rnd);
  const centre = settlements[0]!;
  const vehicles = dayFleet(options.vehicles);
  const residents: DayResident[] = [];
  const bookings: DayBooking[] = [];
  const newResident = (r: Partial<DayResident> & { settlement?: DaySettlement }): DayResident => {
    const s = r.settlement ?? pick(settlements.slice(1));
    const k = residents.length + 1;
    const resident: DayResident = {
      id: `bench-resident-${k}`,
      name: `${pick(FIRST)} ${pick(LAST)} ${k}`,
      settlementId: s.id,
      address: `${s.type === 'місто' ? 'м.' : 'с.'} ${s.name}, ${pick(STREETS)}, ${1 + Math.floor(rnd() * 60)}`,
      location: jitter(s.location, 0.004, rnd),
      wheelchair: r.wheelchair ?? false,
      escort: r.escort ?? false,
      confidential: r.confidential ?? false,
      categories: r.categories ?? [],
    };
    residents.push(resident);
    return resident;
  };
  const home = (r: DayResident) => ({
    address: r.address,
    location: r.location,
    settlementId: r.settlementId,
  });
  const caseStops = dayCaseStops(vehicles, settlements, rnd);
  const counts = serviceCounts(options.requests);

  // social taxi: appointments in the town, most with a fixed return (two requests)
  let taxi = counts['social-taxi'];
  while (taxi > 0) {
    const wheelchair = rnd() < 0.2;
    const rider = newResident({
      wheelchair,
      escort: !wheelchair && rnd() < 0.1,
      categories: [wheelchair ? 'disability-1' : pick(['disability-2', 'aged-80-plus'])],
    });
    const to = pick(TOWN_PLACES);
    const arrive = 8 * 60 + 30 + Math.floor(rnd() * 27) * 15; // 08:30–15:00
    const withReturn = taxi >= 2 && rnd() < 0.6;
    bookings.push({
      serviceType: 'social-taxi',
      residentId: rider.id,
      date: options.date,
      pickup: home(rider),
      dropoff: { address: to.address, location: { lat: to.lat, lon: to.lon }, settlementId: centre.id },
      requestedTime: { kind: 'arrive-by', time: hhmm(arrive) },
      purpose: to.purpose,
      ...(withReturn
        ? { return: { mode: 'fixed' as const, time: hhmm(arrive + 60 + Math.floor(rnd() * 9) * 15) } }
        : {}),
    });
    taxi -= withReturn ? 2 : 1;
  }
  // brigade visits: half of them confidential cases, some others exclusive
  for (let i = 0; i < counts['mobile-brigade']; i++) {
    const confidential = rnd() < 0.5;
    const r = newResident({ confidential });
    bookings.push({
      serviceType: 'mobile-brigade',
      residentId: r.id,
      date: options.date,
      pickup: home(r),
      requestedTime: { kind: 'pickup', time: hhmm(9 * 60 + Math.floor(rnd() * 29) * 15) },
      purpose: 'social-services',
      serviceMinutes: pick([30, 45]),
      ...(!confidential && rnd() < 0.3 ? { exclusive: true } : {}),
    });
  }
  // deliveries: food kits, medicines in the cold box; a van's round goes village by village, so a
  // day's deliveries fall in a third of the villages, each at about its round's hour
  const rounds = settlements
    .slice(1)
    .filter(() => rnd() < 1 / 3)
    .map((settlement) => ({ settlement, at: 8 * 60 + Math.floor(rnd() * 33) * 15 }));
  for (let i = 0; i < counts.delivery; i++) {
    const round = pick(rounds);
    const r = newResident({ settlement: round.settlement });
    const cold = rnd() < 0.15;
    bookings.push({
      serviceType: 'delivery',
      residentId: r.id,
      date: options.date,
      pickup: home(r),
      requestedTime: { kind: 'pickup', time: hhmm(round.at + Math.floor(rnd() * 7) * 15 - 45) },
      purpose: cold ? 'medical' : 'social-services',
      serviceMinutes: 5,
      parcel: cold ? { kg: 1, cold: true } : { kg: pick([5, 10, 15]), cold: false },
    });
  }
  // mobile-case home visits: in the settlement of a van's afternoon stop, after it, by that van
  const afternoon = caseStops.filter((s) => s.from >= '12:00');
  for (let i = 0; i < counts['mobile-case']; i++) {
    const stop = afternoon[i % afternoon.length]!;
    const settlement = settlements.find((s) => s.id === stop.settlementId)!;
    const r = newResident({ settlement });
    bookings.push({
      serviceType: 'mobile-case',
      residentId: r.id,
      date: options.date,
      pickup: home(r),
      requestedTime: { kind: 'pickup', time: hhmm(toMin(stop.to) + 15 + Math.floor(rnd() * 17) * 15) },
      purpose: 'cnap',
      serviceMinutes: 15,
      caseScheduleId: stop.scheduleId,
    });
  }
  return { settlements, centre, vehicles, residents, caseStops, bookings };
}

/** Requests by service: the mix's shares of `total`, rounded, the rest to the social taxi. */
export function serviceCounts(total: number): Record<Service, number> {
  const delivery = Math.round(total * SERVICE_MIX.delivery);
  const brigade = Math.round(total * SERVICE_MIX['mobile-brigade']);
  const mobileCase = Math.round(total * SERVICE_MIX['mobile-case']);
  return {
    'social-taxi': total - delivery - brigade - mobileCase,
    delivery,
    'mobile-brigade': brigade,
    'mobile-case': mobileCase,
  };
}

function daySettlements(real: RealSettlement[], n: number, rnd: () => number): DaySettlement[] {
  const located = real
    .filter((s) => s.lat !== null && s.lon !== null)
    .sort((a, b) => b.population - a.population)
    .map(
      (s): DaySettlement => ({
        id: s.katottg,
        name: s.name_uk,
        type: s.type,
        katottg: s.katottg,
        location: { lat: s.lat!, lon: s.lon! },
        population: s.population,
        generated: false,
      }),
    );
  const out = located.slice(0, n);
  for (let k = 1; out.length < n; k++) {
    const base = located[1 + Math.floor(rnd() * (located.length - 1))]!;
    const km = 2 + rnd() * 6;
    const angle = rnd() * 2 * Math.PI;
    out.push({
      id: `bench-settlement-${k}`,
      name: `Хутір ${k}`,
      type: 'село',
      location: {
        lat: round6(base.location.lat + (km / 111) * Math.cos(angle)),
        lon: round6(base.location.lon + (km / 72) * Math.sin(angle)),
      },
      population: 50 + Math.floor(rnd() * 400),
      generated: true,
    });
  }
  return out;
}

function dayFleet(n: number): DayVehicle[] {
  const brigade = Math.max(1, Math.round(n * FLEET_MIX.brigade));
  const delivery = Math.max(1, Math.round(n * FLEET_MIX.delivery));
  const caseVan = Math.max(1, Math.round(n * FLEET_MIX.caseVan));
  const taxi = Math.max(1, n - brigade - delivery - caseVan);
  const out: DayVehicle[] = [];
  const add = (v: Omit<DayVehicle, 'id' | 'plate' | 'shifts'>) =>
    out.push({ ...v, id: `bench-v${out.length + 1}`, plate: `АВ ${1000 + out.length} ВС`, shifts: [SHIFT] });
  for (let i = 0; i < taxi; i++) {
    const ramp = i % 5 < 2;
    add({
      name: ramp ? `Соцтаксі з рампою ${i + 1}` : `Соцтаксі ${i + 1}`,
      providerId: 'tercentre',
      services: ['social-taxi'],
      capacity: { seats: 4, ...(ramp ? { wheelchairPlaces: 2 } : {}) },
      features: { ramp, coldBox: false },
    });
  }
  for (let i = 0; i < brigade; i++)
    add({
      name: `Бригада ЦСС ${i + 1}`,
      providerId: 'css',
      services: ['mobile-brigade'],
      capacity: { seats: 3 },
    });
  for (let i = 0; i < delivery; i++) {
    const cold = i % 3 === 0;
    add({
      name: cold ? `Доставка (холодильник) ${i + 1}` : `Доставка ${i + 1}`,
      providerId: 'tercentre',
      services: ['delivery'],
      capacity: { seats: 2, cargoKg: 600 },
      features: { ramp: false, coldBox: cold },
    });
  }
  for (let i = 0; i < caseVan; i++)
    add({
      name: `Мобільний кейс ${i + 1}`,
      providerId: 'tercentre',
      services: ['mobile-case'],
      capacity: { seats: 3 },
    });
  return out;
}

/** Two stops a day per case van, at settlements other than the town: 09:00–11:00 and 12:00–13:30. */
function dayCaseStops(
  vehicles: DayVehicle[],
  settlements: DaySettlement[],
  rnd: () => number,
): DayCaseStop[] {
  const vans = vehicles.filter((v) => v.services.includes('mobile-case'));
  const villages = settlements.slice(1);
  return vans.flatMap((van, k) =>
    [
      { from: '09:00', to: '11:00' },
      { from: '12:00', to: '13:30' },
    ].map((t, j) => ({
      scheduleId: `bench-case-${k + 1}-${j + 1}`,
      settlementId: villages[Math.floor(rnd() * villages.length)]!.id,
      vehicleId: van.id,
      ...t,
    })),
  );
}

function jitter(p: { lat: number; lon: number }, d: number, rnd: () => number) {
  return { lat: round6(p.lat + (rnd() - 0.5) * d), lon: round6(p.lon + (rnd() - 0.5) * d * 1.5) };
}

const round6 = (x: number) => Number(x.toFixed(6));
const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
