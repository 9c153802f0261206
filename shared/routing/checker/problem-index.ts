/** The problem indexed for the checker: every task by type and id, vehicles by id, done tasks. */
import type { TaskType, VroomJob, VroomProblem, VroomShipment, VroomVehicle } from '../vroom-format';
import { addInto, key } from './numbers';
import type { Violations } from './violations';

export interface TaskInfo {
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

export interface ProblemIndex {
  tasks: Map<string, TaskInfo>;
  vehicles: Map<number, VroomVehicle>;
  /** Task key -> vehicle id, for served and done tasks (filled while routes are checked). */
  servedBy: Map<string, number>;
  /** Keys of the tasks done earlier today (`done_steps`). */
  doneKeys: Set<string>;
}

export function indexProblem(problem: VroomProblem, out: Violations): ProblemIndex {
  const tasks = new Map<string, TaskInfo>();
  const addTask = (t: TaskInfo) => {
    const k = key(t.type, t.id);
    if (tasks.has(k)) out.add('duplicate_task', `problem has two ${t.type} tasks with id ${t.id}`);
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
    if (vehicles.has(veh.id)) out.add('duplicate_route', `problem has two vehicles with id ${veh.id}`);
    vehicles.set(veh.id, veh);
  }
  const servedBy = new Map<string, number>();
  const doneKeys = new Set<string>();
  for (const veh of problem.vehicles) {
    for (const d of veh.done_steps ?? []) {
      if (d.type === 'break') continue;
      const k = key(d.type, d.id);
      if (!tasks.has(k))
        out.add('unknown_task', `vehicle ${veh.id} done_steps names unknown ${d.type} ${d.id}`);
      if (servedBy.has(k)) out.add('duplicate_task', `${d.type} ${d.id} done twice`);
      servedBy.set(k, veh.id);
      doneKeys.add(k);
    }
  }
  return { tasks, vehicles, servedBy, doneKeys };
}
