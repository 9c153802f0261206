import type { Hromada } from '../domain/entities/hromada';
import type { Resident } from '../domain/entities/resident';
import type { ServiceRequest, ServiceRequestCreate } from '../domain/entities/service-request';
import { AppError } from '../domain/errors';
import { maskPhone } from '../domain/phone';
import { addDays, localDate } from '../domain/time';
import type { Ports } from '../ports/ports';
import { bookServiceRequestOnce } from './service-requests';

type RepeatPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** How far back the phone line looks for the ride to repeat (pages of the resident's trips). */
const PAGES = 3;

/**
 * The resident's most recent social-taxi ride (not a return, not confidential): what "the same
 * trip as last time" means on the phone. Undefined when there is none.
 */
export async function lastRide(
  ports: Pick<Ports, 'entities'>,
  hromada: Hromada,
  resident: Resident,
): Promise<ServiceRequest | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page += 1) {
    const trips = await ports.entities.requests.byResident(hromada.id, resident.id, {
      limit: 25,
      ...(cursor ? { cursor } : {}),
    });
    const ride = trips.items.find(
      (r) => r.serviceType === 'social-taxi' && !r.confidential && !('returnOf' in r && r.returnOf),
    );
    if (ride) return ride;
    if (!trips.next) return undefined;
    cursor = trips.next;
  }
  return undefined;
}

export type RepeatOutcome = 'booked' | 'no-trip' | 'refused';

/**
 * Book tomorrow (Kyiv) the same ride as `ride`: places, time, passengers and purpose, the
 * resident's own mobility kept. Once per call (an Idempotency-Key scoped to the call), so a second
 * press changes nothing; the usual confirmation SMS follows. A refusal by the hromada's rules, the
 * service day or an overlapping booking is `refused`: the caller is offered the dispatcher.
 */
export async function repeatRideTomorrow(
  ports: RepeatPorts,
  hromada: Hromada,
  resident: Resident,
  contactId: string,
  callerE164: string,
): Promise<RepeatOutcome> {
  const ride = await lastRide(ports, hromada, resident);
  if (!ride) return 'no-trip';
  const input: ServiceRequestCreate = {
    serviceType: ride.serviceType,
    residentId: resident.id,
    date: addDays(localDate(ports.clock.now(), hromada.timeZone), 1),
    pickup: ride.pickup,
    ...(ride.dropoff ? { dropoff: ride.dropoff } : {}),
    requestedTime: ride.requestedTime,
    passengers: ride.passengers,
    purpose: ride.purpose,
    serviceMinutes: ride.serviceMinutes,
    allowOverlap: false,
    // the resident asked for it themselves: booked, to be confirmed as any booking
    confirm: false,
  };
  try {
    await bookServiceRequestOnce(ports, hromada.id, input, `phone:${maskPhone(callerE164)}`, {
      hromadaId: hromada.id,
      caller: `phone:${contactId}`,
      key: 'repeat-ride',
    });
    return 'booked';
  } catch (error) {
    // a rule, the service day, or a booking at that time already (a second press: the same key)
    if (error instanceof AppError) return 'refused';
    throw error;
  }
}
