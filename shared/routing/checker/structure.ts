/** Route structure: done steps first and as declared, start first, end last, locked steps as the head. */
import type { StepRef, VroomStep, VroomVehicle } from '../vroom-format';
import { stepName } from './route-state';
import type { Violations } from './violations';

export interface PlannedStep {
  s: VroomStep;
  /** Index in route.steps. */
  i: number;
}

const sameRefs = (a: StepRef[], b: StepRef[]) =>
  a.length === b.length && a.every((r, i) => r.type === b[i]!.type && r.id === b[i]!.id);
const refList = (refs: StepRef[]) => refs.map((r) => `${r.type} ${r.id}`).join(', ');

/** Checks the route's structure; returns its planned (not done) steps. */
export function checkStructure(veh: VroomVehicle, steps: VroomStep[], out: Violations): PlannedStep[] {
  const where = `vehicle ${veh.id}`;
  checkDoneSteps(veh, steps, out);
  const planned = steps.map((s, i) => ({ s, i })).filter(({ s }) => !s.done);
  const first = planned[0];
  const last = planned[planned.length - 1];
  if (veh.start_index !== undefined) {
    if (first?.s.type !== 'start') out.add('start', `${where}: route does not begin with a start step`);
  } else if (first?.s.type === 'start' && first.s.location_index !== undefined) {
    out.add('start', `${where}: start step at ${first.s.location_index} but the vehicle has no start`);
  }
  if (veh.end_index !== undefined) {
    if (last?.s.type !== 'end') out.add('end', `${where}: route does not finish with an end step`);
  } else if (last?.s.type === 'end' && last.s.location_index !== undefined) {
    out.add('end', `${where}: end step at ${last.s.location_index} but the vehicle has an open end`);
  }
  planned.forEach(({ s, i }, k) => {
    if (s.type === 'start' && k !== 0) out.add('start', `${stepName(where, i, s)}: start step not first`);
    if (s.type === 'end' && k !== planned.length - 1)
      out.add('end', `${stepName(where, i, s)}: end step not last`);
  });
  checkLockedHead(veh, planned, out);
  return planned;
}

/** Done steps (`done: true`) repeat the vehicle's done_steps, in order, before any planned task. */
function checkDoneSteps(veh: VroomVehicle, steps: VroomStep[], out: Violations): void {
  const where = `vehicle ${veh.id}`;
  const expectedDone = veh.done_steps ?? [];
  const doneSeen: StepRef[] = [];
  let sawTask = false;
  steps.forEach((s, i) => {
    if (s.done) {
      if (sawTask) out.add('done_steps', `${stepName(where, i, s)}: done step after a planned task`);
      doneSeen.push({ type: s.type as StepRef['type'], id: s.id ?? Number.NaN });
    } else if (s.type !== 'start' && s.type !== 'end') {
      sawTask = true;
    }
  });
  if (!sameRefs(doneSeen, expectedDone)) {
    out.add(
      'done_steps',
      `${where}: done steps ${refList(doneSeen) || '(none)'} != done_steps ${refList(expectedDone) || '(none)'}`,
    );
  }
}

/** The first planned tasks are the vehicle's locked_steps. */
function checkLockedHead(veh: VroomVehicle, planned: PlannedStep[], out: Violations): void {
  const locked = veh.locked_steps ?? [];
  if (locked.length === 0) return;
  const head = planned
    .filter(({ s }) => s.type !== 'start' && s.type !== 'end')
    .slice(0, locked.length)
    .map(({ s }) => ({ type: s.type as StepRef['type'], id: s.id ?? Number.NaN }));
  if (!sameRefs(head, locked)) {
    out.add(
      'locked_steps',
      `vehicle ${veh.id}: route head ${refList(head)} != locked_steps ${refList(locked)}`,
    );
  }
}
