/**
 * One route, walked step by step: the structure first, then each step through the constraint
 * families in a fixed order (times, breaks, skills and locks, exclusive, shipments, capacity),
 * then the route's limits and totals.
 */
import type { VroomProblem, VroomRoute, VroomShipment, VroomStep, VroomVehicle } from '../vroom-format';
import { checkBreakLoad, checkBreaksTaken } from './breaks';
import { checkCapacity, checkLoadReport } from './capacity';
import { declaredViolations } from './declared-violations';
import { checkExclusive, openExclusiveOnBoard, trackExclusiveRide } from './exclusive';
import { checkRouteLimits } from './limits';
import { addInto, key } from './numbers';
import type { ProblemIndex, TaskInfo } from './problem-index';
import { type RouteState, stepName } from './route-state';
import { boardAtStart, checkAllDelivered, serveShipmentStep } from './shipments';
import { checkSkillsAndLock } from './skills-and-locks';
import { checkStructure } from './structure';
import { arriveAt, checkEndStep, checkStartStep, locateStep, serveStep } from './times';
import { checkRouteTotals, type SolutionTotals } from './totals';
import type { Violations } from './violations';

export function checkRoute(
  problem: VroomProblem,
  index: ProblemIndex,
  veh: VroomVehicle,
  route: VroomRoute,
  out: Violations,
  totals: SolutionTotals,
): void {
  const where = `vehicle ${veh.id}`;
  const profile = veh.profile ?? 'car';
  const matrix = problem.matrices[profile];
  if (!matrix) {
    out.add('matrix', `${where}: no matrix for profile ${profile}`);
    return;
  }
  const steps = route.steps ?? [];
  const planned = checkStructure(veh, steps, out);
  const w = startState(problem, index, veh, route, out);
  for (const { s } of planned) {
    if (s.type === 'job' && s.id !== undefined)
      addInto(w.load, index.tasks.get(key('job', s.id))?.startLoad, 1);
  }
  w.declared = declaredViolations(veh, route, w.onBoard.size, out);
  checkCapacity(w, `${where} at start`);
  for (const { s, i } of planned) walkStep(w, stepName(where, i, s), s, i);
  checkAllDelivered(w);
  checkRouteLimits(w);
  checkBreaksTaken(w);
  checkRouteTotals(w, route, totals);
}

/** The state at the start of the route: passengers already on board, breaks taken earlier today. */
function startState(
  problem: VroomProblem,
  index: ProblemIndex,
  veh: VroomVehicle,
  route: VroomRoute,
  out: Violations,
): RouteState {
  const matrix = problem.matrices[veh.profile ?? 'car']!;
  const capacity = veh.capacity;
  const w: RouteState = {
    problem,
    index,
    out,
    report: (kind, msg) => out.add(kind, msg),
    declared: () => {},
    veh,
    vid: route.vehicle,
    where: `vehicle ${veh.id}`,
    matrix,
    size: matrix.durations.length,
    capacity,
    load: new Array(Math.max(capacity?.length ?? 0, 1)).fill(0),
    onBoard: new Set<VroomShipment>(),
    pickupDeparture: new Map<VroomShipment, number | undefined>(),
    exclusiveOpen: undefined,
    breaks: new Map((veh.breaks ?? []).map((b) => [b.id, b])),
    breaksSeen: new Set<number>(),
    lastLoc: undefined,
    time: undefined,
    cumDuration: 0,
    cumDistance: 0,
    cumCost: 0,
    setupSum: 0,
    serviceSum: 0,
    waitingSum: 0,
    taskCount: 0,
    routeStart: undefined,
    routeEnd: undefined,
    seenInRoute: new Map<string, number>(),
  };
  boardAtStart(problem, index, veh, w);
  openExclusiveOnBoard(w, w.onBoard);
  for (const d of veh.done_steps ?? []) if (d.type === 'break') w.breaksSeen.add(d.id); // taken earlier today
  return w;
}

function walkStep(w: RouteState, label: string, s: VroomStep, i: number): void {
  if (s.type === 'start') {
    checkStartStep(w, label, s);
    return;
  }
  const at = locateStep(w, label, s);
  if (!at) return;
  arriveAt(w, label, s, at.loc);
  if (s.type === 'end') {
    checkEndStep(w, label, s, at.loc);
    return;
  }
  const { serviceStart, departure, brk } = serveStep(w, label, s, at.loc, at.task);
  if (brk) checkBreakLoad(w, label, s, brk);
  if (at.task) serveTask(w, label, s, i, at.task, serviceStart, departure);
  w.lastLoc = at.loc;
  w.time = departure;
  w.routeEnd = departure;
}

function serveTask(
  w: RouteState,
  label: string,
  s: VroomStep,
  i: number,
  task: TaskInfo,
  serviceStart: number,
  departure: number,
): void {
  w.taskCount++;
  const k = key(task.type, task.id);
  if (w.seenInRoute.has(k) || w.index.servedBy.has(k)) {
    w.report('duplicate_task', `${label}: ${task.type} ${task.id} served more than once`);
  }
  w.seenInRoute.set(k, i);
  w.index.servedBy.set(k, w.vid);
  checkSkillsAndLock(w, label, task);
  checkExclusive(w, label, task);
  addInto(w.load, task.delta, 1);
  checkCapacity(w, label);
  checkLoadReport(w, label, s);
  serveShipmentStep(w, label, s, task, serviceStart, departure);
  trackExclusiveRide(w, task);
}
