/**
 * A request leaves its day's plan without re-planning the rest: cancelled (by the dispatcher or
 * the resident's НІ), or edited before its driver was sent it. Its stops go (a route left empty
 * goes), a new plan version is written with its audit entry and, when the plan is published, only
 * the driver whose stops changed gets the new route (or the taken-away notice): the changes are
 * returned for the caller's transaction, with the request's own update, so all or none is written.
 */
import type { Actor } from '../../domain/actor';
import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import { alertTexts } from '../../messaging/alert-texts';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { alertItem, alertTrip } from '../alerts/alert-item';
import { auditChange } from '../audit';
import { listAll, requireHromada } from '../registry';
import { driverUpdates } from './route-messages';

export interface Withdrawal {
  /** Why it left, when it should wait in the plan's unassigned list (an edit); absent: it is gone. */
  reason?: string;
  actor: Actor;
}

/** The plan changes taking `request` out of its day's plan; none when it is not on a route. */
export async function withdrawFromPlan(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  request: ServiceRequest,
  { reason, actor }: Withdrawal,
): Promise<Change[]> {
  const { hromadaId, date } = request;
  const plan = await ports.entities.plans.forDay(hromadaId, date);
  const onRoute = (route: Plan['routes'][number]) => route.stops.some((s) => s.requestId === request.id);
  if (!plan?.routes.some(onRoute)) return [];
  const hromada = await requireHromada(ports, hromadaId);
  const now = ports.clock.now().toISOString();
  const changed = plan.routes
    .filter(onRoute)
    .map((route) => ({ ...route, stops: route.stops.filter((s) => s.requestId !== request.id) }));
  const routes = plan.routes
    .map((route) => changed.find((c) => c.vehicleId === route.vehicleId) ?? route)
    .filter((route) => route.stops.length > 0);
  const unassigned = plan.unassigned.filter((u) => u.requestId !== request.id);
  if (reason) unassigned.push({ requestId: request.id, reason });
  const version = plan.version + 1;
  const next: Plan = { ...plan, routes, unassigned, version, updatedAt: now };
  let messages: Change[] = [];
  if (plan.status === 'published') {
    const updates = driverUpdates(
      ports,
      {
        hromada,
        date,
        requests: await ports.entities.requests.forDay(hromadaId, date),
        vehicles: await listAll(ports, registryKinds.vehicles, hromadaId),
        drivers: await listAll(ports, registryKinds.drivers, hromadaId),
      },
      version,
      changed.filter((route) => route.stops.length > 0),
      sentFor(plan.sent, changed, true),
    );
    next.sent = { ...sentFor(plan.sent, changed, false), ...updates.sent };
    messages = updates.changes;
  }
  const action: AuditEntry['action'] =
    plan.status === 'published' ? (reason ? 'edit-after-publish' : 'cancel-after-publish') : 'withdraw';
  const alerts: Change[] = [];
  if (plan.status === 'published') {
    const shown = alertTrip(request, hromada.timeZone);
    alerts.push(
      alertItem(ports, hromada, {
        kind: reason ? 'edit-after-publish' : 'cancel-after-publish',
        cause: reason ? `${request.id}-p${version}` : request.id,
        date,
        text: reason
          ? alertTexts.editAfterPublish(shown)
          : alertTexts.cancelAfterPublish(shown, /^(sms|phone):/.test(actor)),
        requestId: request.id,
        ...(changed[0] ? { vehicleId: changed[0].vehicleId } : {}),
      }),
    );
  }
  return [
    { op: 'update', entity: 'Plan', item: next, expectedVersion: plan.version },
    auditChange(ports, hromada, actor, action, 'Plan', date, ['routes', 'unassigned']),
    ...messages,
    ...alerts,
  ];
}

/** What the drivers of the changed routes had (`of`), or what the others had (the rest stays). */
function sentFor(sent: Plan['sent'], changed: Plan['routes'], of: boolean): NonNullable<Plan['sent']> {
  const ids = new Set(changed.map((r) => r.vehicleId));
  return Object.fromEntries(Object.entries(sent ?? {}).filter(([vehicleId]) => ids.has(vehicleId) === of));
}
