import type { OutboxMessage } from '../../shared/domain/entities/outbox-message';
import type { ServiceRequest } from '../../shared/domain/entities/service-request';

const SETTLEMENT_A = 'UA05120170020086400';
export const SETTLEMENT_B = 'UA05120170010012345';

/** A request by hand: window start on `date` at `start` (UTC), status and last update given. */
export function request(
  id: string,
  fields: {
    status: ServiceRequest['status'];
    serviceType?: ServiceRequest['serviceType'];
    date?: string;
    start?: string;
    updatedAt?: string;
    settlementId?: string | null;
    residentId?: string;
    hromadaId?: string;
  },
): ServiceRequest {
  const date = fields.date ?? '2026-11-24';
  const start = `${date}T${fields.start ?? '08:00'}:00.000Z`;
  const settlementId = fields.settlementId === undefined ? SETTLEMENT_A : fields.settlementId;
  return {
    id,
    hromadaId: fields.hromadaId ?? 'khm',
    version: 2,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: fields.updatedAt ?? '2026-11-20T10:00:00.000Z',
    serviceType: fields.serviceType ?? 'social-taxi',
    residentId: fields.residentId ?? 'res-1',
    date,
    pickup: {
      address: 'вул. Шевченка, 1',
      location: { lat: 49.56, lon: 27.84 },
      ...(settlementId ? { settlementId } : {}),
    },
    requestedTime: { kind: 'pickup', time: '10:00' },
    passengers: { escorts: 0, wheelchair: false },
    purpose: 'medical',
    serviceMinutes: 5,
    status: fields.status,
    window: { start, end: start },
    confidential: false,
    expiresAt: 2_000_000_000,
  } as ServiceRequest;
}

export function message(
  id: string,
  fields: {
    kind: OutboxMessage['kind'];
    status: OutboxMessage['status'];
    segments: number;
    createdAt: string;
  },
): OutboxMessage {
  return {
    id,
    hromadaId: 'khm',
    to: '+380671234567',
    text: 'Текст',
    subject: 'REQUEST#r1',
    attempts: 1,
    version: 3,
    expiresAt: 2_000_000_000,
    ...fields,
  };
}
