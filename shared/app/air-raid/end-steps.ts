/**
 * An air-raid alert's end in steps that survive a fault. The alert is marked ended with `ending`
 * (end-air-raid.ts); each step's outcome is then kept in `ending` as soon as it is done: the
 * re-plan of its start day, the later days (re-planned, whole days handed over), the release of
 * the held messages. A fault in a step (storage throttled, the solver crashed) leaves the alert
 * `ending`; the next poll (poll-air-raids.ts) or a dispatcher's «Відбій» runs the steps not done
 * yet, then the end's record removes `ending`. A step done is never run again.
 *
 * Two finishers may meet: a spread end waits for the poll, and a new area «Тривога» (finishing it
 * first) or the hromada's own «Відбій» may come meanwhile with a copy read before. Each step reads
 * the alert again and skips a step another run kept, and a run that finds the end recorded
 * (`ending` gone) stops: no step is run again once kept, the end is recorded once.
 */
import type { AirRaidAlert, AirRaidDay, AirRaidEnding } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import type { Replanned } from './replan-after-air-raid';

type Ended = AirRaidAlert & { endedAt: string };

export interface EndStepRunners {
  replan: (alert: Ended) => Promise<Replanned>;
  later: (alert: Ended) => Promise<AirRaidDay[] | undefined>;
  release: (alert: Ended) => Promise<{ released: number; dropped: number }>;
}

export type EndOutcome = Replanned & { released: number; dropped: number; days: AirRaidDay[] | undefined };

/** The newest alert when it ended but its end was not finished (a fault interrupted it). */
export async function unfinishedEnd(
  ports: Pick<Ports, 'entities'>,
  hromada: Pick<Hromada, 'id'>,
): Promise<Ended | undefined> {
  const [newest] = (await ports.entities.airRaids.list(hromada.id, { limit: 1 })).items;
  return newest?.endedAt !== undefined && newest.ending ? { ...newest, endedAt: newest.endedAt } : undefined;
}

/**
 * Runs the steps not done yet, keeping each outcome on the alert; the alert as read last.
 * Undefined: the end was recorded meanwhile (by another finisher).
 */
export async function endSteps(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  ended: Ended,
  run: EndStepRunners,
): Promise<{ alert: Ended; outcome: EndOutcome } | undefined> {
  let alert = await stillEnding(ports, hromada, ended);
  if (alert && !alert.ending?.replan)
    alert = await keep(ports, hromada, alert, { replan: defined(await run.replan(alert)) });
  if (alert) alert = await stillEnding(ports, hromada, alert);
  if (alert && !alert.ending?.later) {
    const days = await run.later(alert);
    alert = await keep(ports, hromada, alert, { later: days ? { days } : {} });
  }
  if (alert) alert = await stillEnding(ports, hromada, alert);
  if (alert && !alert.ending?.release)
    alert = await keep(ports, hromada, alert, { release: await run.release(alert) });
  if (!alert) return undefined;
  const { replan, later, release } = alert.ending as Required<AirRaidEnding>;
  return { alert, outcome: { ...replan, ...release, days: later.days } };
}

/** The alert read again, while its end is not recorded (steps another run kept included). */
async function stillEnding(
  ports: Pick<Ports, 'entities'>,
  hromada: Hromada,
  seen: Ended,
): Promise<Ended | undefined> {
  const fresh = (await ports.entities.airRaids.get(hromada.id, seen.id)) ?? seen;
  return fresh.ending ? { ...fresh, endedAt: seen.endedAt } : undefined;
}

/**
 * One step's outcome on the alert, at the version read again (the steps write the alert too).
 * Another run kept it meanwhile: its outcome stays; the end recorded meanwhile: undefined.
 */
async function keep(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  seen: Ended,
  step: AirRaidEnding,
): Promise<Ended | undefined> {
  for (let attempt = 1; ; attempt++) {
    const fresh = await stillEnding(ports, hromada, seen);
    if (!fresh) return undefined;
    if (Object.keys(step).every((k) => fresh.ending?.[k as keyof AirRaidEnding] !== undefined)) return fresh;
    const item: Ended = {
      ...fresh,
      endedAt: seen.endedAt,
      ending: { ...fresh.ending, ...step },
      version: fresh.version + 1,
      updatedAt: ports.clock.now().toISOString(),
    };
    try {
      await ports.entities.commit([
        { op: 'update', entity: 'AirRaidAlert', item, expectedVersion: fresh.version },
        auditChange(ports, hromada, 'system:air-raid', 'air-raid-end', 'AirRaidAlert', seen.id, [
          ...Object.keys(step).map((k) => `ending.${k}`),
        ]),
      ]);
      return item;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
    }
  }
}

/** Without the keys whose value is undefined (the stored item has none). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
