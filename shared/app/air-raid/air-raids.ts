/**
 * The dispatcher's side of air-raid alerts (the routes in functions/api/routes/air-raids.ts):
 * start one for the hromada, its raion or its oblast in one action, end it, read the log.
 */
import type { Actor } from '../../domain/actor';
import type { AirRaidAlert, AirRaidArea } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
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
 * «Відбій»: first its own alert (nothing of another hromada stands in its way), then, when it was a
 * raion or oblast alert, the alerts it spread to (from its newest alert, so that they end when its
 * own was ended already: pressed again). Those the spread step misses (the hromady unreadable, a
 * write failed; an alert spread from a hromada-level alert) the poll ends (anchor-ended.ts).
 */
export async function endAirRaidByDispatcher(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromadaId: string,
  actor: Actor,
): Promise<AirRaidAlert & { spread?: AirRaidSpreadEnd }> {
  const hromada = await requireHromada(ports, hromadaId);
  const newest = await ports.entities.airRaids.newest(hromada.id);
  let ended: AirRaidAlert;
  try {
    ended = await endAirRaid(ports, hromada, actor);
  } catch (error) {
    // its own had ended already (the feed, an earlier «Відбій»): the others' end is the answer
    if (!(error instanceof ConflictError) || !newest) throw error;
    const spread = await endSpreadOf(ports, hromada, newest, actor);
    if (!spread) throw error;
    return { ...newest, spread };
  }
  const spread = await endSpreadOf(ports, hromada, ended, actor);
  return spread ? { ...ended, spread } : ended;
}

/** The spread step of «Відбій», when `anchor` was an area alert; undefined when it ended none. */
async function endSpreadOf(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromada: Hromada,
  anchor: AirRaidAlert,
  actor: Actor,
): Promise<AirRaidSpreadEnd | undefined> {
  if (anchor.area.level === 'hromada') return undefined;
  try {
    const spread = await endSpreadAirRaids(ports, hromada, anchor.id, actor);
    return spread.ended.length + spread.failed.length > 0 ? spread : undefined;
  } catch {
    // the hromady could not be listed: the poll ends them once it can (anchor-ended.ts)
    return undefined;
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
