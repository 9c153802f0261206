/**
 * Node kinds (`Model.kind[n]`). The one definition: every engine file imports these.
 * Measured (docs/benchmarks.md, "Refactor by concept"): importing these `const`s instead of keeping
 * local copies costs nothing in the hot loops (bundled or not, V8 folds the imported constants).
 */
export const KIND_JOB = 0;
export const KIND_PICKUP = 1;
export const KIND_DELIVERY = 2;
export const KIND_BREAK = 3;

export type NodeKindName = 'job' | 'pickup' | 'delivery' | 'break';

export const kindName = (k: number): NodeKindName =>
  k === KIND_JOB ? 'job' : k === KIND_PICKUP ? 'pickup' : k === KIND_DELIVERY ? 'delivery' : 'break';
