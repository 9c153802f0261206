/**
 * Node kinds (`Model.kind[n]`). The one definition: every engine file imports these, the hot loops
 * too. Measured before this was done (docs/benchmarks.md, "Refactor by concept"): solves at a fixed
 * iteration count took the same CPU time, within the machine's noise (about 3 %), whether the hot
 * files imported these or kept local copies, as they used to "to avoid live-binding getters".
 */
export const KIND_JOB = 0;
export const KIND_PICKUP = 1;
export const KIND_DELIVERY = 2;
export const KIND_BREAK = 3;

export type NodeKindName = 'job' | 'pickup' | 'delivery' | 'break';

export const kindName = (k: number): NodeKindName =>
  k === KIND_JOB ? 'job' : k === KIND_PICKUP ? 'pickup' : k === KIND_DELIVERY ? 'delivery' : 'break';
