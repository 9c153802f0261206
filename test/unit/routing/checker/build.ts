/**
 * Test helper: turns route step lists into a fully timed VroomSolution (earliest schedule), so that
 * tests can start from a feasible solution and break one thing at a time. Test-only.
 */
import type {
  StepRef,
  VroomMatrix,
  VroomProblem,
  VroomRoute,
  VroomSolution,
  VroomStep,
  VroomUnassigned,
} from '../../../../shared/routing/vroom-format';

export interface RoutePlan {
  vehicle: number;
  steps: StepRef[];
  /** Departure from the start (default: shift start or 0). */
  startAt?: number;
}

/** Points on a line, x = 10 * i: durations = distances = 10 * |i - j|. */
export function lineMatrix(n: number): VroomMatrix {
  const m: number[][] = [];
  for (let i = 0; i < n; i++) m.push(Array.from({ length: n }, (_, j) => 10 * Math.abs(i - j)));
  return { durations: m, distances: m.map((r) => r.slice()) };
}

export function build(problem: VroomProblem, plans: RoutePlan[]): VroomSolution {
  const matrix = problem.matrices.car!;
  const served = new Set<string>();
  const routes: VroomRoute[] = [];
  for (const plan of plans) {
    const veh = problem.vehicles.find((x) => x.id === plan.vehicle)!;
    const dims = veh.capacity?.length ?? 1;
    const load = new Array<number>(dims).fill(0);
    const add = (a: number[] | undefined, sign: number) => {
      for (const [d, x] of (a ?? []).entries()) load[d] = (load[d] ?? 0) + sign * x;
    };
    for (const d of veh.done_steps ?? []) served.add(`${d.type}:${d.id}`);
    for (const s of problem.shipments ?? []) {
      const pDone = (veh.done_steps ?? []).some((d) => d.type === 'pickup' && d.id === s.pickup.id);
      const dDone = (veh.done_steps ?? []).some((d) => d.type === 'delivery' && d.id === s.delivery.id);
      if (pDone && !dDone) add(s.amount, 1);
    }
    for (const r of plan.steps) {
      if (r.type === 'job') add(problem.jobs!.find((j) => j.id === r.id)!.delivery, 1);
    }
    const steps: VroomStep[] = [];
    for (const d of veh.done_steps ?? []) {
      steps.push({
        type: d.type,
        id: d.id,
        arrival: 0,
        duration: 0,
        distance: 0,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: [],
        done: true,
      });
    }
    let time = plan.startAt ?? veh.time_window?.[0] ?? 0;
    let loc = veh.start_index;
    let dur = 0;
    let dist = 0;
    let setupSum = 0;
    let serviceSum = 0;
    let waitSum = 0;
    if (loc !== undefined) {
      steps.push({
        type: 'start',
        location_index: loc,
        arrival: time,
        duration: 0,
        distance: 0,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: load.slice(),
      });
    }
    for (const r of plan.steps) {
      let locIdx: number | undefined;
      let setup = 0;
      let service = 0;
      let tws: Array<[number, number]> | undefined;
      if (r.type === 'break') {
        const b = veh.breaks!.find((x) => x.id === r.id)!;
        locIdx = loc;
        service = b.service ?? 0;
        tws = b.time_windows;
      } else if (r.type === 'job') {
        const j = problem.jobs!.find((x) => x.id === r.id)!;
        locIdx = j.location_index;
        setup = j.setup ?? 0;
        service = j.service ?? 0;
        tws = j.time_windows;
        add(j.delivery, -1);
        add(j.pickup, 1);
      } else {
        const s = problem.shipments!.find(
          (x) => (r.type === 'pickup' ? x.pickup.id : x.delivery.id) === r.id,
        )!;
        const st = r.type === 'pickup' ? s.pickup : s.delivery;
        locIdx = st.location_index;
        setup = st.setup ?? 0;
        service = st.service ?? 0;
        tws = st.time_windows;
        add(s.amount, r.type === 'pickup' ? 1 : -1);
      }
      const travel = loc === undefined || locIdx === undefined ? 0 : matrix.durations[loc]![locIdx]!;
      const d = loc === undefined || locIdx === undefined ? 0 : matrix.distances![loc]![locIdx]!;
      if (loc !== undefined && locIdx === loc) setup = 0;
      time += travel;
      dur += travel;
      dist += d;
      const arrival = time;
      let start = arrival;
      if (tws && tws.length > 0) {
        const w = tws.find(([, b]) => b >= arrival) ?? tws[tws.length - 1]!;
        start = Math.max(arrival, w[0]);
      }
      const waiting = start - arrival;
      steps.push({
        type: r.type,
        id: r.id,
        location_index: locIdx,
        arrival,
        duration: dur,
        distance: dist,
        setup,
        service,
        waiting_time: waiting,
        load: load.slice(),
      });
      if (r.type !== 'break') served.add(`${r.type}:${r.id}`);
      time = start + setup + service;
      setupSum += setup;
      serviceSum += service;
      waitSum += waiting;
      loc = locIdx;
    }
    if (veh.end_index !== undefined) {
      const travel = loc === undefined ? 0 : matrix.durations[loc]![veh.end_index]!;
      const d = loc === undefined ? 0 : matrix.distances![loc]![veh.end_index]!;
      time += travel;
      dur += travel;
      dist += d;
      steps.push({
        type: 'end',
        location_index: veh.end_index,
        arrival: time,
        duration: dur,
        distance: dist,
        setup: 0,
        service: 0,
        waiting_time: 0,
        load: load.slice(),
      });
    }
    const c = veh.costs ?? {};
    const cost = (c.fixed ?? 0) + ((c.per_hour ?? 3600) / 3600) * dur + ((c.per_km ?? 0) / 1000) * dist;
    routes.push({
      vehicle: veh.id,
      cost,
      setup: setupSum,
      service: serviceSum,
      duration: dur,
      waiting_time: waitSum,
      priority: 0,
      distance: dist,
      steps,
    });
  }
  const unassigned: VroomUnassigned[] = [];
  for (const j of problem.jobs ?? [])
    if (!served.has(`job:${j.id}`)) unassigned.push({ type: 'job', id: j.id });
  for (const s of problem.shipments ?? []) {
    if (!served.has(`pickup:${s.pickup.id}`)) unassigned.push({ type: 'pickup', id: s.pickup.id });
    if (!served.has(`delivery:${s.delivery.id}`)) unassigned.push({ type: 'delivery', id: s.delivery.id });
  }
  const sum = (f: (r: VroomRoute) => number) => routes.reduce((a, r) => a + f(r), 0);
  return {
    code: 0,
    summary: {
      cost: sum((r) => r.cost),
      routes: routes.length,
      unassigned: unassigned.length,
      setup: sum((r) => r.setup),
      service: sum((r) => r.service),
      duration: sum((r) => r.duration),
      waiting_time: sum((r) => r.waiting_time),
      priority: 0,
      distance: sum((r) => r.distance),
      computing_times: { loading: 0, solving: 0, routing: 0 },
    },
    unassigned,
    routes,
  };
}
