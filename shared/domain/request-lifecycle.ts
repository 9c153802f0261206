/**
 * The request lifecycle, in one place:
 *
 *   requested → confirmed → planned → dispatched → on-board → done
 *                                                └─────────→ no-show | cancelled
 *
 * `planned`: on a route of the day's plan, not yet sent to a driver. `dispatched`: its driver has
 * the route (the plan was published). `on-board`: a social-taxi rider was picked up (the driver's
 * `N OK` at the pickup). A visit (brigade, mobile case, delivery) has no state between dispatched
 * and done: the driver's one report at the door (`N OK` / `N NS`) is its outcome. A resident's
 * confirmation (ТАК) is a status only while the request is `requested`; later it is kept as
 * `confirmedAt` and the status stays (the plan, not the resident, moves it on).
 *
 * Every status the code sets goes through `canMove` (who may make which move) or comes from the
 * sets below. Pure.
 */
import { ConflictError } from './errors';

export const requestStatuses = [
  'requested',
  'confirmed',
  'planned',
  'dispatched',
  'on-board',
  'done',
  'cancelled',
  'no-show',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Still to be served (or being served): occupying its time, counted by planning and reminders. */
export const OPEN_STATUSES: ReadonlySet<RequestStatus> = new Set([
  'requested',
  'confirmed',
  'planned',
  'dispatched',
  'on-board',
]);
/** Final: a request never leaves these (so a consistent read of one stays true). */
export const FINAL_STATUSES: ReadonlySet<RequestStatus> = new Set(['done', 'cancelled', 'no-show']);
/** On a route of the day's plan (planning put it there; it leaves only by a move below). */
export const ROUTED_STATUSES: ReadonlySet<RequestStatus> = new Set(['planned', 'dispatched', 'on-board']);
/** The time, places and passengers may still be edited: nobody was sent them yet. */
export const EDITABLE_STATUSES: ReadonlySet<RequestStatus> = new Set(['requested', 'confirmed', 'planned']);

export const isOpen = (status: RequestStatus): boolean => OPEN_STATUSES.has(status);
export const isFinal = (status: RequestStatus): boolean => FINAL_STATUSES.has(status);

/**
 * Who moves a request: the dispatcher (console), the planner (planning and publishing, the
 * system), the driver (`2 OK`, `1 NS` by SMS), the resident (ТАК / НІ by SMS).
 */
export const lifecycleActors = ['dispatcher', 'planner', 'driver', 'resident'] as const;
export type LifecycleActor = (typeof lifecycleActors)[number];

type Moves = Partial<Record<RequestStatus, readonly LifecycleActor[]>>;

const D = 'dispatcher';
const P = 'planner';
const DRIVER = 'driver';
const R = 'resident';

/** from → to → who may make that move. Anything not listed is refused. */
export const TRANSITIONS: Readonly<Record<RequestStatus, Moves>> = {
  // straight to dispatched: a publish catching up with a plan whose statuses were not yet set
  requested: {
    confirmed: [D, R],
    planned: [P],
    dispatched: [P],
    done: [D],
    'no-show': [D],
    cancelled: [D, R],
  },
  confirmed: { planned: [P], dispatched: [P], done: [D], 'no-show': [D], cancelled: [D, R] },
  // back to requested/confirmed: a re-plan (or an edit) took it off the routes
  planned: {
    requested: [P],
    confirmed: [P],
    dispatched: [P],
    done: [D],
    'no-show': [D],
    cancelled: [D, R],
  },
  dispatched: {
    requested: [P],
    confirmed: [P],
    'on-board': [DRIVER, D],
    done: [DRIVER, D],
    'no-show': [DRIVER, D],
    cancelled: [D, R],
  },
  // on board: the ride goes on to its drop-off; it can no longer be cancelled or missed
  'on-board': { done: [DRIVER, D] },
  done: {},
  cancelled: {},
  'no-show': {},
};

/** May `actor` move a request from `from` to `to`? (Staying put is not a move.) */
export function canMove(from: RequestStatus, to: RequestStatus, actor: LifecycleActor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** `canMove`, or a 409 saying why not, with the request's current version. */
export function assertMove(
  request: { id: string; status: RequestStatus; version: number },
  to: RequestStatus,
  actor: LifecycleActor,
): void {
  if (canMove(request.status, to, actor)) return;
  const who = TRANSITIONS[request.status][to] ? ` by the ${actor}` : '';
  throw new ConflictError(
    `Request ${request.id} is ${request.status}: it cannot become ${to}${who}`,
    request.version,
  );
}

/**
 * The status a request should have given where the plan has it (planning and publishing call it
 * for every open request of the day): on a route of a published plan, dispatched; on a route of a
 * draft, planned (or still dispatched: its driver has the last published route); off the routes,
 * back to confirmed or requested. A rider on board stays on board.
 */
export function statusFromPlan(
  request: { status: RequestStatus; confirmedAt?: string | undefined },
  onRoute: boolean,
  planStatus: 'draft' | 'published',
): RequestStatus {
  if (!isOpen(request.status) || request.status === 'on-board') return request.status;
  if (onRoute) {
    if (planStatus === 'published') return 'dispatched';
    return request.status === 'dispatched' ? 'dispatched' : 'planned';
  }
  return request.confirmedAt || request.status === 'confirmed' ? 'confirmed' : 'requested';
}
