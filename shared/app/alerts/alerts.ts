import type { Actor } from '../../domain/actor';
import type { Alert } from '../../domain/entities/alert';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { PageRequest } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { requireHromada } from '../registry';

export interface AlertPage {
  items: Alert[];
  /** The next page's cursor (contract 2). */
  cursor?: string;
  /** The same cursor, under the name the other listings use. */
  next?: string;
}

/** A day's alerts, newest first (pattern A1): all, or only open or handled ones. */
export async function listAlerts(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  query: { date: string; handled?: boolean } & PageRequest,
): Promise<AlertPage> {
  await requireHromada(ports, hromadaId);
  const { date, handled, ...page } = query;
  const found = await ports.entities.alerts.forDay(hromadaId, date, handled, page);
  return { items: found.items, ...(found.next ? { cursor: found.next, next: found.next } : {}) };
}

/**
 * The dispatcher has dealt with an alert: handled, by whom, when, with an optional note; on the
 * version they saw (409 with the current one otherwise), audited in the same transaction.
 */
export async function handleAlert(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  id: string,
  input: { version: number; note?: string },
  actor: Actor,
): Promise<Alert> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await ports.entities.alerts.get(hromadaId, id);
  if (!current) throw new NotFoundError('Alert', id);
  if (current.version !== input.version) {
    throw new ConflictError(
      `Alert ${id} was changed by someone else (version ${current.version}, you had ${input.version}); reload and try again`,
      current.version,
    );
  }
  const now = ports.clock.now().toISOString();
  const updated: Alert = {
    ...current,
    handled: true,
    handledAt: now,
    handledBy: actor,
    ...(input.note !== undefined ? { note: input.note } : {}),
    version: current.version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'Alert', item: updated, expectedVersion: current.version },
    auditChange(ports, hromada, actor, 'handle', 'Alert', id, [
      'handled',
      'handledAt',
      'handledBy',
      ...(input.note !== undefined ? ['note'] : []),
    ]),
  ]);
  return updated;
}
