import { describe, expect, it } from 'vitest';
import { startAirRaidByDispatcher } from '../../../../shared/app/air-raid/air-raids';
import { createHromada } from '../../../../shared/app/registry';
import type { EntityRepository } from '../../../../shared/ports/entity-repository';
import type { Ports } from '../../../../shared/ports/ports';
import { memoryPorts } from '../../../support/fixtures';
import { hromadaOf } from '../../../support/inputs';

const OBLAST = 'UA05000000000010236';

/** Counts the alert-writing change sets in flight at once; each takes a few turns of the loop. */
function countingCommits(entities: EntityRepository) {
  const seen = { inFlight: 0, peak: 0 };
  const commit: EntityRepository['commit'] = async (changes) => {
    if (!changes.some((c) => 'entity' in c && c.entity === 'AirRaidAlert')) return entities.commit(changes);
    seen.inFlight++;
    seen.peak = Math.max(seen.peak, seen.inFlight);
    try {
      for (let k = 0; k < 5; k++) await new Promise((r) => setImmediate(r));
      return await entities.commit(changes);
    } finally {
      seen.inFlight--;
    }
  };
  const wrapped = new Proxy(entities, {
    get: (target, prop) => (prop === 'commit' ? commit : Reflect.get(target, prop, target)),
  });
  return { wrapped, seen };
}

describe("a dispatcher's oblast alert over a large oblast", () => {
  it('reaches every covered hromada, several at once (not one after another), at most 8 at a time', async () => {
    const { ports: base } = memoryPorts();
    const ids = Array.from({ length: 21 }, (_, i) => `h${String(i).padStart(2, '0')}`);
    for (const id of ids)
      await createHromada(base, hromadaOf({ id, name: `Громада ${id}`, oblastId: OBLAST }), 'test');
    const { wrapped, seen } = countingCommits(base.entities);
    const ports: Ports = { ...base, entities: wrapped };
    const { spread } = await startAirRaidByDispatcher(ports, 'h00', 'oblast', 'dispatcher-1');
    expect(spread?.reached).toHaveLength(20);
    expect(spread?.failed).toEqual([]);
    expect(seen.peak).toBeGreaterThan(1);
    expect(seen.peak).toBeLessThanOrEqual(8);
    for (const id of ids) expect(await base.entities.airRaids.active(id)).toBeDefined();
  });
});
