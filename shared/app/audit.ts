import type { Actor } from '../domain/actor';
import type { AuditEntry } from '../domain/entities/audit-entry';
import { expiresAfterDays } from '../domain/retention';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';

/** The audit entry that goes into the same transaction as the change it records. */
export function auditChange(
  ports: Pick<Ports, 'clock' | 'ids'>,
  hromada: { id: string; rules: { retentionDays: { audit: number } } },
  actor: Actor,
  action: AuditEntry['action'],
  itemType: string,
  itemId: string,
  changedFields: string[],
  /** The hromada the action came from, when not this one (an area air-raid alert). */
  startedFrom?: string,
): Extract<Change, { op: 'audit' }> {
  const now = ports.clock.now();
  return {
    op: 'audit',
    entry: {
      id: ports.ids.next(),
      hromadaId: hromada.id,
      at: now.toISOString(),
      actor,
      action,
      itemType,
      itemId,
      changedFields,
      ...(startedFrom ? { startedFrom } : {}),
      expiresAt: expiresAfterDays(now, hromada.rules.retentionDays.audit),
    },
  };
}
