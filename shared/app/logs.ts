import type { AuditEntry } from '../domain/entities/audit-entry';
import type { InboundSms } from '../domain/entities/inbound-sms';
import type { OutboxMessage } from '../domain/entities/outbox-message';
import type { Page, PageRequest } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { requireHromada } from './registry';

/** The SMS log of a hromada, newest first, with each message's status (failures included). */
export async function listMessages(
  ports: Pick<Ports, 'entities' | 'outbox'>,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<OutboxMessage>> {
  await requireHromada(ports, hromadaId);
  return ports.outbox.listByHromada(hromadaId, page);
}

/** SMS received from residents and drivers, newest first, with what was done about each. */
export async function listInbound(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<InboundSms>> {
  await requireHromada(ports, hromadaId);
  return ports.entities.listInbound(hromadaId, page);
}

/** Who changed what in a hromada, newest first. */
export async function listAudit(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  await requireHromada(ports, hromadaId);
  return ports.entities.listAudit(hromadaId, page);
}
