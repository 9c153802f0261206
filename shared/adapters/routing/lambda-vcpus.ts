/** Lambda gives CPU in proportion to memory: one vCPU's worth at 1769 MB, 6 vCPUs at 10 240 MB. */
export const MB_PER_VCPU = 1769;
export const MAX_LAMBDA_VCPUS = 6;

/** The independent searches a function of `memoryMb` runs at once: one per vCPU (to the nearest). */
export function workersForMemory(memoryMb: number): number {
  return Math.max(1, Math.min(MAX_LAMBDA_VCPUS, Math.round(memoryMb / MB_PER_VCPU)));
}
