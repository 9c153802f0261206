/**
 * A trip about to be booked (by a dispatcher, or generated from a standing order): its places
 * resolved, its riders (the resident's mobility by default), its window, and its linked return
 * trip (drop-off and pickup swapped, `returnOf` the outbound, id `<outbound>-r`). Nothing written.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { Resident } from '../../domain/entities/resident';
import {
  type ServiceRequest,
  type ServiceRequestCreate,
  serviceRequestSchema,
} from '../../domain/entities/service-request';
import type { ReturnTrip } from '../../domain/entities/trip-place';
import { ConflictError, ValidationError } from '../../domain/errors';
import { expiresAfterDays } from '../../domain/retention';
import { localTimeLabel, localToUtc } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import { servableWindow } from '../service-requests';
import { passengersFromMobility, resolvePlace } from './resolve-places';

type TripPorts = Pick<Ports, 'entities' | 'clock' | 'travel'>;

/** What a trip is booked from: a booking's body without its booking-only flags. */
export type TripInput = Omit<ServiceRequestCreate, 'allowOverlap' | 'override' | 'confirm'>;

export interface PreparedTrip {
  request: ServiceRequest;
  /** The linked return, when one was asked for. */
  back?: ServiceRequest;
}

/** The id of an outbound's linked return: derived, so it is found without an index. */
export const returnIdOf = (outboundId: string) => `${outboundId}-r`;

export async function prepareTrip(
  ports: TripPorts,
  hromada: Hromada,
  resident: Resident,
  input: TripInput,
  meta: { id: string; standingOrderId?: string },
): Promise<PreparedTrip> {
  const { return: back, pickup, dropoff, passengers, ...rest } = input;
  const fields = {
    ...rest,
    pickup: await resolvePlace(ports, resident, pickup, 'pickup'),
    ...(dropoff ? { dropoff: await resolvePlace(ports, resident, dropoff, 'dropoff') } : {}),
    passengers: passengers ?? passengersFromMobility(resident),
    ...(meta.standingOrderId ? { standingOrderId: meta.standingOrderId } : {}),
  };
  const { requested, window } = await servableWindow(ports, hromada, fields);
  const now = ports.clock.now();
  if (window.endMs < now.getTime()) throw new ConflictError('The requested time has already passed');
  const request = serviceRequestSchema.parse({
    ...fields,
    id: meta.id,
    hromadaId: hromada.id,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    status: 'requested',
    window: { start: new Date(window.startMs).toISOString(), end: new Date(window.endMs).toISOString() },
    confidential: resident.confidential || fields.serviceType === 'mobile-brigade',
    expiresAt: expiresAfterDays(requested, hromada.rules.retentionDays.requests),
  });
  if (!back) return { request };
  return { request, back: await returnTrip(ports, hromada, request, requested, back) };
}

/**
 * The return of `outbound`: from its drop-off back to its pickup, on the same day. A fixed return
 * is a pickup at its time (after the outbound's); a will-call return waits for the resident's call
 * (`awaitingCall`), its window the rest of the service day after the outbound until it is activated.
 */
async function returnTrip(
  ports: TripPorts,
  hromada: Hromada,
  outbound: ServiceRequest,
  outboundAt: Date,
  back: ReturnTrip,
): Promise<ServiceRequest> {
  const base = {
    ...outbound,
    id: returnIdOf(outbound.id),
    pickup: outbound.dropoff!,
    dropoff: outbound.pickup,
    returnOf: outbound.id,
    returnMode: back.mode,
  };
  if (back.mode === 'fixed') {
    const requestedTime = { kind: 'pickup' as const, time: back.time };
    const { requested, window } = await servableWindow(ports, hromada, { ...base, requestedTime });
    if (requested.getTime() <= outboundAt.getTime()) {
      const message = 'the return must be after the outbound ride';
      throw new ValidationError(message, [{ path: 'return.time', message }], {
        reason: 'Час повернення має бути пізніше за поїздку туди',
      });
    }
    return serviceRequestSchema.parse({
      ...base,
      requestedTime,
      window: { start: new Date(window.startMs).toISOString(), end: new Date(window.endMs).toISOString() },
      expiresAt: expiresAfterDays(requested, hromada.rules.retentionDays.requests),
    });
  }
  const start = new Date(Math.max(Date.parse(outbound.window.end), outboundAt.getTime()));
  const end = localToUtc(outbound.date, hromada.rules.serviceHours.to, hromada.timeZone);
  return serviceRequestSchema.parse({
    ...base,
    requestedTime: { kind: 'pickup', time: localTimeLabel(start, hromada.timeZone) },
    window: {
      start: start.toISOString(),
      end: new Date(Math.max(end.getTime(), start.getTime())).toISOString(),
    },
    awaitingCall: true,
  });
}
