/**
 * A spread «Відбій» leaves each covered hromada's end for the next poll (`ending`): two finishers
 * of that end (the poll and a new area «Тривога», the poll and the hromada's own «Відбій») must
 * finish it once: the day re-planned and published once, the end recorded once, no poll failing
 * after it.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaidByDispatcher, startAirRaidByDispatcher } from '../../../../shared/app/air-raid/air-raids';
import { endWhenAnchorEnded } from '../../../../shared/app/air-raid/anchor-ended';
import { finishEnd } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { createHromada } from '../../../../shared/app/registry';
import type { Change } from '../../../../shared/ports/entity-repository';
import { HROMADA } from '../../../support/fixtures';
import { setHromadaAreas } from '../../../support/hromada-areas';
import { hromadaOf } from '../../../support/inputs';
import { TUESDAY } from '../planning/demo-day';
import { publishedDemoDay } from './published-demo-day';

const OBLAST = 'UA05000000000010236';
const ORIGIN = 'pokrovska';
const NO_FEED = { activeAreas: async () => [] };

/** The demo day in Хмільник under an oblast alert set in Покровська, its morning route on the road. */
async function spreadAlert() {
  const d = await publishedDemoDay();
  await setHromadaAreas(d.ports, HROMADA, { oblastId: OBLAST });
  await createHromada(d.ports, hromadaOf({ id: ORIGIN, name: 'Покровська громада', oblastId: OBLAST }), 't');
  const morning = d.plan.routes.find((r) => r.stops.some((s) => s.requestId === d.rides.anna.id))!;
  d.clock.at = new Date(Date.parse(morning.stops[0]!.departure) + 60_000);
  await startAirRaidByDispatcher(d.ports, ORIGIN, 'oblast', 'disp-p');
  const active = (await d.ports.entities.airRaids.active(HROMADA))!;
  d.clock.at = new Date(d.clock.now().getTime() + 20 * 60_000);
  await endAirRaidByDispatcher(d.ports, ORIGIN, 'disp-p');
  const hromada = (await d.ports.entities.hromady.get(HROMADA))!;
  return { ...d, hromada, active };
}

describe('a spread end finished by two at once', () => {
  it('is finished once: a finisher holding a stale copy re-plans nothing, records nothing, breaks no poll', async () => {
    const d = await spreadAlert();
    const [stale] = (await d.ports.entities.airRaids.list(HROMADA, { limit: 1 })).items;
    expect(stale?.ending).toEqual({});
    expect((await pollAirRaids(d.ports, NO_FEED)).resumed).toBe(1);
    const published = (await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    const recorded = (await d.ports.entities.airRaids.get(HROMADA, stale!.id))!;
    expect(recorded.ending).toBeUndefined();

    // the other finisher, with the copy it read before the poll finished the end
    const again = await finishEnd(d.ports, d.hromada, { ...stale!, endedAt: stale!.endedAt! }, 'disp-p');
    expect(again.ending).toBeUndefined();
    expect((await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!.version).toBe(published.version);
    expect(await d.ports.entities.airRaids.get(HROMADA, stale!.id)).toEqual(recorded);
    d.clock.at = new Date(d.clock.now().getTime() + 60_000);
    expect((await pollAirRaids(d.ports, NO_FEED)).failures).toEqual([]);
  });

  it('skips a step another finisher kept meanwhile, without running it again', async () => {
    const d = await spreadAlert();
    const [stale] = (await d.ports.entities.airRaids.list(HROMADA, { limit: 1 })).items;
    const ended = { ...stale!, endedAt: stale!.endedAt! };
    // the poll kept every step, then a fault stopped it before the record
    const entities = new Proxy(d.ports.entities, {
      get: (target, prop) =>
        prop === 'commit'
          ? async (changes: Change[]) => {
              if (changes.some((c) => c.op === 'create' && c.entity === 'Alert'))
                throw new Error('throttled');
              return target.commit(changes);
            }
          : Reflect.get(target, prop, target),
    });
    await expect(finishEnd({ ...d.ports, entities }, d.hromada, ended, 'disp-p')).rejects.toThrow(
      'throttled',
    );
    const replanned = (await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    expect((await d.ports.entities.airRaids.get(HROMADA, stale!.id))?.ending?.release).toBeDefined();

    d.clock.at = new Date(d.clock.now().getTime() + 60_000);
    const done = await finishEnd(d.ports, d.hromada, ended, 'disp-p');
    expect(done.ending).toBeUndefined();
    expect(done.effects.replanVersion).toBe(replanned.version);
    expect((await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!.version).toBe(replanned.version);
  });

  it('the poll that read the alert in force before the spread «Відбій» ended it takes it as ended, not as a failure', async () => {
    const d = await spreadAlert();
    const marked = (await d.ports.entities.airRaids.get(HROMADA, d.active.id))!;
    // the poll's copy, read while the alert was in force; the «Відбій» marked it ended since
    expect(await endWhenAnchorEnded(d.ports, d.hromada, d.active)).toBe(true);
    // not marked ended a second time
    expect(await d.ports.entities.airRaids.get(HROMADA, d.active.id)).toEqual(marked);
  });
});
