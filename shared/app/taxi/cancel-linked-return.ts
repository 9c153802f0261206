/**
 * Cancelling an outbound ride cancels its linked return in the same transaction (no second SMS:
 * the outbound's cancellation tells the resident), unless the dispatcher keeps it (`keepReturn`:
 * the resident gets there by other means and only needs the ride home). A return already on a
 * route of the day's plan is not touched here: the dispatcher cancels it on its own, so that its
 * driver gets the new route.
 */
import type { Actor } from '../../domain/actor';
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { canMove, ROUTED_STATUSES } from '../../domain/request-lifecycle';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { returnIdOf } from './prepare-trip';

export async function cancelLinkedReturn(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  outbound: ServiceRequest,
  actor: Actor,
  keepReturn: boolean,
): Promise<Change[]> {
  if (keepReturn || outbound.returnOf || outbound.serviceType !== 'social-taxi') return [];
  const back = await ports.entities.requests.get(hromada.id, returnIdOf(outbound.id));
  if (!back || ROUTED_STATUSES.has(back.status) || !canMove(back.status, 'cancelled', 'dispatcher'))
    return [];
  const item: ServiceRequest = {
    ...back,
    status: 'cancelled',
    version: back.version + 1,
    updatedAt: ports.clock.now().toISOString(),
  };
  return [
    { op: 'update', entity: 'ServiceRequest', item, expectedVersion: back.version },
    auditChange(ports, hromada, actor, 'cancel', 'ServiceRequest', back.id, ['status']),
  ];
}
