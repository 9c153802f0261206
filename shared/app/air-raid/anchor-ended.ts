/**
 * An alert spread from another hromada's raion or oblast action (spread-air-raid.ts) lasts as long
 * as the alert it was spread from (its `startedFrom` anchor). When the anchor has ended — the feed
 * ended it, its dispatcher's «Відбій» could not reach this hromada, or it was itself spread from
 * an alert now ended (a chain) — the poll ends this one too, by the normal end (end-air-raid.ts):
 * nobody else would (the feed never ends a dispatcher's alert, and the console of the hromada the
 * action came from shows no «Відбій» once its own alert is over).
 */
import type { Actor } from '../../domain/actor';
import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { finishEnd, markAirRaidEnded } from './end-air-raid';

/** Anchors followed up a chain of spreads, at most (a chain longer than that waits a minute). */
const CHAIN = 5;

/** Ends `active` when the alert it was spread from has ended; whether it did. */
export async function endWhenAnchorEnded(
  ports: Pick<Ports, 'entities' | 'outbox' | 'travel' | 'clock' | 'ids' | 'solver'>,
  hromada: Hromada,
  active: AirRaidAlert,
): Promise<boolean> {
  const from = active.startedFrom;
  if (!from) return false;
  const endedBy = await anchorEndedBy(ports, active);
  if (endedBy === undefined) return false;
  const ended = await markAirRaidEnded(ports, hromada, active, endedBy, from.hromadaId).catch(
    async (error: unknown) => {
      // ended meanwhile (the «Відбій» spreading from the anchor got there first): its end is under
      // way, finished by the next poll; this hromada is polled on as one not under an alert
      const fresh =
        error instanceof ConflictError ? await ports.entities.airRaids.get(hromada.id, active.id) : undefined;
      if (fresh?.endedAt === undefined) throw error;
      return undefined;
    },
  );
  if (ended) await finishEnd(ports, hromada, ended, endedBy);
  return true;
}

/** Who ended the anchor (or an anchor up the chain), or undefined while every one is in force. */
async function anchorEndedBy(
  ports: Pick<Ports, 'entities'>,
  alert: AirRaidAlert,
): Promise<Actor | undefined> {
  let from = alert.startedFrom;
  for (let step = 0; from && step < CHAIN; step++) {
    const anchor = await ports.entities.airRaids.get(from.hromadaId, from.alertId);
    // gone (its hromada removed, its log expired): nothing holds the alert any more
    if (!anchor) return SYSTEM;
    if (anchor.endedAt !== undefined) return anchor.endedBy ?? SYSTEM;
    from = anchor.startedFrom;
  }
  return undefined;
}

const SYSTEM = 'system:air-raid';
