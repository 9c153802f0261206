/**
 * A hromada's visits for a provider's tour: booked by the hromada's dispatcher, only under an
 * agreement the hromada consented to (covering the visit's date).
 */
import type { Actor } from '../../domain/actor';
import { agreementCovers } from '../../domain/entities/service-agreement';
import type { TourVisit, TourVisitCreate } from '../../domain/entities/tour-visit';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { auditChange } from '../audit';
import { requireHromada, type TourWritePorts } from './tour-ports';

/** The refusal when the hromada has not consented to the provider on that date. */
export function noConsent(date: string): ConflictError {
  return new ConflictError(`no consented agreement on ${date}`, undefined, {
    code: 'tour-no-consent',
    reason: 'Громада не дала згоди цьому надавачу на цю дату: спершу адміністратор громади записує угоду.',
  });
}

export async function createTourVisit(
  ports: TourWritePorts,
  hromadaId: string,
  input: TourVisitCreate,
  actor: Actor,
): Promise<TourVisit> {
  const hromada = await requireHromada(ports, hromadaId);
  const agreement = await ports.entities.tours.agreement(hromadaId, input.providerId);
  if (!agreementCovers(agreement, input.date)) throw noConsent(input.date);
  const settlement = await ports.entities.registry.get(
    registryKinds.settlements,
    hromadaId,
    input.settlementId,
  );
  if (!settlement) throw new NotFoundError('Settlement', input.settlementId);
  const resident = input.residentId
    ? await ports.entities.registry.get(registryKinds.residents, hromadaId, input.residentId)
    : undefined;
  if (input.residentId && !resident) throw new NotFoundError('Resident', input.residentId);
  const location = input.location ?? resident?.location ?? settlement.location;
  if (!location)
    throw new ValidationError(
      'no coordinates for the visit',
      [{ path: 'settlementId', message: 'no location' }],
      {
        reason: 'У цього села немає координат: вкажіть мешканця з адресою на мапі.',
      },
    );
  const now = ports.clock.now().toISOString();
  const { id: givenId, ...fields } = input;
  const item: TourVisit = {
    ...fields,
    ...(resident ? { residentName: resident.name, address: fields.address ?? resident.address } : {}),
    id: givenId ?? ports.ids.next(),
    hromadaId,
    location,
    settlementName: settlement.name,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'create', entity: 'TourVisit', item },
    auditChange(ports, hromada, actor, 'create', 'TourVisit', item.id, Object.keys(input)),
  ]);
  return item;
}
