/** The list of violations found, each `[kind] message`, and the count of declared (waived) ones. */
export class Violations {
  readonly list: string[] = [];
  /** Broken limits a route under way declared (see declared-violations.ts). */
  waived = 0;

  add(kind: string, msg: string): void {
    this.list.push(`[${kind}] ${msg}`);
  }
}

/** Kind of a violation string (the bracketed prefix). */
export function violationKind(violation: string): string {
  return /^\[([a-z_]+)\]/.exec(violation)?.[1] ?? 'unknown';
}
