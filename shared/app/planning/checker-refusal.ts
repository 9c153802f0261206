/**
 * The independent checker refused the routing engine's answer: nothing is saved. Not a domain
 * error — it is a fault in the engine, so the API answers 500 — but a type of its own, so that a
 * handler can count it (the `planCheckerRejected` metric) without reading messages.
 */
export class CheckerRefusal extends Error {
  constructor(what: string, violations: string[]) {
    super(`routing engine returned an infeasible ${what}: ${violations.slice(0, 3).join('; ')}`);
    this.name = 'CheckerRefusal';
  }
}
