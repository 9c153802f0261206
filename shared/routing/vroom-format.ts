/**
 * The routing engine's interchange format: VROOM's input and output JSON (the API of
 * openrouteservice's `/optimization`), plus our extensions as extra fields that VROOM ignores.
 *
 * Units: whatever the matrices use. The product uses seconds and metres; benchmark instances
 * keep their own units (fractions allowed). Times are absolute on the same axis as the matrices
 * (the product uses seconds since local midnight of the planned day, or epoch seconds).
 *
 * Extensions are marked `ext`. Everything else follows VROOM's docs/API.md (v1.14).
 *
 * This file is the contract between the solver (`engine/`), the independent checker (`checker/`),
 * the format readers (`formats/`) and the application layer. Pure types, no imports.
 */

/** Closed interval [start, end]. */
export type TimeWindow = [number, number];

export interface VroomCosts {
  /** Cost of using the vehicle at all. Dominant fixed costs mean "fewest vehicles first". */
  fixed?: number;
  /** Cost per hour of travel time (VROOM default 3600, i.e. cost = travel seconds). */
  per_hour?: number;
  /** ext (also VROOM ≥1.14): cost per km of distance (default 0). Needs distances. */
  per_km?: number;
}

/**
 * A break is taken where the vehicle is after its previous step (the start, or the last stop): it
 * has no travel of its own, and the engine's break steps carry no location_index.
 */
export interface VroomBreak {
  id: number;
  time_windows?: TimeWindow[];
  service?: number;
  description?: string;
  /** Break only allowed when the load is at most this (VROOM `max_load`). */
  max_load?: number[];
}

export type TaskType = 'job' | 'pickup' | 'delivery';
export type StepType = 'start' | TaskType | 'break' | 'end';

/** A reference to one task (a job, or one end of a shipment) or a break. */
export interface StepRef {
  type: TaskType | 'break';
  id: number;
}

/** ext: a task the vehicle has already done today (day-of-service state). */
export interface DoneStep extends StepRef {
  /** When the vehicle left that stop (for a pickup: the start of the passenger's ride time). */
  departure?: number;
}

export interface VroomVehicle {
  id: number;
  profile?: string;
  description?: string;
  start?: [number, number];
  /** Index into the matrices. Missing start = the route starts at its first task. */
  start_index?: number;
  end?: [number, number];
  /** Missing end = open route (ends at its last task). */
  end_index?: number;
  capacity?: number[];
  costs?: VroomCosts;
  skills?: number[];
  /** Shift. For a vehicle under way: [now, shift end] and start_index = current position. */
  time_window?: TimeWindow;
  breaks?: VroomBreak[];
  max_tasks?: number;
  /** Maximum total travel time (VROOM semantics: travel only). */
  max_travel_time?: number;
  /** Maximum total distance. */
  max_distance?: number;
  /**
   * ext: maximum route duration, from leaving the start to arriving at the end, counting
   * travel, waiting and service (Cordeau's T). The engine may delay the departure from the start.
   */
  max_duration?: number;
  /**
   * ext: tasks already done today, in the order they were done. They are not re-planned, are
   * echoed at the head of the route (before the `start` step) with `done: true`, and count neither in cost nor in schedule.
   * A shipment whose pickup is done and delivery is not is on board: its amount loads the vehicle
   * from the start and its delivery must be on this vehicle. A passenger on board is always
   * delivered: when no plan keeps every limit (a delivery window, the ride time, the shift, break
   * windows, max_travel_time, max_distance, max_duration), the engine delivers them anyway, as soon
   * as it can, takes no new task on that vehicle, and lists each broken limit in `violations` on
   * the step and the route.
   */
  done_steps?: DoneStep[];
  /**
   * ext: the route must begin (after done steps) with exactly these steps in this order
   * (a frozen head: the driver already has them). Other tasks may follow. A break whose window the
   * head makes unreachable is taken as soon as possible after it and declared (`delay`).
   */
  locked_steps?: StepRef[];
}

interface TaskCommon {
  description?: string;
  location?: [number, number];
  location_index: number;
  /** Applied only when arriving from another location (VROOM semantics). */
  setup?: number;
  service?: number;
  time_windows?: TimeWindow[];
}

export interface VroomJob extends TaskCommon {
  id: number;
  delivery?: number[];
  pickup?: number[];
  skills?: number[];
  /** VROOM priority 0..100: higher is served first when not everything fits. */
  priority?: number;
  /**
   * ext: cost of leaving it unassigned. Default: mandatory (a penalty far above any route cost,
   * so it is only left out when no feasible insertion exists).
   */
  penalty?: number;
  /** ext: locked to this vehicle (any position). */
  vehicle?: number;
  /**
   * ext: a visit nobody else may witness (a confidential brigade visit): no shipment is on board on
   * the way to it (from the previous stop's departure) nor while it is served.
   */
  exclusive?: boolean;
}

export interface VroomShipmentStep extends TaskCommon {
  id: number;
}

export interface VroomShipment {
  amount?: number[];
  skills?: number[];
  priority?: number;
  pickup: VroomShipmentStep;
  delivery: VroomShipmentStep;
  /**
   * ext: maximum ride time: start of service at the delivery minus departure from the pickup
   * (Cordeau & Laporte's L).
   */
  max_ride_time?: number;
  /** ext: nobody else on board from this pickup to this delivery (confidential or exclusive ride). */
  exclusive?: boolean;
  /** ext: see VroomJob.penalty. */
  penalty?: number;
  /** ext: locked to this vehicle. */
  vehicle?: number;
}

export interface VroomMatrix {
  durations: number[][];
  distances?: number[][];
  /** Custom arc costs replace per_hour/per_km travel costs when given (VROOM semantics). */
  costs?: number[][];
}

export interface VroomProblem {
  vehicles: VroomVehicle[];
  jobs?: VroomJob[];
  shipments?: VroomShipment[];
  /** Keyed by profile; vehicles default to profile "car". */
  matrices: Record<string, VroomMatrix>;
  /** ext: solver hints. */
  options?: {
    /** 'cost' (default) or 'vehicles-then-cost': minimise the number of routes first. */
    objective?: 'cost' | 'vehicles-then-cost';
  };
}

/** ext: machine-readable reason codes for an unassigned task. */
export type UnassignedReasonCode =
  | 'skills'
  | 'capacity'
  | 'time_window'
  | 'max_ride_time'
  | 'max_duration'
  | 'max_travel_time'
  | 'max_distance'
  | 'max_tasks'
  | 'exclusive'
  | 'vehicle_lock'
  | 'unreachable'
  | 'no_vehicle'
  | 'not_worth_it';

export interface VroomStep {
  type: StepType;
  /** Absolute arrival time at the step. For `start`: departure time from the start. */
  arrival: number;
  /** Cumulated travel time up to this step. */
  duration: number;
  setup: number;
  service: number;
  waiting_time: number;
  /** Vehicle load after this step. */
  load: number[];
  /** Cumulated distance up to this step. */
  distance: number;
  location?: [number, number];
  location_index?: number;
  /** Task or break id (absent for start/end). */
  id?: number;
  description?: string;
  /** ext: when the vehicle leaves this step (arrival + waiting + setup + service + any delay). */
  departure?: number;
  /** ext: a done step echoed from `done_steps` (not scheduled, not costed). */
  done?: boolean;
  /** Limits this step breaks (only on a route under way: see `done_steps` and `locked_steps`). */
  violations?: VroomViolation[];
}

/**
 * VROOM's violation shape. Causes used: `delay` (service or arrival after a window or the shift
 * end), `lead_time` (service before a window), `max_tasks`, `max_travel_time`, `max_distance`, and ours:
 * `max_duration`, `max_ride_time`. `duration` says by how much (time units) where it applies.
 */
export type ViolationCause =
  | 'delay'
  | 'lead_time'
  | 'max_tasks'
  | 'max_travel_time'
  | 'max_distance'
  | 'max_duration'
  | 'max_ride_time';

export interface VroomViolation {
  cause: ViolationCause;
  duration?: number;
}

export interface VroomRoute {
  vehicle: number;
  cost: number;
  description?: string;
  delivery?: number[];
  pickup?: number[];
  setup: number;
  service: number;
  /** Total travel time. */
  duration: number;
  waiting_time: number;
  priority: number;
  distance: number;
  steps: VroomStep[];
  /** Limits this route breaks: the union of its steps' and its own (see `done_steps`). */
  violations?: VroomViolation[];
}

export interface VroomUnassigned {
  id: number;
  type: TaskType;
  location?: [number, number];
  location_index?: number;
  description?: string;
  /** ext: the constraint that blocks it. */
  reason_code?: UnassignedReasonCode;
  /** ext: human-readable reason, e.g. "no vehicle with skill 1 is free between 32400 and 34200". */
  reason?: string;
}

export interface VroomSummary {
  cost: number;
  routes: number;
  unassigned: number;
  delivery?: number[];
  pickup?: number[];
  setup: number;
  service: number;
  duration: number;
  waiting_time: number;
  priority: number;
  distance: number;
  computing_times: { loading: number; solving: number; routing: number };
}

export interface VroomSolution {
  /** 0 = ok, 1 = internal error, 2 = input error (VROOM codes). */
  code: number;
  error?: string;
  summary: VroomSummary;
  unassigned: VroomUnassigned[];
  routes: VroomRoute[];
  /** ext: solver statistics. */
  stats?: {
    iterations: number;
    seed: number;
    /** Best total cost over time: [elapsed ms, cost]. */
    progress: Array<[number, number]>;
  };
}

/** ext: progress reported during a solve. */
export interface SolveProgress {
  elapsedMs: number;
  iteration: number;
  bestCost: number;
  routes: number;
  unassigned: number;
}

export interface SolveOptions {
  /** Wall-clock budget. The solve stops when it is spent (or at maxIterations, or on abort). */
  timeLimitMs: number;
  /** Injected clock (ms, monotonic). The engine has no clock of its own. */
  now: () => number;
  /** Seed of the engine's PRNG. Same seed + same iteration count = same answer. */
  seed?: number;
  /** Deterministic budget for tests. */
  maxIterations?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** Checked between iterations; an abort returns the best solution found so far. */
  signal?: AbortSignal;
}
