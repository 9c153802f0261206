/** Tolerances and small helpers shared by the checker's constraint families. */
import type { TaskType } from '../vroom-format';

export const ABS_TOL = 1e-6;
const REL_TOL = 1e-6;

/** a ≤ b up to rounding. */
export function le(a: number, b: number): boolean {
  return a <= b + ABS_TOL + 1e-12 * Math.abs(b);
}

/** A reported figure equals the recomputed one up to rounding. */
export function close(reported: number, computed: number): boolean {
  return (
    Math.abs(reported - computed) <=
    Math.max(ABS_TOL, REL_TOL * Math.max(Math.abs(reported), Math.abs(computed)))
  );
}

export function key(type: TaskType | 'break', id: number): string {
  return `${type}:${id}`;
}

export function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

export function addInto(target: number[], amount: number[] | undefined, sign: 1 | -1): void {
  if (!amount) return;
  for (let d = 0; d < amount.length; d++) {
    target[d] = (target[d] ?? 0) + sign * (amount[d] ?? 0);
  }
}
