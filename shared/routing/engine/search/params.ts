/** Tuning of the search (SISR ruin & recreate under simulated annealing, fleet minimisation). */

export interface SearchParams {
  cBar: number;
  lMax: number;
  blink: number;
  t0: number; // relative to the mean arc cost
  tf: number;
  /** vehicles-then-cost: at most this share of the budget for fleet minimisation... */
  fleetShare: number;
  /** ...and stop it when no route was saved for this share of the budget. */
  fleetPatience: number;
  /**
   * Cost stage: when the best has not improved for this share of the budget, restart the annealing
   * from the best solution at the initial temperature over the remaining budget (0: never).
   */
  restartPatience: number;
  /**
   * Cost stage with a fixed fleet: an unassigned mandatory request costs this many mean arcs (to
   * start with; then adapted) in the annealing's acceptance, never in the best, so the search can
   * pass through tight states (0: off). The weight grows while more than `softShare` of the accepted
   * states leave something out and shrinks while fewer than a quarter of that do.
   */
  softUnassigned: number;
  softShare: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  cBar: 10,
  lMax: 10,
  blink: 0.01,
  t0: 1,
  tf: 0.01,
  fleetShare: 0.6,
  fleetPatience: 0.25,
  restartPatience: 0.15,
  softUnassigned: 1,
  softShare: 0.2,
};
