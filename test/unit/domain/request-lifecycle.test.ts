import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/domain/errors';
import {
  assertMove,
  canMove,
  FINAL_STATUSES,
  isFinal,
  isOpen,
  type LifecycleActor,
  lifecycleActors,
  type RequestStatus,
  requestStatuses,
  statusFromPlan,
} from '../../../shared/domain/request-lifecycle';

/** Every allowed move, written out again by hand: anything else is refused. */
const ALLOWED: Array<[RequestStatus, RequestStatus, LifecycleActor[]]> = [
  ['requested', 'confirmed', ['dispatcher', 'resident']],
  ['requested', 'planned', ['planner']],
  ['requested', 'dispatched', ['planner']],
  ['requested', 'done', ['dispatcher']],
  ['requested', 'no-show', ['dispatcher']],
  ['requested', 'cancelled', ['dispatcher', 'resident']],
  ['confirmed', 'planned', ['planner']],
  ['confirmed', 'dispatched', ['planner']],
  ['confirmed', 'done', ['dispatcher']],
  ['confirmed', 'no-show', ['dispatcher']],
  ['confirmed', 'cancelled', ['dispatcher', 'resident']],
  ['planned', 'requested', ['planner']],
  ['planned', 'confirmed', ['planner']],
  ['planned', 'dispatched', ['planner']],
  ['planned', 'done', ['dispatcher']],
  ['planned', 'no-show', ['dispatcher']],
  ['planned', 'cancelled', ['dispatcher', 'resident']],
  ['dispatched', 'requested', ['planner']],
  ['dispatched', 'confirmed', ['planner']],
  ['dispatched', 'on-board', ['driver', 'dispatcher']],
  ['dispatched', 'done', ['driver', 'dispatcher']],
  ['dispatched', 'no-show', ['driver', 'dispatcher']],
  ['dispatched', 'cancelled', ['dispatcher', 'resident']],
  ['on-board', 'done', ['driver', 'dispatcher']],
];

const allowed = (from: RequestStatus, to: RequestStatus, actor: LifecycleActor) =>
  ALLOWED.some(([f, t, who]) => f === from && t === to && who.includes(actor));

const cases = requestStatuses.flatMap((from) =>
  requestStatuses.flatMap((to) => lifecycleActors.map((actor) => ({ from, to, actor }))),
);

describe('the request lifecycle', () => {
  it.each(cases.filter((c) => allowed(c.from, c.to, c.actor)))(
    'allows $from → $to by the $actor',
    ({ from, to, actor }) => {
      expect(canMove(from, to, actor)).toBe(true);
      expect(() => assertMove({ id: 'r1', status: from, version: 3 }, to, actor)).not.toThrow();
    },
  );

  it.each(cases.filter((c) => !allowed(c.from, c.to, c.actor)))(
    'refuses $from → $to by the $actor (409 with the version)',
    ({ from, to, actor }) => {
      expect(canMove(from, to, actor)).toBe(false);
      let thrown: unknown;
      try {
        assertMove({ id: 'r1', status: from, version: 3 }, to, actor);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConflictError);
      expect((thrown as ConflictError).currentVersion).toBe(3);
    },
  );

  it('nothing leaves a final status; open and final split the statuses', () => {
    for (const from of FINAL_STATUSES)
      for (const to of requestStatuses)
        for (const actor of lifecycleActors) expect(canMove(from, to, actor)).toBe(false);
    for (const s of requestStatuses) expect(isOpen(s)).toBe(!isFinal(s));
  });

  it('the plan gives the status: planned in a draft, dispatched once published, back when taken off', () => {
    expect(statusFromPlan({ status: 'confirmed' }, true, 'draft')).toBe('planned');
    expect(statusFromPlan({ status: 'planned' }, true, 'published')).toBe('dispatched');
    // a re-planned draft: its driver still has the last published route
    expect(statusFromPlan({ status: 'dispatched' }, true, 'draft')).toBe('dispatched');
    expect(statusFromPlan({ status: 'planned' }, false, 'draft')).toBe('requested');
    expect(statusFromPlan({ status: 'planned', confirmedAt: '2026-11-23T10:00:00Z' }, false, 'draft')).toBe(
      'confirmed',
    );
    expect(statusFromPlan({ status: 'on-board' }, false, 'published')).toBe('on-board');
    expect(statusFromPlan({ status: 'cancelled' }, true, 'published')).toBe('cancelled');
  });
});
