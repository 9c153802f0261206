/**
 * Board: put a request on a vehicle — an unassigned one, or one moved from another vehicle — at
 * its best position on that vehicle's route (the engine's insertion, the task pinned to that
 * vehicle); every other stop stays as it was. A request that does not fit is a 422 with the reason.
 */
import type { Plan } from '../../../domain/entities/plan';
import { isOpen } from '../../../domain/entities/service-request';
import { ConflictError, NotFoundError, UnprocessableError } from '../../../domain/errors';
import { getServiceRequest } from '../../service-requests';
import { dayBounds, outsideTheDay } from '../day-points';
import { type BoardPorts, type BoardTarget, changeBoard, routeOf } from './board-change';
import { assignStep } from './board-steps';
import { outOfService, VEHICLE_OUT_OF_SERVICE } from './out-of-service';

export async function assignRequest(
  ports: BoardPorts,
  target: BoardTarget,
  { requestId, vehicleId }: { requestId: string; vehicleId: string },
): Promise<Plan> {
  const { hromadaId, date } = target;
  return changeBoard(ports, target, async (loaded) => {
    const request = await getServiceRequest(ports, hromadaId, requestId);
    if (request.date !== date)
      throw new ConflictError(`Request ${requestId} is for ${request.date}, not ${date}`);
    if (!isOpen(request.status)) throw new ConflictError(`Request ${requestId} is ${request.status}`);
    if (!loaded.vehicles.some((v) => v.id === vehicleId)) throw new NotFoundError('Vehicle', vehicleId);
    if (outOfService(loaded.plan).has(vehicleId))
      throw new UnprocessableError(`Vehicle ${vehicleId} is out of service on ${date}`, {
        reason: `${VEHICLE_OUT_OF_SERVICE} цього дня`,
      });
    if (routeOf(loaded.plan, requestId)?.vehicleId === vehicleId)
      throw new ConflictError(`Request ${requestId} is already on vehicle ${vehicleId}`);
    const { dayStart, dayEnd } = dayBounds(date, loaded.hromada.timeZone);
    const outside = outsideTheDay(request, dayStart, dayEnd);
    if (outside) throw new UnprocessableError(`Request ${requestId}: ${outside}`, { reason: outside });
    return {
      // the day as it stands and this request: nothing else moves
      requests: (kept) => loaded.requests.filter((r) => kept.has(r.id) || r.id === requestId),
      engine: assignStep(request, vehicleId),
      unassigned: (current) => current.filter((u) => u.requestId !== requestId),
      fields: ['routes', 'unassigned'],
    };
  });
}
