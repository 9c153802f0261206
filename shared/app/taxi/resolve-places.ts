/**
 * Where a booking says to go, resolved to what the request stores: the resident's home, one of the
 * hromada's known places (its address, point and id), or the address given. And who rides, when
 * the booking does not say: the resident's mobility (a wheelchair; an escort → one escort).
 */
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { TripPlace, TripPlaceInput } from '../../domain/entities/trip-place';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import type { Ports } from '../../ports/ports';

export async function resolvePlace(
  ports: Pick<Ports, 'entities'>,
  resident: Resident,
  input: TripPlaceInput,
  path: string,
): Promise<TripPlace> {
  if ('home' in input) {
    if (!resident.location) {
      const message = 'the resident has no home coordinates: give an address with coordinates';
      throw new ValidationError(message, [{ path, message }], {
        reason: 'У мешканця не вказано координати дому: введіть адресу з координатами',
      });
    }
    return { address: resident.address, location: resident.location, settlementId: resident.settlementId };
  }
  if (!('address' in input)) {
    const place = await ports.entities.registry.get(registryKinds.places, resident.hromadaId, input.placeId);
    if (!place) throw new NotFoundError('Place', input.placeId);
    return {
      address: place.address,
      location: place.location,
      settlementId: place.settlementId,
      placeId: place.id,
    };
  }
  return input;
}

/** The resident's usual company: a wheelchair, and one escort when they need one. */
export function passengersFromMobility(resident: Resident): ServiceRequest['passengers'] {
  return { escorts: resident.mobility.escort ? 1 : 0, wheelchair: resident.mobility.wheelchair };
}

/** An edit's places (PATCH), resolved as at booking: only those sent. */
export async function resolvedPlaces(
  ports: Pick<Ports, 'entities'>,
  request: ServiceRequest,
  edit: {
    requestedTime?: ServiceRequest['requestedTime'];
    pickup?: TripPlaceInput;
    dropoff?: TripPlaceInput;
  },
): Promise<Partial<Pick<ServiceRequest, 'requestedTime' | 'pickup' | 'dropoff'>>> {
  const { pickup, dropoff, ...rest } = edit;
  if (!pickup && !dropoff) return rest;
  const resident = await ports.entities.registry.get(
    registryKinds.residents,
    request.hromadaId,
    request.residentId,
  );
  if (!resident) throw new NotFoundError('Resident', request.residentId);
  return {
    ...rest,
    ...(pickup ? { pickup: await resolvePlace(ports, resident, pickup, 'pickup') } : {}),
    ...(dropoff ? { dropoff: await resolvePlace(ports, resident, dropoff, 'dropoff') } : {}),
  };
}
