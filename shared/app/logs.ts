import type { AuditEntry } from '../domain/entities/audit-entry';
import type { InboundSms } from '../domain/entities/inbound-sms';
import type { OutboxMessage } from '../domain/entities/outbox-message';
import type { Page, PageRequest } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';
import { requireHromada } from './registry';

type LogPorts = Pick<Ports, 'entities' | 'outbox'>;

/** A hromada's log, newest first, page by page: 404 for a hromada that does not exist. */
function hromadaLog<T>(read: (ports: LogPorts, hromadaId: string, page: PageRequest) => Promise<Page<T>>) {
  return async (ports: LogPorts, hromadaId: string, page: PageRequest): Promise<Page<T>> => {
    await requireHromada(ports, hromadaId);
    return read(ports, hromadaId, page);
  };
}

/** The SMS log of a hromada, with each message's status (failures included). */
export const listMessages = hromadaLog<OutboxMessage>((ports, h, page) =>
  ports.outbox.listByHromada(h, page),
);

/** SMS received from residents and drivers, with what was done about each. */
export const listInbound = hromadaLog<InboundSms>((ports, h, page) => ports.entities.inbound.list(h, page));

/** Who changed what in a hromada. */
export const listAudit = hromadaLog<AuditEntry>((ports, h, page) => ports.entities.audit.list(h, page));
