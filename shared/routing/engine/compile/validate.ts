/** Input checks shared by the compile sections: each failure is a RoutingInputError. */
import { RoutingInputError } from '../errors';

export const MAX_LOCATIONS = 3000;
export const MAX_NODES = 6000;
export const MAX_VEHICLES = 2000;

export function fail(msg: string): never {
  throw new RoutingInputError(msg);
}

export function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function checkAmount(what: string, a: number[] | undefined): number[] {
  if (a === undefined) return [];
  if (!Array.isArray(a)) fail(`${what}: amount must be an array`);
  for (const x of a) if (!isNum(x) || x < 0) fail(`${what}: amounts must be non-negative numbers`);
  return a;
}

/** Time windows, sorted by start; none means "any time". */
export function checkTws(what: string, tws: [number, number][] | undefined): [number, number][] {
  if (tws === undefined || tws.length === 0) return [[0, Number.POSITIVE_INFINITY]];
  if (!Array.isArray(tws)) fail(`${what}: time_windows must be an array`);
  const out = tws.map((w) => {
    if (!Array.isArray(w) || w.length !== 2 || !isNum(w[0]) || !isNum(w[1]))
      fail(`${what}: time window must be [start, end] numbers`);
    if (w[0] < 0 || w[1] < 0) fail(`${what}: negative time in time window [${w[0]}, ${w[1]}]`);
    if (w[0] > w[1]) fail(`${what}: time window start ${w[0]} is after end ${w[1]}`);
    return [w[0], w[1]] as [number, number];
  });
  out.sort((a, b) => a[0] - b[0]);
  return out;
}

export function checkPriority(what: string, p: number | undefined): number {
  if (p === undefined) return 0;
  if (!isNum(p) || p < 0 || p > 100) fail(`${what}: priority must be in 0..100`);
  return p;
}
