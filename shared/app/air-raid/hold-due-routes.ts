/**
 * While an air-raid alert lasts, the routes that were not on the road when it reached their day
 * and fall due inside it: run after shift-stops.ts every minute by the poll and once more at its
 * end, on the day the alert is in now (Kyiv time) — its start day (the routes it did not pause),
 * or a later day once it crossed midnight (every route). Such a route whose next stop falls inside
 * the alert waits for it (hold-routes.ts), so nothing counts as made while everyone is in shelter,
 * and the driver of each route now on the road (routes-under-way.ts: set off, or about to) is told
 * once that day, by the same short SMS as at the start. The plan (at its version), the alert's log
 * (the start day's `stopsShifted`, or the later day's line in `effects.days`), the SMS and an
 * audit entry are one transaction; a conflict leaves it to the next minute. The re-plan of a later
 * day at the end is replan-later-day.ts; a later day over while the alert lasts is handed over by
 * days-over.ts, however long the alert.
 */
import { type AirRaidAlert, type AirRaidDay, MAX_LATER_DAYS } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import { localDate, localToUtc } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { holdRoutes } from './hold-routes';
import { routesUnderWay } from './routes-under-way';
import { tellDrivers } from './tell-drivers';

type ShiftPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** The SMS that tells the driver of `vehicleId` whose route came on the road during the alert (once a day). */
export const laterDriverNoticeId = (alertId: string, date: string, vehicleId: string) =>
  `air-raid-${alertId}-${date}-${vehicleId}`;

/** The later day the alert is in at `at`, or none (still its start day). */
export function laterDayAt(alert: AirRaidAlert, at: Date, timeZone: string): string | undefined {
  const date = localDate(at, timeZone);
  return date > alert.date ? date : undefined;
}

/**
 * When the alert reached a later day: its local midnight, or the alert's start when it began
 * after that midnight (a start on the day before whose routes were still on the road): the stops
 * made before then stay made.
 */
export function laterDayEntry(alert: AirRaidAlert, date: string, timeZone: string): Date {
  return new Date(Math.max(localToUtc(date, '00:00', timeZone).getTime(), Date.parse(alert.startedAt)));
}

export const emptyDay = (date: string): AirRaidDay => ({
  date,
  stopsShifted: 0,
  shiftedMinutes: 0,
  windowsMoved: 0,
});

export async function holdDueRoutes(
  ports: ShiftPorts,
  hromada: Hromada,
  alert: AirRaidAlert,
  until: Date = ports.clock.now(),
  /** False at the end: the all-clear is no moment to tell a driver to take shelter. */
  tell = true,
): Promise<AirRaidAlert> {
  // ended meanwhile (a poll racing «Відбій» read it back after a conflict): the re-plan has just
  // published the day, and a hold now would move stops in it
  if (alert.endedAt !== undefined) return alert;
  const later = laterDayAt(alert, until, hromada.timeZone);
  const date = later ?? alert.date;
  const days = alert.effects.days ?? [];
  const day = later ? (days.find((d) => d.date === later) ?? emptyDay(later)) : undefined;
  // the days over are handed over and folded first (days-over.ts), so there is room for today's
  // line; none only while their hand-over keeps failing (the next minute tries again)
  if (day && !days.includes(day) && days.length >= MAX_LATER_DAYS) return alert;
  const plan = await ports.entities.plans.forDay(hromada.id, date);
  if (!plan) return alert;
  const requests = await ports.entities.requests.forDay(hromada.id, date);
  const { routes, moved, byVehicle } = later
    ? holdRoutes(plan, requests, laterDayEntry(alert, later, hromada.timeZone), until)
    : holdRoutes(plan, requests, new Date(alert.startedAt), until, new Set(alert.effects.routesPaused));
  const shifted: Plan = { ...plan, routes };
  const { sms, told } = tell
    ? driverNotices(ports, hromada, alert, date, shifted, requests, until)
    : { sms: [], told: [] };
  if (moved === 0 && told.length === 0) return alert;
  const at = ports.clock.now().toISOString();
  const logged = day
    ? {
        days: [
          ...days.filter((d) => d.date !== date),
          { ...day, stopsShifted: Math.max(day.stopsShifted, moved), ...largestShift(day, byVehicle) },
        ].sort((a, b) => a.date.localeCompare(b.date)),
      }
    : { stopsShifted: Math.max(alert.effects.stopsShifted, moved) };
  const next: AirRaidAlert = {
    ...alert,
    effects: { ...alert.effects, driversTold: [...alert.effects.driversTold, ...told], ...logged },
    version: alert.version + 1,
    updatedAt: at,
  };
  const changes: Change[] = [
    { op: 'update', entity: 'AirRaidAlert', item: next, expectedVersion: alert.version },
  ];
  if (moved > 0)
    changes.push(
      {
        op: 'update',
        entity: 'Plan',
        item: { ...shifted, version: plan.version + 1, updatedAt: at },
        expectedVersion: plan.version,
      },
      auditChange(ports, hromada, 'system:air-raid', 'air-raid-shift', 'Plan', plan.id, ['routes']),
    );
  try {
    await ports.entities.commit([...changes, ...sms]);
  } catch (error) {
    // the plan or the alert moved on meanwhile: the next run holds from what is stored then
    if (error instanceof ConflictError)
      return (await ports.entities.airRaids.get(hromada.id, alert.id)) ?? alert;
    throw error;
  }
  return next;
}

/**
 * The day's routes' total shifts with this run's moves added, and the largest of them (not the
 * sum of each run's largest move: two routes held in turn would add up to more than either).
 */
function largestShift(day: AirRaidDay, byVehicle: Record<string, number>) {
  const routeMinutes = { ...day.routeMinutes };
  for (const [vehicleId, minutes] of Object.entries(byVehicle))
    routeMinutes[vehicleId] = (routeMinutes[vehicleId] ?? 0) + minutes;
  // a log written before the totals were kept starts from its own figure
  const before = day.routeMinutes ? 0 : day.shiftedMinutes;
  return { routeMinutes, shiftedMinutes: Math.max(before, ...Object.values(routeMinutes)) };
}

/**
 * A driver this alert told less than this long ago is not told again for another route of theirs
 * (told about last night's route at 00:05, not again at once about today's); a driver told last
 * night whose morning route comes on the road during the same alert is told again.
 */
export const RETELL_AFTER_MINUTES = 180;

/**
 * The drivers of that day's published routes on the road now, not yet told by this alert that day
 * (at its start, or earlier that day), nor told by it in the last RETELL_AFTER_MINUTES.
 */
function driverNotices(
  ports: ShiftPorts,
  hromada: Hromada,
  alert: AirRaidAlert,
  date: string,
  plan: Plan,
  requests: ServiceRequest[],
  at: Date,
) {
  const known = new Set(alert.effects.driversTold.map((t) => t.messageId));
  const since = at.getTime() - RETELL_AFTER_MINUTES * 60_000;
  const recently = new Set(
    alert.effects.driversTold.filter((t) => t.at && Date.parse(t.at) > since).map((t) => t.vehicleId),
  );
  const atStart = date === alert.date ? new Set(alert.effects.routesPaused) : new Set<string>();
  const messageIdOf = (vehicleId: string) => laterDriverNoticeId(alert.id, date, vehicleId);
  const onTheRoad = routesUnderWay(plan, requests, at)
    .map((r) => r.vehicleId)
    .filter((v) => !atStart.has(v) && !known.has(messageIdOf(v)) && !recently.has(v));
  const room = 100 - alert.effects.driversTold.length;
  return tellDrivers(ports, hromada, plan, onTheRoad, messageIdOf, Math.min(room, 90));
}
