import type { Driver } from '../domain/entities/driver';
import type { Hromada } from '../domain/entities/hromada';
import type { Resident } from '../domain/entities/resident';
import type { ServiceRequest } from '../domain/entities/service-request';
import { normalisePhone } from '../domain/phone';
import { canMove } from '../domain/request-lifecycle';
import { localDate } from '../domain/time';
import type { Ports } from '../ports/ports';
import { readAllHromady } from './all-hromady';

type LookupPorts = Pick<Ports, 'entities' | 'clock'>;

export interface Sender {
  hromada: Hromada;
  resident?: Resident;
  driver?: Driver;
}

/**
 * Every hromada, those whose inbound number (SMS long code or phone line) is `dialled` first;
 * `dialledBy` is the one to act for when no person is found: the hromada of that number, or the
 * only hromada there is.
 */
export async function hromadyByNumber(
  ports: LookupPorts,
  dialled: string,
): Promise<{ ordered: Hromada[]; dialledBy?: Hromada }> {
  const hromady = await readAllHromady(ports);
  const dest = normalisePhone(dialled);
  const owns = (h: Hromada) => dest.ok && h.rules.inboundNumber === dest.e164;
  const ordered = [...hromady.filter(owns), ...hromady.filter((h) => !owns(h))];
  const dialledBy = ordered[0] && (owns(ordered[0]) || ordered.length === 1) ? ordered[0] : undefined;
  return { ordered, ...(dialledBy ? { dialledBy } : {}) };
}

/**
 * Who sent it: a resident or driver with this number. A hromada whose inbound number is the one
 * texted is searched first; otherwise every hromada (a shared long code).
 */
export async function findSender(
  ports: LookupPorts,
  e164: string,
  destination: string,
): Promise<Sender | undefined> {
  const { ordered } = await hromadyByNumber(ports, destination);
  for (const hromada of ordered) {
    const found = await ports.entities.people.byPhone(hromada.id, e164);
    const resident = found.find((f) => f.entity === 'Resident')?.item;
    if (resident) return { hromada, resident };
    const driver = found.find((f) => f.entity === 'Driver')?.item;
    if (driver) return { hromada, driver };
    if (found.length > 0) return { hromada };
  }
  return undefined;
}

/** The resident's next trip from today on that they can still confirm or cancel (not yet on board). */
export async function nextTrip(
  ports: LookupPorts,
  hromada: Hromada,
  resident: Resident,
): Promise<ServiceRequest | undefined> {
  return (await upcomingTrips(ports, hromada, resident))[0];
}

/** The resident's trips still ahead that they can confirm or cancel, earliest first. */
export async function upcomingTrips(
  ports: LookupPorts,
  hromada: Hromada,
  resident: Resident,
): Promise<ServiceRequest[]> {
  const now = ports.clock.now();
  const today = localDate(now, hromada.timeZone);
  const page = await ports.entities.requests.byResident(hromada.id, resident.id, { limit: 50 });
  return page.items
    .filter(
      (r) =>
        r.date >= today &&
        canMove(r.status, 'cancelled', 'resident') &&
        Date.parse(r.window.end) > now.getTime(),
    )
    .sort((a, b) => a.window.start.localeCompare(b.window.start));
}
