/**
 * While an air-raid alert lasts, the stops not yet made on the routes it paused (those under way
 * when it started) move later by its duration so far, whole minutes: run every minute by the
 * poll and once more at its end. Each run moves them only by what is new since the last one
 * (`effects.shiftedMinutes`), so a repeated or late run never moves them twice. The plan (at its
 * version), the alert's effects and an audit entry are one transaction; the drivers are not sent
 * new routes now (they are in shelter): the re-plan at the end sends them. Once the start day is
 * over (past its midnight, Kyiv time) its stops stay as they are: the day is handed over then
 * (start-day-over.ts), and a past plan rewritten every minute would only conflict with any edit.
 */
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import { localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { shiftRoutes } from './routes-under-way';

export async function shiftStops(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  alert: AirRaidAlert,
  until: Date = ports.clock.now(),
): Promise<AirRaidAlert> {
  const elapsed = Math.floor((until.getTime() - Date.parse(alert.startedAt)) / 60_000);
  const minutes = elapsed - alert.effects.shiftedMinutes;
  if (minutes <= 0 || alert.effects.routesPaused.length === 0) return alert;
  // its start day is over: handed over at its midnight (start-day-over.ts), its plan left alone
  if (localDate(until, hromada.timeZone) > alert.date) return alert;
  const plan = await ports.entities.plans.forDay(hromada.id, alert.date);
  if (!plan) return alert;
  const requests = await ports.entities.requests.forDay(hromada.id, alert.date);
  const started = new Date(alert.startedAt);
  const { routes, moved } = shiftRoutes(
    plan,
    new Set(alert.effects.routesPaused),
    requests,
    started,
    minutes,
  );
  const at = ports.clock.now().toISOString();
  const next: AirRaidAlert = {
    ...alert,
    effects: {
      ...alert.effects,
      shiftedMinutes: elapsed,
      stopsShifted: Math.max(alert.effects.stopsShifted, moved),
    },
    version: alert.version + 1,
    updatedAt: at,
  };
  try {
    await ports.entities.commit([
      {
        op: 'update',
        entity: 'Plan',
        item: { ...plan, routes, version: plan.version + 1, updatedAt: at },
        expectedVersion: plan.version,
      },
      { op: 'update', entity: 'AirRaidAlert', item: next, expectedVersion: alert.version },
      auditChange(ports, hromada, 'system:air-raid', 'air-raid-shift', 'Plan', plan.id, ['routes']),
    ]);
  } catch (error) {
    // the plan or the alert moved on meanwhile: the next run shifts from what is stored then
    if (error instanceof ConflictError)
      return (await ports.entities.airRaids.get(hromada.id, alert.id)) ?? alert;
    throw error;
  }
  return next;
}
