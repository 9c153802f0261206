import { describe, expect, it } from 'vitest';
import { planTour } from '../../../../shared/app/tours/plan-tour';
import { withdrawConsent } from '../../../../shared/app/tours/withdraw-consent';
import type { RouteSolver } from '../../../../shared/ports/route-solver';
import { ENGINE, P, TURBIV, tourRequest, tourWorld, WED } from './tour-world';

/**
 * A tour job reads the agreements, then solves for minutes. A hromada that withdraws its consent
 * meanwhile changes only its visits already planned; the tour's own transaction must therefore
 * hold only while each agreement it planned under is still the version read.
 */
describe('a tour planned while a hromada withdraws its consent', () => {
  it('is not saved: none of that hromada’s visits from the date lands on the tour', async () => {
    const { ports, entities } = await tourWorld();
    let withdrawn = false;
    const solver: RouteSolver = {
      solve: async (problem, options) => {
        if (!withdrawn) {
          withdrawn = true;
          await withdrawConsent(ports, TURBIV, P, { version: 1, from: WED }, 'admin-t');
        }
        return ports.solver.solve(problem, options);
      },
    };
    const error = await planTour({ ...ports, solver }, P, tourRequest(), 'd', ENGINE).catch(
      (e: unknown) => e,
    );
    expect(withdrawn).toBe(true);
    expect(error).toMatchObject({
      kind: 'conflict',
      code: 'tour-changed',
      reason: expect.stringMatching(/згод/),
    });
    expect((await entities.tours.visit(TURBIV, 'v-tur-wed'))?.planned).toBeUndefined();
    expect(await entities.tours.ofProvider(P)).toEqual([]);
    // planned again, the withdrawn date is left out with its reason
    const again = await planTour(ports, P, tourRequest(), 'd', ENGINE);
    expect(again.unassigned).toEqual([
      { visitId: 'v-tur-wed', hromadaId: TURBIV, reason: 'немає згоди громади на цю дату' },
    ]);
  });
});
