/**
 * Independent solution checker: recomputes a VroomSolution from scratch, using only the problem's
 * matrices, and lists every constraint it breaks. It shares nothing with the engine but the contract.
 *
 * Violation strings start with a kind in brackets, e.g. `[time_window] vehicle 3 step 4 pickup 12: ...`.
 * Kinds: code, summary, route, duplicate_route, unknown_vehicle, unknown_task, duplicate_task,
 * unassigned, start, end, location, travel, setup, service, waiting, time_window, shift, capacity, load,
 * skills, precedence, max_ride_time, exclusive, max_tasks, max_travel_time, max_distance, max_duration,
 * break, vehicle_lock, done_steps, locked_steps, cost, duration, distance, matrix, violations.
 *
 * Declared violations: a route under way — it starts with a passenger on board (pickup done,
 * delivery not) or with a frozen head (`locked_steps`) — may break a window (a break's too), the
 * shift, a ride time or a route limit, when it says so in VROOM's `violations` (on the step:
 * `delay`, `lead_time`, `max_ride_time`; on the route: `max_tasks`, `max_travel_time`,
 * `max_distance`, `max_duration`). Those are counted in `waived`, not listed; any other route that
 * declares violations is itself a violation.
 *
 * Schedule model: travel from the previous located step to the next; a break happens at the previous
 * location unless the break step names another location_index (then the travel is charged before it).
 * Service start = arrival + waiting_time (must lie in a task window and in the shift); departure =
 * `departure` when given (≥ arrival + waiting + setup + service), else that sum. Setup is due only when
 * the location changes. Done steps (`done: true`) must repeat the vehicle's `done_steps` in order before
 * any other task; they are neither scheduled nor costed.
 */
import type {
  StepRef,
  TaskType,
  VroomBreak,
  VroomJob,
  VroomMatrix,
  VroomProblem,
  VroomShipment,
  VroomSolution,
  VroomStep,
  VroomVehicle,
} from '../vroom-format';

export interface CheckResult {
  feasible: boolean;
  violations: string[];
  /** Recomputed total cost (fixed + travel). */
  cost: number;
  /** Recomputed total distance (0 when the matrices have no distances). */
  distance: number;
  /** Recomputed total travel time. */
  duration: number;
  /** Routes with at least one (not done) task. */
  routes: number;
  /** Task steps neither served nor done (VROOM counting: an unassigned shipment counts twice). */
  unassigned: number;
  /** Broken limits declared by routes that carry a passenger on board (see above). */
  waived: number;
}

interface TaskInfo {
  type: TaskType;
  id: number;
  locationIndex: number;
  setup: number;
  service: number;
  timeWindows: Array<[number, number]> | undefined;
  skills: number[];
  vehicle: number | undefined;
  /** Load change when served (per dimension). */
  delta: number[];
  /** Job delivery amount loaded at the start. */
  startLoad: number[];
  job?: VroomJob;
  shipment?: VroomShipment;
}

const ABS_TOL = 1e-6;
const REL_TOL = 1e-6;

/** a ≤ b up to rounding. */
function le(a: number, b: number): boolean {
  return a <= b + ABS_TOL + 1e-12 * Math.abs(b);
}

function close(reported: number, computed: number): boolean {
  return (
    Math.abs(reported - computed) <=
    Math.max(ABS_TOL, REL_TOL * Math.max(Math.abs(reported), Math.abs(computed)))
  );
}

function key(type: TaskType | 'break', id: number): string {
  return `${type}:${id}`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

function addInto(target: number[], amount: number[] | undefined, sign: 1 | -1): void {
  if (!amount) return;
  for (let d = 0; d < amount.length; d++) {
    target[d] = (target[d] ?? 0) + sign * (amount[d] ?? 0);
  }
}

export function checkSolution(problem: VroomProblem, solution: VroomSolution): CheckResult {
  const violations: string[] = [];
  const v = (kind: string, msg: string) => violations.push(`[${kind}] ${msg}`);

  // ---- Index the problem -------------------------------------------------------------------
  const tasks = new Map<string, TaskInfo>();
  const addTask = (t: TaskInfo) => {
    const k = key(t.type, t.id);
    if (tasks.has(k)) v('duplicate_task', `problem has two ${t.type} tasks with id ${t.id}`);
    tasks.set(k, t);
  };
  for (const job of problem.jobs ?? []) {
    const delta: number[] = [];
    addInto(delta, job.pickup, 1);
    addInto(delta, job.delivery, -1);
    addTask({
      type: 'job',
      id: job.id,
      locationIndex: job.location_index,
      setup: job.setup ?? 0,
      service: job.service ?? 0,
      timeWindows: job.time_windows,
      skills: job.skills ?? [],
      vehicle: job.vehicle,
      delta,
      startLoad: job.delivery ?? [],
      job,
    });
  }
  for (const s of problem.shipments ?? []) {
    const plus: number[] = [];
    addInto(plus, s.amount, 1);
    const minus: number[] = [];
    addInto(minus, s.amount, -1);
    for (const [type, st, delta] of [
      ['pickup', s.pickup, plus],
      ['delivery', s.delivery, minus],
    ] as const) {
      addTask({
        type,
        id: st.id,
        locationIndex: st.location_index,
        setup: st.setup ?? 0,
        service: st.service ?? 0,
        timeWindows: st.time_windows,
        skills: s.skills ?? [],
        vehicle: s.vehicle,
        delta,
        startLoad: [],
        shipment: s,
      });
    }
  }
  const vehicles = new Map<number, VroomVehicle>();
  for (const veh of problem.vehicles) {
    if (vehicles.has(veh.id)) v('duplicate_route', `problem has two vehicles with id ${veh.id}`);
    vehicles.set(veh.id, veh);
  }

  /** Task key -> vehicle id, for served and done tasks. */
  const servedBy = new Map<string, number>();
  /** Shipment -> pickup departure (for ride times) and vehicle, filled by done pickups. */
  const doneKeys = new Set<string>();
  for (const veh of problem.vehicles) {
    for (const d of veh.done_steps ?? []) {
      if (d.type === 'break') continue;
      const k = key(d.type, d.id);
      if (!tasks.has(k)) v('unknown_task', `vehicle ${veh.id} done_steps names unknown ${d.type} ${d.id}`);
      if (servedBy.has(k)) v('duplicate_task', `${d.type} ${d.id} done twice`);
      servedBy.set(k, veh.id);
      doneKeys.add(k);
    }
  }

  if (solution.code !== 0)
    v('code', `solution code ${solution.code}${solution.error ? `: ${solution.error}` : ''}`);

  let totalCost = 0;
  let totalDistance = 0;
  let totalDuration = 0;
  let totalSetup = 0;
  let totalService = 0;
  let totalWaiting = 0;
  let waived = 0;
  let usedRoutes = 0;
  const routeVehicles = new Set<number>();

  for (const route of solution.routes ?? []) {
    const vid = route.vehicle;
    const veh = vehicles.get(vid);
    const where = `vehicle ${vid}`;
    if (!veh) {
      v('unknown_vehicle', `route for unknown vehicle ${vid}`);
      continue;
    }
    if (routeVehicles.has(vid)) {
      v('duplicate_route', `${where} has more than one route`);
      continue;
    }
    routeVehicles.add(vid);
    const profile = veh.profile ?? 'car';
    const matrix: VroomMatrix | undefined = problem.matrices[profile];
    if (!matrix) {
      v('matrix', `${where}: no matrix for profile ${profile}`);
      continue;
    }
    const size = matrix.durations.length;
    const travelOf = (m: number[][] | undefined, a: number | undefined, b: number | undefined): number => {
      if (!m || a === undefined || b === undefined) return 0;
      const x = m[a]?.[b];
      if (x === undefined) {
        v('matrix', `${where}: no matrix entry [${a}][${b}]`);
        return 0;
      }
      return x;
    };

    const steps = route.steps ?? [];
    const stepName = (i: number, s: VroomStep) =>
      `${where} step ${i} ${s.type}${s.id !== undefined ? ` ${s.id}` : ''}`;

    // ---- Done steps ----
    const expectedDone = veh.done_steps ?? [];
    const doneSeen: StepRef[] = [];
    let sawTask = false;
    steps.forEach((s, i) => {
      if (s.done) {
        if (sawTask) v('done_steps', `${stepName(i, s)}: done step after a planned task`);
        doneSeen.push({ type: s.type as StepRef['type'], id: s.id ?? Number.NaN });
      } else if (s.type !== 'start' && s.type !== 'end') {
        sawTask = true;
      }
    });
    const sameRefs = (a: StepRef[], b: StepRef[]) =>
      a.length === b.length && a.every((r, i) => r.type === b[i]!.type && r.id === b[i]!.id);
    if (!sameRefs(doneSeen, expectedDone)) {
      v(
        'done_steps',
        `${where}: done steps ${doneSeen.map((r) => `${r.type} ${r.id}`).join(', ') || '(none)'} != done_steps ${expectedDone.map((r) => `${r.type} ${r.id}`).join(', ') || '(none)'}`,
      );
    }
    const planned = steps.map((s, i) => ({ s, i })).filter(({ s }) => !s.done);

    // ---- Structure: start / end ----
    const first = planned[0];
    const last = planned[planned.length - 1];
    if (veh.start_index !== undefined) {
      if (first?.s.type !== 'start') v('start', `${where}: route does not begin with a start step`);
    } else if (first?.s.type === 'start' && first.s.location_index !== undefined) {
      v('start', `${where}: start step at ${first.s.location_index} but the vehicle has no start`);
    }
    if (veh.end_index !== undefined) {
      if (last?.s.type !== 'end') v('end', `${where}: route does not finish with an end step`);
    } else if (last?.s.type === 'end' && last.s.location_index !== undefined) {
      v('end', `${where}: end step at ${last.s.location_index} but the vehicle has an open end`);
    }
    planned.forEach(({ s, i }, k) => {
      if (s.type === 'start' && k !== 0) v('start', `${stepName(i, s)}: start step not first`);
      if (s.type === 'end' && k !== planned.length - 1) v('end', `${stepName(i, s)}: end step not last`);
    });

    // ---- Locked steps ----
    const locked = veh.locked_steps ?? [];
    if (locked.length > 0) {
      const head = planned
        .filter(({ s }) => s.type !== 'start' && s.type !== 'end')
        .slice(0, locked.length)
        .map(({ s }) => ({ type: s.type as StepRef['type'], id: s.id ?? Number.NaN }));
      if (!sameRefs(head, locked)) {
        v(
          'locked_steps',
          `${where}: route head ${head.map((r) => `${r.type} ${r.id}`).join(', ')} != locked_steps ${locked.map((r) => `${r.type} ${r.id}`).join(', ')}`,
        );
      }
    }

    // ---- Initial load: job deliveries + shipments on board (pickup done, delivery not) ----
    const capacity = veh.capacity;
    const dims = Math.max(capacity?.length ?? 0, 1);
    const load: number[] = new Array(dims).fill(0);
    const onBoard = new Set<VroomShipment>();
    const pickupDeparture = new Map<VroomShipment, number | undefined>();
    const doneDeparture = new Map<string, number | undefined>();
    for (const d of expectedDone) if (d.type !== 'break') doneDeparture.set(key(d.type, d.id), d.departure);
    for (const s of problem.shipments ?? []) {
      const pk = key('pickup', s.pickup.id);
      const dk = key('delivery', s.delivery.id);
      if (doneDeparture.has(pk) && !doneKeys.has(dk)) {
        onBoard.add(s);
        addInto(load, s.amount, 1);
        pickupDeparture.set(s, doneDeparture.get(pk));
      }
    }
    for (const { s } of planned) {
      if (s.type === 'job' && s.id !== undefined) addInto(load, tasks.get(key('job', s.id))?.startLoad, 1);
    }

    // ---- Declared violations (allowed only to deliver a passenger already on board) ----
    const underWay = onBoard.size > 0 || (veh.locked_steps ?? []).length > 0;
    const declaresAny =
      (route.violations ?? []).length > 0 || steps.some((s) => (s.violations ?? []).length > 0);
    if (declaresAny && !underWay)
      v(
        'violations',
        `${where}: declares violations but is not under way (no passenger on board, no locked steps)`,
      );
    const routeCauses = new Set<string>((route.violations ?? []).map((x) => x.cause));
    /** Reports a violation unless this route may break it and declares it (step or route level). */
    const vd = (kind: string, msg: string, step: VroomStep | undefined, ...causes: string[]): void => {
      const said = step ? (step.violations ?? []).map((x) => x.cause) : [...routeCauses];
      if (underWay && causes.some((c) => said.includes(c as never) && routeCauses.has(c))) waived++;
      else v(kind, msg);
    };

    const shift = veh.time_window;
    const breaks = new Map<number, VroomBreak>();
    for (const b of veh.breaks ?? []) breaks.set(b.id, b);
    const breaksSeen = new Set<number>();
    for (const d of expectedDone) if (d.type === 'break') breaksSeen.add(d.id); // taken earlier today

    const checkCapacity = (label: string) => {
      if (!capacity) return;
      for (let d = 0; d < load.length; d++) {
        const cap = capacity[d] ?? 0;
        if (!le(load[d]!, cap))
          v('capacity', `${label}: load ${load.map(fmt).join(',')} exceeds capacity ${capacity.join(',')}`);
        if (load[d]! < -ABS_TOL) v('capacity', `${label}: negative load ${load.map(fmt).join(',')}`);
      }
    };
    const checkLoadReport = (label: string, s: VroomStep) => {
      if (!s.load) return;
      for (let d = 0; d < Math.max(s.load.length, load.length); d++) {
        if (!close(s.load[d] ?? 0, load[d] ?? 0)) {
          v('load', `${label}: reported load ${s.load.join(',')} != ${load.map(fmt).join(',')}`);
          break;
        }
      }
    };
    checkCapacity(`${where} at start`);

    // ---- Walk the schedule ----
    let lastLoc: number | undefined;
    let time: number | undefined;
    let cumDuration = 0;
    let cumDistance = 0;
    let cumCost = 0;
    let setupSum = 0;
    let serviceSum = 0;
    let waitingSum = 0;
    let taskCount = 0;
    let routeStart: number | undefined;
    let routeEnd: number | undefined;
    const seenInRoute = new Map<string, number>();
    /** Exclusive shipment currently on board, if any. */
    let exclusiveOpen: VroomShipment | undefined;

    for (const { s, i } of planned) {
      const label = stepName(i, s);
      if (s.type === 'start') {
        if (
          veh.start_index !== undefined &&
          s.location_index !== undefined &&
          s.location_index !== veh.start_index
        ) {
          v('start', `${label}: location ${s.location_index} != vehicle start_index ${veh.start_index}`);
        }
        lastLoc = veh.start_index;
        time = s.departure ?? s.arrival;
        routeStart = time;
        if (shift && !le(shift[0], s.arrival))
          v('shift', `${label}: leaves at ${fmt(s.arrival)} before shift start ${shift[0]}`);
        if (shift && !le(time, shift[1]))
          v('shift', `${label}: leaves at ${fmt(time)} after shift end ${shift[1]}`);
        if (!close(s.duration ?? 0, 0)) v('duration', `${label}: cumulative duration ${s.duration} != 0`);
        if (!close(s.distance ?? 0, 0)) v('distance', `${label}: cumulative distance ${s.distance} != 0`);
        checkLoadReport(label, s);
        continue;
      }

      // Location of this step.
      let loc: number | undefined;
      let task: TaskInfo | undefined;
      if (s.type === 'end') {
        loc = veh.end_index;
        if (loc !== undefined && s.location_index !== undefined && s.location_index !== loc) {
          v('end', `${label}: location ${s.location_index} != vehicle end_index ${loc}`);
        }
      } else if (s.type === 'break') {
        loc = s.location_index ?? lastLoc;
      } else {
        if (s.id === undefined) {
          v('unknown_task', `${label}: task step without id`);
          continue;
        }
        task = tasks.get(key(s.type, s.id));
        if (!task) {
          v('unknown_task', `${label}: no such ${s.type} in the problem`);
          continue;
        }
        loc = task.locationIndex;
        if (s.location_index !== undefined && s.location_index !== loc) {
          v('location', `${label}: location_index ${s.location_index} != task's ${loc}`);
        }
      }
      if (loc !== undefined && (loc < 0 || loc >= size)) {
        v('matrix', `${label}: location_index ${loc} outside the ${size}x${size} matrix`);
        continue;
      }

      // Travel.
      const travel = travelOf(matrix.durations, lastLoc, loc);
      const dist = travelOf(matrix.distances, lastLoc, loc);
      cumDuration += travel;
      cumDistance += dist;
      cumCost += matrix.costs ? travelOf(matrix.costs, lastLoc, loc) : 0;
      if (time === undefined) {
        time = s.arrival;
        routeStart ??= s.arrival;
        if (shift && !le(shift[0], s.arrival))
          v('shift', `${label}: arrival ${fmt(s.arrival)} before shift start ${shift[0]}`);
      } else if (!le(time + travel, s.arrival)) {
        v(
          'travel',
          `${label}: arrival ${fmt(s.arrival)} < previous departure ${fmt(time)} + travel ${fmt(travel)}`,
        );
      }
      if (!close(s.duration ?? 0, cumDuration)) {
        v('duration', `${label}: cumulative duration ${fmt(s.duration)} != ${fmt(cumDuration)}`);
      }
      if (matrix.distances && s.distance !== undefined && !close(s.distance, cumDistance)) {
        v('distance', `${label}: cumulative distance ${fmt(s.distance)} != ${fmt(cumDistance)}`);
      }

      if (s.type === 'end') {
        routeEnd = s.arrival;
        if (shift && !le(s.arrival, shift[1]))
          vd('shift', `${label}: arrives ${fmt(s.arrival)} after shift end ${shift[1]}`, s, 'delay');
        checkLoadReport(label, s);
        lastLoc = loc;
        time = s.arrival;
        continue;
      }

      // Setup, service, waiting.
      const waiting = s.waiting_time ?? 0;
      if (waiting < -ABS_TOL) v('waiting', `${label}: negative waiting_time ${waiting}`);
      const locationChanged = lastLoc === undefined || loc !== lastLoc;
      let expectedSetup = 0;
      let expectedService = 0;
      let windows: Array<[number, number]> | undefined;
      let brk: VroomBreak | undefined;
      if (task) {
        expectedSetup = locationChanged ? task.setup : 0;
        expectedService = task.service;
        windows = task.timeWindows;
      } else {
        brk = s.id !== undefined ? breaks.get(s.id) : undefined;
        if (!brk) {
          v('break', `${label}: vehicle has no break ${s.id}`);
        } else {
          if (breaksSeen.has(brk.id)) v('break', `${label}: break served twice`);
          breaksSeen.add(brk.id);
          expectedService = brk.service ?? 0;
          windows = brk.time_windows;
        }
      }
      if (!close(s.setup ?? 0, expectedSetup))
        v('setup', `${label}: setup ${s.setup} != expected ${expectedSetup}`);
      if (!close(s.service ?? 0, expectedService)) {
        v('service', `${label}: service ${s.service} != expected ${expectedService}`);
      }
      const serviceStart = s.arrival + waiting;
      if (
        windows &&
        windows.length > 0 &&
        !windows.some(([a, b]) => le(a, serviceStart) && le(serviceStart, b))
      ) {
        vd(
          s.type === 'break' ? 'break' : 'time_window',
          `${label}: service start ${fmt(serviceStart)} outside ${windows.map(([a, b]) => `[${a},${b}]`).join(' ')}`,
          s,
          'delay',
          'lead_time',
        );
      }
      const minDeparture = serviceStart + expectedSetup + expectedService;
      if (shift) {
        if (!le(shift[0], serviceStart))
          v('shift', `${label}: service start ${fmt(serviceStart)} before shift start ${shift[0]}`);
        if (!le(minDeparture, shift[1]))
          vd('shift', `${label}: service ends ${fmt(minDeparture)} after shift end ${shift[1]}`, s, 'delay');
      }
      let departure = minDeparture;
      if (s.departure !== undefined) {
        if (!le(minDeparture, s.departure)) {
          v(
            'travel',
            `${label}: departure ${fmt(s.departure)} < arrival + waiting + setup + service ${fmt(minDeparture)}`,
          );
        }
        departure = Math.max(s.departure, minDeparture);
      }
      setupSum += s.setup ?? 0;
      serviceSum += s.service ?? 0;
      waitingSum += waiting;

      if (brk) {
        if (brk.max_load) {
          for (let d = 0; d < brk.max_load.length; d++) {
            if (!le(load[d] ?? 0, brk.max_load[d]!)) {
              v(
                'break',
                `${label}: load ${load.map(fmt).join(',')} above break max_load ${brk.max_load.join(',')}`,
              );
              break;
            }
          }
        }
        checkLoadReport(label, s);
      }

      if (task) {
        taskCount++;
        const k = key(task.type, task.id);
        if (seenInRoute.has(k) || servedBy.has(k)) {
          v('duplicate_task', `${label}: ${task.type} ${task.id} served more than once`);
        }
        seenInRoute.set(k, i);
        servedBy.set(k, vid);
        // Skills.
        if (task.skills.length > 0) {
          const have = new Set(veh.skills ?? []);
          const missing = task.skills.filter((sk) => !have.has(sk));
          if (missing.length > 0) v('skills', `${label}: vehicle lacks skills ${missing.join(',')}`);
        }
        // Vehicle lock.
        if (task.vehicle !== undefined && task.vehicle !== vid) {
          v('vehicle_lock', `${label}: task locked to vehicle ${task.vehicle}`);
        }
        // Exclusive: no task between an exclusive pickup and its delivery.
        if (exclusiveOpen && task.shipment !== exclusiveOpen) {
          v(
            'exclusive',
            `${label}: served while exclusive shipment (pickup ${exclusiveOpen.pickup.id}) is on board`,
          );
        }
        // Load.
        addInto(load, task.delta, 1);
        checkCapacity(label);
        checkLoadReport(label, s);
        // Shipments: precedence, ride time, exclusive.
        const sh = task.shipment;
        if (sh && task.type === 'pickup') {
          if (sh.exclusive) {
            const others = [...onBoard].filter((o) => o !== sh);
            if (others.length > 0) {
              v('exclusive', `${label}: exclusive pickup while ${others.length} other shipment(s) on board`);
            }
            exclusiveOpen = sh;
          }
          onBoard.add(sh);
          pickupDeparture.set(sh, departure);
        } else if (sh && task.type === 'delivery') {
          if (!onBoard.has(sh)) {
            v('precedence', `${label}: delivery without its pickup ${sh.pickup.id} earlier on this vehicle`);
          } else {
            const dep = pickupDeparture.get(sh);
            if (sh.max_ride_time !== undefined && dep !== undefined) {
              const ride = serviceStart - dep;
              if (!le(ride, sh.max_ride_time)) {
                vd(
                  'max_ride_time',
                  `${label}: ride time ${fmt(ride)} > max_ride_time ${sh.max_ride_time}`,
                  s,
                  'max_ride_time',
                );
              }
            }
          }
          onBoard.delete(sh);
          if (exclusiveOpen === sh) exclusiveOpen = undefined;
        }
      }
      lastLoc = loc;
      time = departure;
      routeEnd = departure;
    }

    for (const sh of onBoard) {
      v('precedence', `${where}: shipment (pickup ${sh.pickup.id}) picked up but never delivered`);
    }

    // ---- Route-level limits ----
    if (veh.max_tasks !== undefined && taskCount > veh.max_tasks) {
      vd('max_tasks', `${where}: ${taskCount} tasks > max_tasks ${veh.max_tasks}`, undefined, 'max_tasks');
    }
    if (veh.max_travel_time !== undefined && !le(cumDuration, veh.max_travel_time)) {
      vd(
        'max_travel_time',
        `${where}: travel time ${fmt(cumDuration)} > max_travel_time ${veh.max_travel_time}`,
        undefined,
        'max_travel_time',
      );
    }
    if (veh.max_distance !== undefined && !le(cumDistance, veh.max_distance)) {
      vd(
        'max_distance',
        `${where}: distance ${fmt(cumDistance)} > max_distance ${veh.max_distance}`,
        undefined,
        'max_distance',
      );
    }
    if (veh.max_duration !== undefined && routeStart !== undefined && routeEnd !== undefined) {
      const dur = routeEnd - routeStart;
      if (!le(dur, veh.max_duration))
        vd(
          'max_duration',
          `${where}: duration ${fmt(dur)} > max_duration ${veh.max_duration}`,
          undefined,
          'max_duration',
        );
    }
    const used = taskCount > 0;
    if (used) {
      for (const b of veh.breaks ?? []) {
        if (!breaksSeen.has(b.id)) v('break', `${where}: break ${b.id} not served`);
      }
    }

    // ---- Route totals and cost ----
    const costs = veh.costs ?? {};
    const travelCost = matrix.costs
      ? cumCost
      : ((costs.per_hour ?? 3600) / 3600) * cumDuration + ((costs.per_km ?? 0) / 1000) * cumDistance;
    const routeCost = (used ? (costs.fixed ?? 0) : 0) + travelCost;
    if (!close(route.cost ?? 0, routeCost))
      v('cost', `${where}: route cost ${fmt(route.cost)} != ${fmt(routeCost)}`);
    if (!close(route.duration ?? 0, cumDuration)) {
      v('duration', `${where}: route duration ${fmt(route.duration)} != travel ${fmt(cumDuration)}`);
    }
    if (matrix.distances && route.distance !== undefined && !close(route.distance, cumDistance)) {
      v('distance', `${where}: route distance ${fmt(route.distance)} != ${fmt(cumDistance)}`);
    }
    if (route.setup !== undefined && !close(route.setup, setupSum))
      v('route', `${where}: route setup ${route.setup} != ${setupSum}`);
    if (route.service !== undefined && !close(route.service, serviceSum)) {
      v('route', `${where}: route service ${route.service} != ${serviceSum}`);
    }
    if (route.waiting_time !== undefined && !close(route.waiting_time, waitingSum)) {
      v('route', `${where}: route waiting_time ${fmt(route.waiting_time)} != ${fmt(waitingSum)}`);
    }
    totalCost += routeCost;
    totalDistance += cumDistance;
    totalDuration += cumDuration;
    totalSetup += setupSum;
    totalService += serviceSum;
    totalWaiting += waitingSum;
    if (used) usedRoutes++;
  }

  // ---- Vehicles without a route but with obligations ----
  for (const veh of problem.vehicles) {
    if (routeVehicles.has(veh.id)) continue;
    if ((veh.locked_steps ?? []).length > 0)
      v('locked_steps', `vehicle ${veh.id}: has locked_steps but no route`);
    for (const s of problem.shipments ?? []) {
      const pk = key('pickup', s.pickup.id);
      const dk = key('delivery', s.delivery.id);
      if (servedBy.get(pk) === veh.id && doneKeys.has(pk) && !doneKeys.has(dk)) {
        v(
          'precedence',
          `vehicle ${veh.id}: shipment (pickup ${s.pickup.id}) on board but the vehicle has no route`,
        );
      }
    }
  }

  // ---- Each task served at most once; unassigned = exactly the rest ----
  const unassignedSeen = new Set<string>();
  for (const u of solution.unassigned ?? []) {
    const k = key(u.type, u.id);
    if (!tasks.has(k)) v('unknown_task', `unassigned lists unknown ${u.type} ${u.id}`);
    else if (servedBy.has(k)) v('unassigned', `unassigned lists ${u.type} ${u.id} but it is served`);
    if (unassignedSeen.has(k)) v('unassigned', `unassigned lists ${u.type} ${u.id} twice`);
    unassignedSeen.add(k);
  }
  let unassigned = 0;
  for (const [k, t] of tasks) {
    if (servedBy.has(k)) continue;
    unassigned++;
    if (!unassignedSeen.has(k)) v('unassigned', `${t.type} ${t.id} neither served nor listed as unassigned`);
  }

  // ---- Summary ----
  const sum = solution.summary;
  if (!sum) {
    v('summary', 'no summary');
  } else {
    if (!close(sum.cost, totalCost)) v('cost', `summary cost ${fmt(sum.cost)} != ${fmt(totalCost)}`);
    if (sum.routes !== (solution.routes ?? []).length) {
      v('summary', `summary routes ${sum.routes} != ${(solution.routes ?? []).length} routes`);
    }
    if (sum.unassigned !== (solution.unassigned ?? []).length) {
      v('summary', `summary unassigned ${sum.unassigned} != ${(solution.unassigned ?? []).length} listed`);
    }
    if (!close(sum.duration ?? 0, totalDuration)) {
      v('duration', `summary duration ${fmt(sum.duration)} != ${fmt(totalDuration)}`);
    }
    if (sum.distance !== undefined && Object.values(problem.matrices).some((m) => m.distances)) {
      if (!close(sum.distance, totalDistance))
        v('distance', `summary distance ${fmt(sum.distance)} != ${fmt(totalDistance)}`);
    }
    if (sum.setup !== undefined && !close(sum.setup, totalSetup))
      v('summary', `summary setup ${sum.setup} != ${totalSetup}`);
    if (sum.service !== undefined && !close(sum.service, totalService)) {
      v('summary', `summary service ${sum.service} != ${totalService}`);
    }
    if (sum.waiting_time !== undefined && !close(sum.waiting_time, totalWaiting)) {
      v('summary', `summary waiting_time ${fmt(sum.waiting_time)} != ${fmt(totalWaiting)}`);
    }
  }

  return {
    feasible: violations.length === 0,
    violations,
    cost: totalCost,
    distance: totalDistance,
    duration: totalDuration,
    routes: usedRoutes,
    unassigned,
    waived,
  };
}

/** Kind of a violation string (the bracketed prefix). */
export function violationKind(violation: string): string {
  return /^\[([a-z_]+)\]/.exec(violation)?.[1] ?? 'unknown';
}
