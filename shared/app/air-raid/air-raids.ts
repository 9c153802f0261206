/**
 * The dispatcher's side of air-raid alerts (the routes in functions/api/routes/air-raids.ts):
 * start one for the hromada, its raion or its oblast in one action, end it, read the log.
 */
import type { Actor } from '../../domain/actor';
import type { AirRaidAlert, AirRaidArea } from '../../domain/entities/air-raid-alert';
import type { Page, PageRequest } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { requireHromada } from '../registry';
import { dispatcherArea } from './air-raid-area';
import { endAirRaid } from './end-air-raid';
import { type AirRaidStart, startAirRaid } from './start-air-raid';

export async function startAirRaidByDispatcher(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  level: AirRaidArea['level'],
  actor: Actor,
): Promise<AirRaidStart> {
  const hromada = await requireHromada(ports, hromadaId);
  return startAirRaid(ports, hromada, dispatcherArea(hromada, level), 'dispatcher', actor);
}

export async function endAirRaidByDispatcher(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromadaId: string,
  actor: Actor,
): Promise<AirRaidAlert> {
  return endAirRaid(ports, await requireHromada(ports, hromadaId), actor);
}

/** AR1: the log, newest first: each alert with what it did. */
export async function listAirRaids(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<AirRaidAlert>> {
  await requireHromada(ports, hromadaId);
  return ports.entities.airRaids.list(hromadaId, page);
}
