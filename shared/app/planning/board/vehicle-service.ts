/**
 * Board: a vehicle out of service for the day (a breakdown, a sick driver) or back in it. Out: its
 * stops not yet made wait among the unassigned ("авто не працює"), its driver is told the route was
 * taken away (a published plan), and re-planning leaves it out. Back in: it joins the pool again
 * (re-planning, insertion and the board may give it stops). A vehicle with a passenger on board is
 * not taken out.
 */
import type { Plan } from '../../../domain/entities/plan';
import { isOpen } from '../../../domain/entities/service-request';
import { ConflictError, NotFoundError } from '../../../domain/errors';
import { type BoardPorts, type BoardTarget, changeBoard } from './board-change';
import { keepStep } from './board-steps';
import { outOfService, VEHICLE_OUT_OF_SERVICE } from './out-of-service';

export async function setVehicleService(
  ports: BoardPorts,
  target: BoardTarget,
  { vehicleId, inService }: { vehicleId: string; inService: boolean },
): Promise<Plan> {
  return changeBoard(ports, target, async (loaded) => {
    if (!loaded.vehicles.some((v) => v.id === vehicleId)) throw new NotFoundError('Vehicle', vehicleId);
    const out = new Set(outOfService(loaded.plan));
    if (out.has(vehicleId) === !inService) return undefined; // already so
    const { outOfService: _, ...rest } = loaded.plan;
    if (inService) out.delete(vehicleId);
    else out.add(vehicleId);
    const plan: Plan = { ...rest, ...(out.size > 0 ? { outOfService: [...out] } : {}) };
    const status = new Map(loaded.requests.map((r) => [r.id, r.status]));
    const benched = inService
      ? []
      : [
          ...new Set(
            loaded.plan.routes.find((r) => r.vehicleId === vehicleId)?.stops.map((s) => s.requestId),
          ),
        ];
    if (benched.some((id) => status.get(id) === 'on-board'))
      throw new ConflictError(`Vehicle ${vehicleId} has a passenger on board`, undefined, {
        reason: 'в авто пасажир: спершу довезіть його',
      });
    const waiting = benched.filter((id) => isOpen(status.get(id) ?? 'cancelled'));
    return {
      plan,
      requests: (kept) => loaded.requests.filter((r) => kept.has(r.id)),
      engine: keepStep(),
      unassigned: (current) => [
        ...current,
        ...waiting.map((requestId) => ({ requestId, reason: VEHICLE_OUT_OF_SERVICE })),
      ],
      fields: ['outOfService', 'routes', 'unassigned'],
    };
  });
}
