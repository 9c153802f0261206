/**
 * The reads of residents and requests as the API returns them: each the plain read, then
 * `disclose` (masked for a reader not entitled to a confidential case, and audited). A write that
 * answers with the record (PATCH, cancel, confirm, outcome) passes its answer through
 * `discloseRequest` / `discloseResident` the same way.
 */
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { registryKinds } from '../../domain/registry';
import type { Viewer } from '../../domain/viewer';
import type { Ports } from '../../ports/ports';
import type { Page, PageRequest } from '../../ports/stores';
import { exportResident, type ResidentExport } from '../personal-data/export-resident';
import { findByPhone, getEntity, listEntities } from '../registry';
import { getServiceRequest, listServiceRequestsByDate } from '../service-requests';
import { type DisclosePorts, disclose } from './disclose';

const none = { residents: [] as Resident[], requests: [] as ServiceRequest[] };

export async function readServiceRequest(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  id: string,
): Promise<ServiceRequest> {
  const request = await getServiceRequest(ports, hromadaId, id);
  const { requests } = await disclose(ports, viewer, hromadaId, { ...none, requests: [request] });
  return requests[0]!;
}

export async function readServiceRequestsForDay(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  date: string,
): Promise<ServiceRequest[]> {
  const requests = await listServiceRequestsByDate(ports, hromadaId, date);
  return (await disclose(ports, viewer, hromadaId, { ...none, requests })).requests;
}

export async function readResident(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  id: string,
): Promise<Resident> {
  const resident = await getEntity(ports, registryKinds.residents, hromadaId, id);
  const { residents } = await disclose(ports, viewer, hromadaId, { ...none, residents: [resident] });
  return residents[0]!;
}

export async function readResidents(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<Resident>> {
  const found = await listEntities(ports, registryKinds.residents, hromadaId, page);
  const { residents } = await disclose(ports, viewer, hromadaId, { ...none, residents: found.items });
  return { ...found, items: residents };
}

/** Who is calling (residents and drivers with the number): a confidential resident masked. */
export async function readCallers(
  ports: DisclosePorts,
  viewer: Viewer,
  hromadaId: string,
  phone: string,
): Promise<Awaited<ReturnType<typeof findByPhone>>> {
  const found = await findByPhone(ports, hromadaId, phone);
  const residents = found.flatMap(({ type, ...item }) => (type === 'Resident' ? [item as Resident] : []));
  const shown = await disclose(ports, viewer, hromadaId, { ...none, residents });
  const byId = new Map(shown.residents.map((r) => [r.id, r]));
  return found.map((m) => {
    const masked = m.type === 'Resident' ? byId.get(m.id) : undefined;
    return masked ? ({ ...masked, type: m.type } as typeof m) : m;
  });
}

/** The right-of-access export: the resident and their requests as this reader may see them. */
export async function readResidentExport(
  ports: DisclosePorts & Pick<Ports, 'outbox'>,
  viewer: Viewer,
  hromadaId: string,
  id: string,
): Promise<ResidentExport> {
  const full = await exportResident(ports, hromadaId, id);
  const shown = await disclose(ports, viewer, hromadaId, {
    residents: [full.resident],
    requests: full.requests,
  });
  return { ...full, resident: shown.residents[0]!, requests: shown.requests };
}

/** A request some use case returns (a write's answer), as this reader may see it. */
export async function discloseRequest(
  ports: DisclosePorts,
  viewer: Viewer,
  request: ServiceRequest,
): Promise<ServiceRequest> {
  return (await disclose(ports, viewer, request.hromadaId, { ...none, requests: [request] })).requests[0]!;
}

/** A resident some use case returns (a write's answer), as this reader may see it. */
export async function discloseResident(
  ports: DisclosePorts,
  viewer: Viewer,
  resident: Resident,
): Promise<Resident> {
  return (await disclose(ports, viewer, resident.hromadaId, { ...none, residents: [resident] }))
    .residents[0]!;
}
