/**
 * Rides an air-raid alert left undone on a day that is over when it ends (a day it lasted wholly,
 * days-over.ts, or the start day of an alert that crossed midnight, start-day-over.ts): each is an
 * item on the attention list of the day the alert ended (the list the dispatcher looks at), naming
 * the request, in one transaction with an audit entry. The requests stay open, as they were: the
 * dispatcher calls the resident, then moves or cancels the request.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { localTimeLabel } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem, alertTrip } from '../alerts/alert-item';

/**
 * At most this many rides to rebook get their own attention item per day; the rest share one item
 * that sends the dispatcher to the day's requests.
 */
export const MAX_REBOOK_ITEMS = 90;

export interface Rebooked {
  toRebook: string[];
  toRebookCount: number;
}

/** "28.11" for the lines a dispatcher reads. */
export const dayLabel = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;

/**
 * The part of a day handed over that the alert covered, when not all of it: «з 00:30» (reached
 * after its midnight), «до 23:59» (ended on it), «з 00:30 до 23:59»; undefined: the whole day.
 */
export function spanWords(day: { since?: string | undefined; until?: string | undefined }, timeZone: string) {
  const words = [
    ...(day.since ? [`з ${localTimeLabel(new Date(day.since), timeZone)}`] : []),
    ...(day.until ? [`до ${localTimeLabel(new Date(day.until), timeZone)}`] : []),
  ];
  return words.length > 0 ? words.join(' ') : undefined;
}

/**
 * The attention items (on `listDate`'s list) for the rides of `date` to rebook, at most
 * MAX_REBOOK_ITEMS and one for the rest, for the caller's transaction (with the alert and its
 * audit entry: at most 93 items).
 */
export function rebookChanges(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  alert: AirRaidAlert,
  days: { date: string; listDate: string },
  open: readonly ServiceRequest[],
  text: (request: ServiceRequest, from: string, to: string) => string,
): { items: Change[]; rebooked: Rebooked } {
  const listed = open.slice(0, MAX_REBOOK_ITEMS);
  const items: Change[] = listed.map((request) => {
    const { from, to } = alertTrip(request, hromada.timeZone);
    return alertItem(ports, hromada, {
      kind: 'air-raid',
      cause: `${alert.id}-rebook-${request.id}`,
      date: days.listDate,
      text: text(request, from, to),
      requestId: request.id,
    });
  });
  // the rest are named together, never only counted: one item sends the dispatcher to the day's
  // open requests (a transaction holds 100 items)
  const rest = open.length - listed.length;
  if (rest > 0)
    items.push(
      alertItem(ports, hromada, {
        kind: 'air-raid',
        cause: `${alert.id}-rebook-${days.date}-more`,
        date: days.listDate,
        text: `Тривога: ще ${rest} заявок на ${dayLabel(days.date)} не виконано (окремо не вказано) — відкрийте заявки дня ${dayLabel(days.date)} і домовтеся з кожним отримувачем про новий час`,
      }),
    );
  return { items, rebooked: { toRebook: listed.map((r) => r.id), toRebookCount: open.length } };
}
