/** The follow-up tasks of welfare outcomes: listed for the dispatcher, closed with a note. */
import type { Actor } from '../../domain/actor';
import type { FollowUp } from '../../domain/entities/follow-up';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Page, PageRequest } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { requireHromada } from '../registry';

/** The open tasks oldest first (`open`), or every task. */
export async function listFollowUps(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  open: boolean,
  page?: PageRequest,
): Promise<Page<FollowUp>> {
  await requireHromada(ports, hromadaId);
  return ports.entities.followUps.list(hromadaId, { open }, page);
}

/** Close an open task read at `version`, with what was done; the task and its audit entry together. */
export async function closeFollowUp(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  id: string,
  input: { version: number; note: string },
  actor: Actor,
): Promise<FollowUp> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await ports.entities.followUps.get(hromadaId, id);
  if (!current) throw new NotFoundError('FollowUp', id);
  if (current.version !== input.version) {
    throw new ConflictError(`FollowUp ${id} was changed by someone else`, current.version);
  }
  if (!current.open) throw new ConflictError(`FollowUp ${id} is already closed`, current.version);
  const now = ports.clock.now().toISOString();
  const closed: FollowUp = {
    ...current,
    open: false,
    closedAt: now,
    closedBy: actor,
    closeNote: input.note,
    version: current.version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'FollowUp', item: closed, expectedVersion: current.version },
    auditChange(ports, hromada, actor, 'close', 'FollowUp', id, [
      'open',
      'closedAt',
      'closedBy',
      'closeNote',
    ]),
  ]);
  return closed;
}
