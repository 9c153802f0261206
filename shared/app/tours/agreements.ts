/**
 * Service agreements: a hromada's consent for a provider (a regional centre) to serve its residents
 * (docs/services/regional-tours.md). Recorded by the hromada's admin; one per provider.
 */
import type { Actor } from '../../domain/actor';
import type { ServiceAgreement, ServiceAgreementCreate } from '../../domain/entities/service-agreement';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { auditChange } from '../audit';
import { requireHromada, type TourReadPorts, type TourWritePorts } from './tour-ports';

export async function createServiceAgreement(
  ports: TourWritePorts,
  hromadaId: string,
  input: ServiceAgreementCreate,
  actor: Actor,
): Promise<ServiceAgreement> {
  const hromada = await requireHromada(ports, hromadaId);
  const provider = await ports.entities.registry.get(
    registryKinds.providers,
    input.providerHromadaId,
    input.providerId,
  );
  if (!provider) throw new NotFoundError('Provider', input.providerId);
  if (!provider.services.includes('mobile-brigade'))
    throw new ConflictError('provider runs no mobile brigade', undefined, {
      code: 'provider-without-brigade',
      reason: 'Цей надавач не має мобільної бригади.',
    });
  if (await ports.entities.tours.agreement(hromadaId, input.providerId))
    throw new ConflictError('agreement exists', undefined, {
      code: 'agreement-exists',
      reason: 'Угода з цим надавачем уже записана для громади.',
    });
  const now = ports.clock.now().toISOString();
  const item: ServiceAgreement = {
    ...input,
    id: input.providerId,
    hromadaId,
    providerName: provider.name,
    recordedBy: actor,
    recordedAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'create', entity: 'ServiceAgreement', item },
    auditChange(ports, hromada, actor, 'create', 'ServiceAgreement', item.id, Object.keys(input)),
  ]);
  return item;
}

export async function listServiceAgreements(
  ports: TourReadPorts,
  hromadaId: string,
): Promise<{ items: ServiceAgreement[] }> {
  await requireHromada(ports, hromadaId);
  return { items: await ports.entities.tours.agreementsOf(hromadaId) };
}
