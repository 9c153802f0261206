/** Checks the SolveOptions shared by solve, solveAsync and insertTask. */
import type { SolveOptions } from '../vroom-format';
import { RoutingInputError } from './errors';

export function checkOptions(options: SolveOptions): void {
  if (!options || typeof options.now !== 'function') throw new RoutingInputError('options.now is required');
  const t = options.timeLimitMs;
  if (typeof t !== 'number' || Number.isNaN(t) || t < 0)
    throw new RoutingInputError('options.timeLimitMs must be a non-negative number');
  const it = options.maxIterations;
  if (it !== undefined && (typeof it !== 'number' || Number.isNaN(it) || it < 0))
    throw new RoutingInputError('options.maxIterations must be a non-negative number');
}
