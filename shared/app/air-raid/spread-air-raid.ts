/**
 * A dispatcher's raion or oblast alert reaches every hromada of the deployment that its area
 * covers (air-raid-area.ts `covers`), as the feed's alert of that area would: each covered hromada
 * gets its own alert (start-air-raid.ts: its own transaction, its drivers on the road told, its
 * messages held, its audit entry and attention item), carrying `startedFrom` (the dispatcher's
 * hromada and the alert in force there, the "anchor"). A hromada already under an alert keeps its
 * own. One hromada's failure stops none of the others: the answer names the hromady reached,
 * already under an alert and failed (names only: nothing else of another hromada).
 *
 * Pressing again (a retry with a new key, or after a failure) starts nothing twice: a hromada
 * under this action's alert counts as reached, one under another alert keeps it. «Відбій» in the
 * dispatcher's hromada ends, in every other hromada, the alert in force when it is one spread from
 * that hromada's anchor (not the feed's, not their own dispatcher's): marked ended at once (nothing
 * more held), its re-plan and held messages finished by the next poll (end-steps.ts); one missed
 * here (failed, unreadable) the poll ends, its anchor being over (anchor-ended.ts).
 */
import type { Actor } from '../../domain/actor';
import type { AirRaidAlert, AirRaidArea } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { readAllHromady } from '../all-hromady';
import { mapAtMost } from '../map-at-most';
import { covers } from './air-raid-area';
import { markAirRaidEnded } from './end-air-raid';
import { startAirRaid } from './start-air-raid';

/** Hromady handled at once by one press (each its own reads and transaction). */
const AT_ONCE = 8;

/** Other hromady a raion or oblast alert reached, by name (the dispatcher's own not among them). */
export interface AirRaidSpread {
  /** Now under this action's alert. */
  reached: string[];
  /** How many of `reached` this press started (the others an earlier press of the same action). */
  started: number;
  /** Under an alert of their own (the feed's, their dispatcher's, another hromada's): kept. */
  alreadyUnderAlert: string[];
  /** The start failed there (storage throttled…): press again to reach them. */
  failed: string[];
}

/** Other hromady whose alert from this hromada a «Відбій» ended, by name. */
export interface AirRaidSpreadEnd {
  ended: string[];
  failed: string[];
}

export async function spreadAirRaid(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  origin: Hromada,
  anchor: AirRaidAlert,
  area: AirRaidArea,
  actor: Actor,
): Promise<AirRaidSpread> {
  const from = { hromadaId: origin.id, hromadaName: origin.name, alertId: anchor.id };
  const spread: AirRaidSpread = { reached: [], started: 0, alreadyUnderAlert: [], failed: [] };
  const covered = (await readAllHromady(ports)).filter((h) => h.id !== origin.id && covers(area, h));
  // several at once: one call must reach a large oblast's hromady within the API's time
  await mapAtMost(covered, AT_ONCE, async (hromada) => {
    try {
      const { alert, started } = await startAirRaid(ports, hromada, area, 'dispatcher', actor, from);
      const ours = started || alert.startedFrom?.alertId === anchor.id;
      (ours ? spread.reached : spread.alreadyUnderAlert).push(hromada.name);
      if (started) spread.started++;
    } catch {
      spread.failed.push(hromada.name);
    }
  });
  for (const names of [spread.reached, spread.alreadyUnderAlert, spread.failed]) names.sort(byName);
  return spread;
}

/** Ends the alerts spread from `anchorId` (the alert of `origin` the area action started from). */
export async function endSpreadAirRaids(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  origin: Hromada,
  anchorId: string,
  actor: Actor,
): Promise<AirRaidSpreadEnd> {
  const result: AirRaidSpreadEnd = { ended: [], failed: [] };
  const spreadFrom = (a: AirRaidAlert | undefined): a is AirRaidAlert =>
    a?.startedFrom?.hromadaId === origin.id && a.startedFrom.alertId === anchorId;
  const others = (await readAllHromady(ports)).filter((h) => h.id !== origin.id);
  await mapAtMost(others, AT_ONCE, async (hromada) => {
    // unreadable: not known to be ours, so not counted (the poll ends it if it is)
    const active = await ports.entities.airRaids.active(hromada.id).catch(() => undefined);
    if (!spreadFrom(active)) return;
    try {
      await markAirRaidEnded(ports, hromada, active, actor, origin.id);
      result.ended.push(hromada.name);
    } catch (error) {
      // ended meanwhile by its own dispatcher: not ours to count
      const still =
        error instanceof ConflictError
          ? await ports.entities.airRaids.active(hromada.id).catch(() => active)
          : active;
      if (spreadFrom(still)) result.failed.push(hromada.name);
    }
  });
  for (const names of Object.values(result)) names.sort(byName);
  return result;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'uk');
