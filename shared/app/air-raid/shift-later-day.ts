/**
 * An air-raid alert that crossed midnight (Kyiv time) and is still in force on a later day: run
 * with shift-stops.ts every minute by the poll and once more at its end. That day's routes whose
 * next stop falls inside the alert wait for it (hold-routes.ts), and the driver of each of that
 * day's routes now on the road (routes-under-way.ts: set off, or about to) is told once, by the
 * same short SMS as at the start. The plan (at its version), the alert's log of that day
 * (`effects.days`), the SMS and an audit entry are one transaction; a conflict leaves it to the
 * next minute. The re-plan of that day at the end is replan-later-day.ts.
 */
import { type AirRaidAlert, type AirRaidDay, MAX_LATER_DAYS } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError } from '../../domain/errors';
import { localDate, localToUtc } from '../../domain/time';
import { airRaidDriver } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { queueSms } from '../queue-sms';
import { holdRoutes } from './hold-routes';
import { routesUnderWay } from './routes-under-way';

type ShiftPorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/** The SMS that tells the driver of `vehicleId` on a later day of the alert (once per day). */
export const laterDriverNoticeId = (alertId: string, date: string, vehicleId: string) =>
  `air-raid-${alertId}-${date}-${vehicleId}`;

/** The later day the alert is in at `at`, or none (still its start day). */
export function laterDayAt(alert: AirRaidAlert, at: Date, timeZone: string): string | undefined {
  const date = localDate(at, timeZone);
  return date > alert.date ? date : undefined;
}

export const emptyDay = (date: string): AirRaidDay => ({
  date,
  stopsShifted: 0,
  shiftedMinutes: 0,
  windowsMoved: 0,
});

export async function shiftLaterDay(
  ports: ShiftPorts,
  hromada: Hromada,
  alert: AirRaidAlert,
  until: Date = ports.clock.now(),
): Promise<AirRaidAlert> {
  const date = laterDayAt(alert, until, hromada.timeZone);
  if (!date) return alert;
  const days = alert.effects.days ?? [];
  const day = days.find((d) => d.date === date) ?? emptyDay(date);
  if (!days.includes(day) && days.length >= MAX_LATER_DAYS) return alert;
  const plan = await ports.entities.plans.forDay(hromada.id, date);
  if (!plan) return alert;
  const requests = await ports.entities.requests.forDay(hromada.id, date);
  const { routes, moved, minutes } = holdRoutes(
    plan,
    requests,
    localToUtc(date, '00:00', hromada.timeZone),
    until,
  );
  const shifted: Plan = { ...plan, routes };
  const { sms, told } = driverNotices(ports, hromada, alert, date, shifted, requests, until);
  if (moved === 0 && told.length === 0) return alert;
  const at = ports.clock.now().toISOString();
  const nextDay: AirRaidDay = {
    ...day,
    stopsShifted: Math.max(day.stopsShifted, moved),
    shiftedMinutes: day.shiftedMinutes + minutes,
  };
  const next: AirRaidAlert = {
    ...alert,
    effects: {
      ...alert.effects,
      driversTold: [...alert.effects.driversTold, ...told],
      days: [...days.filter((d) => d.date !== date), nextDay].sort((a, b) => a.date.localeCompare(b.date)),
    },
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

/** The drivers of that day's published routes on the road now, not yet told that day. */
function driverNotices(
  ports: ShiftPorts,
  hromada: Hromada,
  alert: AirRaidAlert,
  date: string,
  plan: Plan,
  requests: ServiceRequest[],
  at: Date,
) {
  const sms: Change[] = [];
  const told: AirRaidAlert['effects']['driversTold'] = [];
  const room = 100 - alert.effects.driversTold.length;
  const known = new Set(alert.effects.driversTold.map((t) => t.messageId));
  for (const route of routesUnderWay(plan, requests, at)) {
    const to = plan.sent?.[route.vehicleId]?.to;
    const messageId = laterDriverNoticeId(alert.id, date, route.vehicleId);
    if (!to || known.has(messageId) || told.length >= Math.min(room, 90)) continue;
    sms.push(
      queueSms(ports, hromada, {
        id: messageId,
        kind: 'air-raid',
        to,
        text: airRaidDriver(),
        subject: `VEHICLE#${route.vehicleId}`,
        confidential: false,
        urgent: true,
      }),
    );
    told.push({ vehicleId: route.vehicleId, messageId });
  }
  return { sms, told };
}
