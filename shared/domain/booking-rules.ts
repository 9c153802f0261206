import { touchesCurfew } from './curfew';
import type { HromadaRules } from './entities/hromada';
import type { Resident } from './entities/resident';
import type { ServiceRequest } from './entities/service-request';
import type { Vehicle } from './entities/vehicle';
import type { RuleCode } from './errors';
import { categoryLabels } from './resident-categories';
import { addDays, localDate, localTimeLabel } from './time';

/**
 * The hromada's booking rules as pure checks: what a booking is refused for (each with a stable
 * code and a Ukrainian reason a dispatcher reads), what it is warned about, and when it must be
 * confirmed by phone first. The reads they need are done by the booking use case
 * (shared/app/service-requests.ts); docs/services/rules.md explains them to dispatchers.
 */

export interface RuleRefusal {
  code: RuleCode;
  message: string;
  reason: string;
}

export interface BookingVerdict {
  refusals: RuleRefusal[];
  /** Ukrainian warnings the dispatcher reads in the answer; the booking is made. */
  warnings: string[];
  /** Booked as `requested` whatever the dispatcher intended: to be confirmed by phone first. */
  confirmFirst?: string;
}

/** A request as the rules see it; `returnOf` is the outbound a return trip belongs to. */
type Counted = Pick<ServiceRequest, 'serviceType' | 'status' | 'cancelKind'> & { returnOf?: string };

/**
 * The one quota count: a social-taxi ride that is live or done counts, and so do a late cancel and
 * a no-show; an early cancel does not, and a return trip (`returnOf`) rides on its outbound's.
 */
export function countsTowardQuota(request: Counted): boolean {
  if (request.serviceType !== 'social-taxi' || request.returnOf) return false;
  if (request.status === 'cancelled') return request.cancelKind === 'late';
  return true;
}

/** A cancellation at `at` is late when less than `lateCancelHours` before the window starts. */
export function cancelKindOf(
  windowStart: string,
  at: Date,
  lateCancelHours: number,
): NonNullable<ServiceRequest['cancelKind']> {
  const lead = Date.parse(windowStart) - at.getTime();
  return lead < lateCancelHours * 3_600_000 ? 'late' : 'early';
}

/** The first and last local dates of the Kyiv calendar month of `date`. */
export function monthOf(date: string): { from: string; to: string } {
  const from = `${date.slice(0, 8)}01`;
  const to = addDays(`${addDays(from, 31).slice(0, 8)}01`, -1);
  return { from, to };
}

export interface BookingFacts {
  rules: HromadaRules;
  timeZone: string;
  now: Date;
  request: Pick<ServiceRequest, 'serviceType' | 'date' | 'purpose' | 'passengers' | 'parcel'> & {
    window: { startMs: number; endMs: number };
  };
  resident: Pick<Resident, 'categories'>;
  /** The resident's requests from the earlier of the month's start and the no-show period's start. */
  trips: ServiceRequest[];
  /** The hromada's vehicles (all of them: the check picks those that can serve the request). */
  vehicles: Vehicle[];
}

/** Every rule, in the order a dispatcher would fix them. */
export function checkBooking(facts: BookingFacts): BookingVerdict {
  const refusals = [
    eligibility(facts),
    purpose(facts),
    horizon(facts),
    sameDay(facts),
    quota(facts),
    fleet(facts),
    curfew(facts),
  ].filter((r): r is RuleRefusal => r !== undefined);
  return { refusals, ...noShows(facts) };
}

function eligibility({ rules, request, resident }: BookingFacts): RuleRefusal | undefined {
  const eligible = rules.eligibleCategories[request.serviceType];
  if (!eligible || resident.categories.some((c) => eligible.includes(c))) return undefined;
  const groups = eligible.map((c) => categoryLabels[c]).join(', ');
  return {
    code: 'rule-eligibility',
    message: `The resident is in none of the categories ${request.serviceType} serves`,
    reason: `Послуга лише для категорій: ${groups || 'жодної'}. У картці мешканця такої категорії немає`,
  };
}

function purpose({ rules, request }: BookingFacts): RuleRefusal | undefined {
  const allowed = rules.allowedPurposes[request.serviceType];
  if (!allowed || allowed.includes(request.purpose)) return undefined;
  return {
    code: 'rule-purpose',
    message: `Purpose ${request.purpose} is not allowed for ${request.serviceType}`,
    reason: `Мета поїздки «${PURPOSE_WORDS[request.purpose]}» не передбачена правилами громади для цієї послуги`,
  };
}

const PURPOSE_WORDS: Record<ServiceRequest['purpose'], string> = {
  medical: 'лікування',
  cnap: 'ЦНАП',
  bank: 'банк',
  'social-services': 'соціальні послуги',
  'pension-fund': 'Пенсійний фонд',
  other: 'інше',
};

function horizon({ rules, request, now, timeZone }: BookingFacts): RuleRefusal | undefined {
  const last = addDays(localDate(now, timeZone), rules.bookingHorizonDays);
  if (request.date <= last) return undefined;
  return {
    code: 'rule-horizon',
    message: `Bookings are taken at most ${rules.bookingHorizonDays} days ahead (until ${last})`,
    reason: `Записати можна не більше ніж на ${rules.bookingHorizonDays} дн. наперед (до ${last})`,
  };
}

function sameDay({ rules, request, now, timeZone }: BookingFacts): RuleRefusal | undefined {
  if (request.date !== localDate(now, timeZone)) return undefined;
  const lead = request.window.startMs - now.getTime();
  if (lead >= rules.sameDayMinHours * 3_600_000) return undefined;
  return {
    code: 'rule-same-day',
    message: `A booking for today needs ${rules.sameDayMinHours} h before the window starts`,
    reason: `На сьогодні можна записати не пізніше ніж за ${rules.sameDayMinHours} год до початку вікна`,
  };
}

function quota({ rules, request, trips }: BookingFacts): RuleRefusal | undefined {
  if (request.serviceType !== 'social-taxi') return undefined;
  const month = monthOf(request.date);
  const used = trips.filter((t) => t.date >= month.from && t.date <= month.to && countsTowardQuota(t));
  if (used.length < rules.monthlyRideQuota) return undefined;
  return {
    code: 'rule-quota',
    message: `Monthly quota of ${rules.monthlyRideQuota} rides used (${used.length} in ${month.from.slice(0, 7)})`,
    reason: `Ліміт поїздок на місяць вичерпано: ${used.length} з ${rules.monthlyRideQuota} (враховано пізні скасування та неявки)`,
  };
}

function noShows({ rules, now, timeZone, trips }: BookingFacts): Omit<BookingVerdict, 'refusals'> {
  const since = addDays(localDate(now, timeZone), -rules.noShow.periodDays);
  const count = trips.filter((t) => t.status === 'no-show' && t.date >= since).length;
  if (count < rules.noShow.threshold) return { warnings: [] };
  const text = `Неявок за ${rules.noShow.periodDays} дн.: ${count} (поріг ${rules.noShow.threshold})`;
  if (rules.noShow.consequence === 'warn')
    return { warnings: [`${text}. Нагадайте мешканцю про скасування`] };
  return { warnings: [], confirmFirst: `${text}: запис слід підтвердити телефоном` };
}

const WEEKDAYS = ['', 'понеділок', 'вівторок', 'середу', 'четвер', "п'ятницю", 'суботу', 'неділю'];

function fleet({ request, vehicles, timeZone }: BookingFacts): RuleRefusal | undefined {
  const serving = vehicles.filter((v) => v.active && v.services.includes(request.serviceType));
  // No vehicle registered for the service at all: the hromada is still setting up; not checked.
  if (serving.length === 0) return undefined;
  const fit = serving.filter((v) => canCarry(v, request));
  if (fit.length === 0) {
    return {
      code: 'rule-fleet',
      message: `No vehicle for ${request.serviceType} can carry this request (places, ramp, cargo)`,
      reason: 'Жоден автомобіль цієї послуги не може це перевезти (місця для візка, пандус, вантаж)',
    };
  }
  const weekday = ((new Date(`${request.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const from = localTimeLabel(new Date(request.window.startMs), timeZone);
  const to = localTimeLabel(new Date(request.window.endMs), timeZone);
  const works = fit.some((v) =>
    v.shifts.some((s) => s.days.includes(weekday) && s.start < to && s.end > from),
  );
  if (works) return undefined;
  const onDay = fit.some((v) => v.shifts.some((s) => s.days.includes(weekday)));
  return {
    code: 'rule-fleet',
    message: `No vehicle that can serve it works on ${request.date} ${from}–${to}`,
    reason: onDay
      ? `О ${from}–${to} не працює жоден автомобіль, що може виконати запит`
      : `У ${WEEKDAYS[weekday]} не працює жоден автомобіль, що може виконати запит`,
  };
}

function canCarry(v: Vehicle, request: BookingFacts['request']) {
  const { passengers, parcel } = request;
  // as planning does (day-problem.ts): a wheelchair needs a wheelchair place and a ramp
  if (passengers.wheelchair && (v.capacity.wheelchairPlaces < 1 || !v.features.ramp)) return false;
  const seated = (passengers.wheelchair ? 0 : 1) + passengers.escorts;
  if (request.serviceType === 'social-taxi' && v.capacity.seats < seated) return false;
  if (parcel && (v.capacity.cargoKg < parcel.kg || (parcel.cold && !v.features.coldBox))) return false;
  return true;
}

/** No ride in the curfew: a window with any part inside it is refused (shared/domain/curfew.ts). */
function curfew({ rules, request, timeZone }: BookingFacts): RuleRefusal | undefined {
  if (!touchesCurfew(rules.curfew, request.date, timeZone, request.window)) return undefined;
  const { from, to } = rules.curfew!;
  return {
    code: 'rule-curfew',
    message: `The window falls in the curfew ${from}–${to}`,
    reason: `Під час комендантської години (${from}–${to}) поїздки не виконуються; оберіть інший час`,
  };
}
