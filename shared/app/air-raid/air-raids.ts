/**
 * The dispatcher's side of air-raid alerts (the routes in functions/api/routes/air-raids.ts):
 * start one for the hromada, its raion or its oblast in one action, end it, read the log.
 */
import type { Actor } from '../../domain/actor';
import type { AirRaidAlert, AirRaidArea } from '../../domain/entities/air-raid-alert';
import { ConflictError } from '../../domain/errors';
import type { Page, PageRequest } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { requireHromada } from '../registry';
import { dispatcherArea } from './air-raid-area';
import { endAirRaid } from './end-air-raid';
import {
  type AirRaidSpread,
  type AirRaidSpreadEnd,
  endSpreadAirRaids,
  spreadAirRaid,
} from './spread-air-raid';
import { type AirRaidStart, startAirRaid } from './start-air-raid';

/**
 * In the dispatcher's hromada first (its failure is the answer: nothing was done elsewhere); a
 * raion or oblast alert then reaches the other hromady its area covers (spread-air-raid.ts).
 */
export async function startAirRaidByDispatcher(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromadaId: string,
  level: AirRaidArea['level'],
  actor: Actor,
): Promise<AirRaidStart & { spread?: AirRaidSpread }> {
  const hromada = await requireHromada(ports, hromadaId);
  const area = dispatcherArea(hromada, level);
  const start = await startAirRaid(ports, hromada, area, 'dispatcher', actor);
  if (level === 'hromada') return start;
  return { ...start, spread: await spreadAirRaid(ports, hromada, start.alert, area, actor) };
}

/**
 * «Відбій»: first the alerts this hromada's raion or oblast alert spread to (from its newest alert,
 * so that they end even when its own end fails or was done already), then its own.
 */
export async function endAirRaidByDispatcher(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromadaId: string,
  actor: Actor,
): Promise<AirRaidAlert & { spread?: AirRaidSpreadEnd }> {
  const hromada = await requireHromada(ports, hromadaId);
  const newest = await ports.entities.airRaids.newest(hromada.id);
  const spread = newest ? await endSpreadAirRaids(ports, hromada, newest.id, actor) : undefined;
  const any = spread && spread.ended.length + spread.failed.length > 0;
  try {
    const ended = await endAirRaid(ports, hromada, actor);
    return any ? { ...ended, spread } : ended;
  } catch (error) {
    // its own had ended already (the feed, an earlier «Відбій»): the others' end is the answer
    if (error instanceof ConflictError && any && newest) return { ...newest, spread };
    throw error;
  }
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
