/**
 * What the dispatcher books for the replayed day, all four services, at times that follow the day's
 * first time (so that today's same-day notice holds): social-taxi rides (one with a fixed return),
 * deliveries (one handed over in person, proved by a code), a confidential brigade visit, a
 * standing order for that weekday, a mobile-case stop with slots booked for two residents, and the
 * late phone request inserted into the published plan. The demo data's residents (infra/local).
 */

export interface Booking {
  label: string;
  body: Record<string, unknown>;
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const at = (start: string, plus: number) => {
  const m = toMinutes(start) + plus;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const resident = (i: number) => `resident-${i + 1}`;
const isoWeekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;

/** The day's requests, booked through `POST /hromady/{h}/requests`. */
export function dayBookings(date: string, start: string): Booking[] {
  const common = { date, allowOverlap: true };
  const taxi = (i: number, to: string, kind: 'pickup' | 'arrive-by', plus: number, purpose: string) => ({
    ...common,
    serviceType: 'social-taxi',
    residentId: resident(i),
    pickup: { home: true },
    dropoff: { placeId: to },
    requestedTime: { kind, time: at(start, plus) },
    purpose,
  });
  const visit = (i: number, serviceType: string, plus: number, minutes: number, purpose: string) => ({
    ...common,
    serviceType,
    residentId: resident(i),
    pickup: { home: true },
    requestedTime: { kind: 'pickup', time: at(start, plus) },
    serviceMinutes: minutes,
    purpose,
  });
  return [
    { label: 'taxi Шевчук → лікарня', body: taxi(0, 'hospital', 'arrive-by', 75, 'medical') },
    {
      label: 'taxi Кравець → ЦНАП, back at a fixed time',
      body: { ...taxi(2, 'cnap', 'pickup', 20, 'cnap'), return: { mode: 'fixed', time: at(start, 140) } },
    },
    { label: 'taxi Лисенко → лікарня', body: taxi(3, 'hospital', 'pickup', 90, 'medical') },
    { label: 'taxi Гончар → банк', body: taxi(6, 'bank', 'pickup', 180, 'bank') },
    {
      label: 'delivery Савчук (food kit)',
      body: { ...visit(7, 'delivery', 30, 5, 'social-services'), parcel: { kg: 10, cold: false } },
    },
    {
      label: 'delivery Бойко (in person, code)',
      body: {
        ...visit(8, 'delivery', 100, 5, 'social-services'),
        parcel: { kg: 4, cold: false },
        handover: { mode: 'in-person' },
      },
    },
    {
      label: 'delivery Ковальчук (insulin, cold)',
      body: { ...visit(9, 'delivery', 150, 5, 'medical'), parcel: { kg: 1, cold: true } },
    },
    {
      label: 'brigade visit (confidential)',
      body: visit(10, 'mobile-brigade', 60, 60, 'social-services'),
    },
  ];
}

/** A standing order on that weekday only, that day only: its rides are generated when it is created. */
export function standingOrder(date: string, start: string): Record<string, unknown> {
  return {
    id: `demoday-${date}`,
    residentId: resident(1),
    pickup: { home: true },
    dropoff: { placeId: 'hospital' },
    weekdays: [isoWeekday(date)],
    requestedTime: { kind: 'pickup', time: at(start, 45) },
    return: { mode: 'fixed', time: at(start, 165) },
    from: date,
    to: date,
    purpose: 'medical',
  };
}

/** A mobile-case stop in Соколова for the day's first two hours, on the workstation's van. */
export function caseStop(date: string, start: string, settlementId: string): Record<string, unknown> {
  return {
    id: `demoday-${date}`,
    settlementId,
    date,
    from: at(start, 0),
    to: at(start, 120),
    place: 'приміщення старостату',
    services: ['пенсія', 'субсидії'],
    vehicleId: 'case-1',
  };
}

/** The residents who book a slot at the stop (the first free one), through the stop's API. */
export const CASE_SLOT_RESIDENTS = [resident(4), resident(5)];

/** The late phone request, booked then inserted into the published plan. */
export function lateRequest(date: string, start: string): Booking {
  return {
    label: 'late call: taxi Мороз → ЦНАП',
    body: {
      date,
      allowOverlap: true,
      serviceType: 'social-taxi',
      residentId: resident(5),
      pickup: { home: true },
      dropoff: { placeId: 'cnap' },
      requestedTime: { kind: 'pickup', time: at(start, 200) },
      purpose: 'cnap',
    },
  };
}
