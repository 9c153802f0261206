import type { Actor } from '../../domain/actor';
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';

/** A linked return, created in its outbound's transaction, with its own audit entry. */
export function returnChanges(
  ports: Pick<Ports, 'clock' | 'ids'>,
  hromada: Hromada,
  actor: Actor,
  back: ServiceRequest,
): Change[] {
  return [
    { op: 'create', entity: 'ServiceRequest', item: back },
    auditChange(ports, hromada, actor, 'book', 'ServiceRequest', back.id, ['returnOf', 'returnMode']),
  ];
}
