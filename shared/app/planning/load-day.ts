/**
 * The first step of every change to a day's plan: the hromada, the plan as the caller last read it,
 * and the day's requests, vehicles, depots and drivers. A past day's routes are not changed.
 */
import type { Depot } from '../../domain/entities/depot';
import type { Driver } from '../../domain/entities/driver';
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Vehicle } from '../../domain/entities/vehicle';
import { ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { localDate } from '../../domain/time';
import type { Ports } from '../../ports/ports';
import type { ZonePolygons } from '../../routing/geometry/zone-map';
import { caseStopsOfDay } from '../mobile-case/case-stop-visits';
import { listAll, requireHromada } from '../registry';
import { zonesOfDay } from '../zones/zones-of-day';
import { planAtVersion, planToReplace } from './read-plan';

export interface LoadedDay<P extends Plan | undefined = Plan | undefined> {
  hromada: Hromada;
  date: string;
  /** The clock, read once. */
  now: Date;
  /** The day's plan at the version the caller read (absent: the day has none yet). */
  plan: P;
  /** Every request of the day, whatever its status. */
  requests: ServiceRequest[];
  vehicles: Vehicle[];
  depots: Depot[];
  drivers: Driver[];
  /** Requests that only one vehicle may serve (mobile-case stops and their home visits): id → vehicle. */
  pinned?: ReadonlyMap<string, string>;
  /** The danger zones in force that day (ZN2): no stop inside, no leg through. */
  zones?: ZonePolygons;
}

export interface DayToLoad {
  hromadaId: string;
  date: string;
  /** The plan version the caller last read (absent, when planning: the day must have no plan yet). */
  expectedVersion: number | undefined;
}

/** Planning may make a day's first plan; its routes are not changed once the day is over. */
export async function loadDayToPlan(
  ports: Pick<Ports, 'entities' | 'clock'>,
  { hromadaId, date, expectedVersion }: DayToLoad,
): Promise<LoadedDay> {
  const hromada = await requireHromada(ports, hromadaId);
  const plan = await planToReplace(ports, hromadaId, date, expectedVersion);
  return loadTheRest(ports, hromada, date, plan, { openDayOnly: true });
}

/**
 * Changing a plan (a request inserted, later a manual edit) needs the plan as the caller read it,
 * on a day not over; publishing needs the plan as read, on any day.
 */
export async function loadDayToChange(
  ports: Pick<Ports, 'entities' | 'clock'>,
  { hromadaId, date, expectedVersion }: DayToLoad & { expectedVersion: number },
  { openDayOnly }: { openDayOnly: boolean },
): Promise<LoadedDay<Plan>> {
  const hromada = await requireHromada(ports, hromadaId);
  const plan = await planAtVersion(ports, hromadaId, date, expectedVersion);
  return loadTheRest(ports, hromada, date, plan, { openDayOnly });
}

async function loadTheRest<P extends Plan | undefined>(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  date: string,
  plan: P,
  { openDayOnly }: { openDayOnly: boolean },
): Promise<LoadedDay<P>> {
  const now = ports.clock.now();
  if (openDayOnly && date < localDate(now, hromada.timeZone))
    throw new ConflictError(`The day ${date} is over`);
  const hromadaId = hromada.id;
  const [stored, vehicles, depots, drivers, caseStops, zones] = await Promise.all([
    ports.entities.requests.forDay(hromadaId, date),
    listAll(ports, registryKinds.vehicles, hromadaId),
    listAll(ports, registryKinds.depots, hromadaId),
    listAll(ports, registryKinds.drivers, hromadaId),
    ports.entities.caseStops.between(hromadaId, date, date),
    zonesOfDay(ports, hromadaId, date),
  ]);
  // the day's mobile-case stops take part as timed visits on their own vehicle
  const { visits, pinned } = caseStopsOfDay(caseStops, stored, hromada.timeZone);
  const requests = [...stored, ...visits];
  return {
    hromada,
    date,
    now,
    plan,
    requests,
    vehicles,
    depots,
    drivers,
    pinned,
    ...(zones.length > 0 ? { zones } : {}),
  };
}
