import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { OutboxMessage } from '../../domain/entities/outbox-message';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import type { Ports } from '../../ports/ports';
import { requireHromada } from '../registry';
import { collect, MAX_LOG_PAGES } from './read-all';

/** Everything the platform still keeps about one resident, as one JSON document. */
export interface ResidentExport {
  exportedAt: string;
  hromadaId: string;
  resident: Resident;
  requests: ServiceRequest[];
  /** SMS sent to the resident's phone and still kept (`retentionDays.messages`). */
  messages: OutboxMessage[];
  /** SMS and call-backs received from the resident's phone. */
  inbound: InboundSms[];
  /** Audit entries about the resident or their requests. */
  audit: AuditEntry[];
  /**
   * False for a log read only in part: the hromada's message, inbound and audit logs are scanned
   * newest first, at most `MAX_LOG_PAGES` pages of 200 each.
   */
  complete: { messages: boolean; inbound: boolean; audit: boolean };
}

/**
 * The export on a resident's request (right of access). The resident and their requests come by
 * key (patterns 1 and 6, all pages); the messages, replies and audit entries by a bounded scan of
 * the hromada's logs (patterns 7, 16, 8) filtered by phone number or subject.
 */
export async function exportResident(
  ports: Pick<Ports, 'entities' | 'outbox' | 'clock'>,
  hromadaId: string,
  residentId: string,
): Promise<ResidentExport> {
  await requireHromada(ports, hromadaId);
  const resident = await ports.entities.registry.get(registryKinds.residents, hromadaId, residentId);
  if (!resident) throw new NotFoundError('Resident', residentId);
  const requests = await collect((page) => ports.entities.requests.byResident(hromadaId, residentId, page));
  const requestIds = new Set(requests.items.map((r) => r.id));
  const phone = resident.phone;
  const subjects = new Set([`RESIDENT#${residentId}`, ...[...requestIds].map((id) => `REQUEST#${id}`)]);
  const messages = await collect(
    (page) => ports.outbox.listByHromada(hromadaId, page),
    (m) => m.to === phone || subjects.has(m.subject),
    MAX_LOG_PAGES,
  );
  const inbound = await collect(
    (page) => ports.entities.inbound.list(hromadaId, page),
    (m) => m.from === phone || (m.subject !== undefined && subjects.has(m.subject)),
    MAX_LOG_PAGES,
  );
  const audit = await collect(
    (page) => ports.entities.audit.list(hromadaId, page),
    (a) =>
      (a.itemType === 'Resident' && a.itemId === residentId) ||
      (a.itemType === 'ServiceRequest' && requestIds.has(a.itemId)),
    MAX_LOG_PAGES,
  );
  return {
    exportedAt: ports.clock.now().toISOString(),
    hromadaId,
    resident,
    requests: requests.items,
    messages: messages.items,
    inbound: inbound.items,
    audit: audit.items,
    complete: { messages: messages.complete, inbound: inbound.complete, audit: audit.complete },
  };
}
