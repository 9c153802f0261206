/**
 * The one step every read of residents or requests goes through before it leaves the API: a
 * confidential case is shown in clear only to a reader entitled to it (domain/confidential-view.ts)
 * and masked for everyone else, and each read that returns a confidential record leaves one audit
 * entry `read-confidential` (who, which records, which fields were shown in clear — never the
 * address itself), written with one Put.
 *
 * Nothing confidential among the records: no read and no write beyond the caller's own.
 */
import type { GeoPoint } from '../../domain/common';
import {
  CONFIDENTIAL_FIELDS,
  maskRequest,
  maskResident,
  maySeeConfidential,
  providersServing,
  RESIDENT_CASE_SERVICE,
} from '../../domain/confidential-view';
import type { Provider, ServiceType } from '../../domain/entities/provider';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import type { Viewer } from '../../domain/viewer';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { listAll, requireHromada } from '../registry';

export type DisclosePorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

export interface Records {
  residents: Resident[];
  requests: ServiceRequest[];
}

/** The records as this viewer may see them, in the same order; audited when any is confidential. */
export async function disclose(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  records: Records,
): Promise<Records> {
  const secret = [
    ...records.residents
      .filter((r) => r.confidential)
      .map((r) => ['Resident', r.id, RESIDENT_CASE_SERVICE] as const),
    ...records.requests
      .filter((r) => r.confidential)
      .map((r) => ['ServiceRequest', r.id, r.serviceType] as const),
  ];
  if (secret.length === 0) return records;
  const may = await entitlement(ports, viewer, hromadaId);
  const points = await settlementPoints(ports, hromadaId, records, may);
  const residents = records.residents.map((r) =>
    !r.confidential || may(RESIDENT_CASE_SERVICE) ? r : maskResident(r, points),
  );
  const requests = records.requests.map((r) =>
    !r.confidential || may(r.serviceType) ? r : maskRequest(r, points),
  );
  const shown = [
    ...new Set(secret.flatMap(([entity, , service]) => (may(service) ? CONFIDENTIAL_FIELDS[entity] : []))),
  ];
  const [entity, first] = secret[0]!;
  const hromada = await requireHromada(ports, hromadaId);
  const { entry } = auditChange(ports, hromada, viewer.id, 'read-confidential', entity, first, shown);
  await ports.entities.audit.append(
    secret.length > 1 ? { ...entry, itemIds: secret.map(([, id]) => id) } : entry,
  );
  return { residents, requests };
}

/** Whether the viewer may see a confidential case of a service (providers read at most once). */
async function entitlement(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
): Promise<(service: ServiceType) => boolean> {
  if (viewer.role === 'admin') return () => true;
  if (viewer.providerId === undefined || (viewer.role !== 'dispatcher' && viewer.role !== 'brigade'))
    return () => false;
  const providers: Provider[] = await listAll(ports, registryKinds.providers, hromadaId);
  return (service) => maySeeConfidential(viewer, providersServing(providers, service));
}

/** The points of the settlements a masked record falls back to (only those needed). */
async function settlementPoints(
  ports: DisclosePorts,
  hromadaId: string,
  records: Records,
  may: (service: ServiceType) => boolean,
): Promise<Map<string, GeoPoint | null>> {
  const ids = new Set<string>();
  for (const r of records.residents)
    if (r.confidential && !may(RESIDENT_CASE_SERVICE)) ids.add(r.settlementId);
  for (const r of records.requests) {
    if (!r.confidential || may(r.serviceType)) continue;
    for (const place of [r.pickup, r.dropoff]) if (place?.settlementId) ids.add(place.settlementId);
  }
  const points = new Map<string, GeoPoint | null>();
  for (const id of ids) {
    const s = await ports.entities.registry.get(registryKinds.settlements, hromadaId, id);
    points.set(id, s?.location ?? null);
  }
  return points;
}
