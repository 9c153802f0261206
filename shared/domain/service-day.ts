import type { HromadaRules } from './entities/hromada';
import { addDays, localTimeLabel, localToUtc } from './time';

export interface ServiceDayInput {
  /** The request's local service date and the hromada's zone. */
  date: string;
  timeZone: string;
  kind: 'pickup' | 'arrive-by';
  /** The requested instant (epoch ms): a pickup time or an appointment. */
  requestedMs: number;
  /** The derived pickup (or visit) window. */
  window: { startMs: number; endMs: number };
  /** Direct driving time pickup → drop-off, seconds; absent for visits at one address. */
  directRideS?: number;
}

/** Why a booking cannot be served on its day: English for the API, Ukrainian for the dispatcher. */
export interface Unservable {
  path: string;
  message: string;
  reason: string;
}

const PATH = 'requestedTime.time';

/**
 * Can the request be served within its service day (local 00:00–24:00 of `date`, DST-correct)
 * and the hromada's service hours? The service spans the window's start to its finish: the
 * appointment for an arrive-by time, the window's end for a pickup time (plus the direct ride,
 * for the day boundary only: a ride may end after hours, not after midnight).
 * Returns the first reason it cannot, or undefined.
 */
export function unservable(
  rules: Pick<HromadaRules, 'serviceHours'>,
  input: ServiceDayInput,
): Unservable | undefined {
  const { date, timeZone, window } = input;
  const dayStart = localToUtc(date, '00:00', timeZone).getTime();
  const dayEnd = localToUtc(addDays(date, 1), '00:00', timeZone).getTime();
  const open = localToUtc(date, rules.serviceHours.from, timeZone).getTime();
  const close = localToUtc(date, rules.serviceHours.to, timeZone).getTime();
  const finish = input.kind === 'arrive-by' ? input.requestedMs : window.endMs;
  const rideEnd = input.kind === 'pickup' ? finish + (input.directRideS ?? 0) * 1000 : finish;
  const at = (ms: number) => localTimeLabel(new Date(ms), timeZone);
  const hours = `${rules.serviceHours.from}–${rules.serviceHours.to}`;
  const span = `${at(window.startMs)}–${at(window.endMs)}`;

  if (window.startMs < dayStart) {
    const why =
      input.kind === 'arrive-by'
        ? `to arrive by ${at(input.requestedMs)} the pickup window would be ${span}, starting the day before`
        : `the pickup window ${span} starts the day before`;
    return {
      path: PATH,
      message: `Cannot be served on ${date}: ${why}; a booking must fit its service day`,
      reason: `Запис має вкладатися в день ${date}: вікно ${span} починається попереднього дня`,
    };
  }
  if (finish > dayEnd || rideEnd > dayEnd) {
    return {
      path: PATH,
      message: `Cannot be served on ${date}: the service would end after midnight (${at(rideEnd)})`,
      reason: `Запис має вкладатися в день ${date}: послуга закінчилася б після півночі`,
    };
  }
  if (window.startMs < open || finish > close) {
    const arrive = input.kind === 'arrive-by' ? `, to arrive by ${at(input.requestedMs)}` : '';
    return {
      path: PATH,
      message:
        `Outside the service hours ${hours}: the pickup window would be ${span}${arrive}; ` +
        'choose a time inside the service hours',
      reason: `Поза годинами роботи служби (${hours}): вікно ${span}`,
    };
  }
  return undefined;
}
