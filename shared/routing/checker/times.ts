/**
 * Times: travel from the previous located step (arrival ≥ departure + travel; cumulative duration and
 * distance as reported), setup only when the location changes, service, waiting, service start in a
 * window (a break's too) and in the shift, departure ≥ service end. A break happens at the previous
 * location unless it names another location_index.
 */
import type { TaskType, VroomBreak, VroomStep } from '../vroom-format';
import { takeBreak } from './breaks';
import { checkLoadReport } from './capacity';
import { ABS_TOL, close, fmt, key, le } from './numbers';
import type { TaskInfo } from './problem-index';
import type { RouteState } from './route-state';

export function checkStartStep(w: RouteState, label: string, s: VroomStep): void {
  const { veh, report } = w;
  const shift = veh.time_window;
  if (
    veh.start_index !== undefined &&
    s.location_index !== undefined &&
    s.location_index !== veh.start_index
  ) {
    report('start', `${label}: location ${s.location_index} != vehicle start_index ${veh.start_index}`);
  }
  w.lastLoc = veh.start_index;
  w.time = s.departure ?? s.arrival;
  w.routeStart = w.time;
  if (shift && !le(shift[0], s.arrival))
    report('shift', `${label}: leaves at ${fmt(s.arrival)} before shift start ${shift[0]}`);
  if (shift && !le(w.time, shift[1]))
    report('shift', `${label}: leaves at ${fmt(w.time)} after shift end ${shift[1]}`);
  if (!close(s.duration ?? 0, 0)) report('duration', `${label}: cumulative duration ${s.duration} != 0`);
  if (!close(s.distance ?? 0, 0)) report('distance', `${label}: cumulative distance ${s.distance} != 0`);
  checkLoadReport(w, label, s);
}

/** Where a step happens and which task it serves; undefined (reported) when it cannot be placed. */
export function locateStep(
  w: RouteState,
  label: string,
  s: VroomStep,
): { loc: number | undefined; task: TaskInfo | undefined } | undefined {
  const { report } = w;
  let loc: number | undefined;
  let task: TaskInfo | undefined;
  if (s.type === 'end') {
    loc = w.veh.end_index;
    if (loc !== undefined && s.location_index !== undefined && s.location_index !== loc) {
      report('end', `${label}: location ${s.location_index} != vehicle end_index ${loc}`);
    }
  } else if (s.type === 'break') {
    loc = s.location_index ?? w.lastLoc;
  } else {
    if (s.id === undefined) {
      report('unknown_task', `${label}: task step without id`);
      return undefined;
    }
    task = w.index.tasks.get(key(s.type as TaskType, s.id)); // not a start: handled before
    if (!task) {
      report('unknown_task', `${label}: no such ${s.type} in the problem`);
      return undefined;
    }
    loc = task.locationIndex;
    if (s.location_index !== undefined && s.location_index !== loc) {
      report('location', `${label}: location_index ${s.location_index} != task's ${loc}`);
    }
  }
  if (loc !== undefined && (loc < 0 || loc >= w.size)) {
    report('matrix', `${label}: location_index ${loc} outside the ${w.size}x${w.size} matrix`);
    return undefined;
  }
  return { loc, task };
}

function travelOf(
  w: RouteState,
  m: number[][] | undefined,
  a: number | undefined,
  b: number | undefined,
): number {
  if (!m || a === undefined || b === undefined) return 0;
  const x = m[a]?.[b];
  if (x === undefined) {
    w.report('matrix', `${w.where}: no matrix entry [${a}][${b}]`);
    return 0;
  }
  return x;
}

/** Travel to the step's location: arrival and the cumulative duration and distance. */
export function arriveAt(w: RouteState, label: string, s: VroomStep, loc: number | undefined): void {
  const { matrix, report } = w;
  const shift = w.veh.time_window;
  const travel = travelOf(w, matrix.durations, w.lastLoc, loc);
  const dist = travelOf(w, matrix.distances, w.lastLoc, loc);
  w.cumDuration += travel;
  w.cumDistance += dist;
  w.cumCost += matrix.costs ? travelOf(w, matrix.costs, w.lastLoc, loc) : 0;
  if (w.time === undefined) {
    w.time = s.arrival;
    w.routeStart ??= s.arrival;
    if (shift && !le(shift[0], s.arrival))
      report('shift', `${label}: arrival ${fmt(s.arrival)} before shift start ${shift[0]}`);
  } else if (!le(w.time + travel, s.arrival)) {
    report(
      'travel',
      `${label}: arrival ${fmt(s.arrival)} < previous departure ${fmt(w.time)} + travel ${fmt(travel)}`,
    );
  }
  if (!close(s.duration ?? 0, w.cumDuration)) {
    report('duration', `${label}: cumulative duration ${fmt(s.duration)} != ${fmt(w.cumDuration)}`);
  }
  if (matrix.distances && s.distance !== undefined && !close(s.distance, w.cumDistance)) {
    report('distance', `${label}: cumulative distance ${fmt(s.distance)} != ${fmt(w.cumDistance)}`);
  }
}

export function checkEndStep(w: RouteState, label: string, s: VroomStep, loc: number | undefined): void {
  const shift = w.veh.time_window;
  w.routeEnd = s.arrival;
  if (shift && !le(s.arrival, shift[1]))
    w.declared('shift', `${label}: arrives ${fmt(s.arrival)} after shift end ${shift[1]}`, s, 'delay');
  checkLoadReport(w, label, s);
  w.lastLoc = loc;
  w.time = s.arrival;
}

/**
 * Setup, service, waiting, the window and the shift of a task or break step. Returns its service
 * start and departure, and the break it takes (if it is a known break).
 */
export function serveStep(
  w: RouteState,
  label: string,
  s: VroomStep,
  loc: number | undefined,
  task: TaskInfo | undefined,
): { serviceStart: number; departure: number; brk: VroomBreak | undefined } {
  const { report } = w;
  const shift = w.veh.time_window;
  const waiting = s.waiting_time ?? 0;
  if (waiting < -ABS_TOL) report('waiting', `${label}: negative waiting_time ${waiting}`);
  const locationChanged = w.lastLoc === undefined || loc !== w.lastLoc;
  let expectedSetup = 0;
  let expectedService = 0;
  let windows: Array<[number, number]> | undefined;
  let brk: VroomBreak | undefined;
  if (task) {
    expectedSetup = locationChanged ? task.setup : 0;
    expectedService = task.service;
    windows = task.timeWindows;
  } else {
    brk = takeBreak(w, label, s);
    if (brk) {
      expectedService = brk.service ?? 0;
      windows = brk.time_windows;
    }
  }
  if (!close(s.setup ?? 0, expectedSetup))
    report('setup', `${label}: setup ${s.setup} != expected ${expectedSetup}`);
  if (!close(s.service ?? 0, expectedService)) {
    report('service', `${label}: service ${s.service} != expected ${expectedService}`);
  }
  const serviceStart = s.arrival + waiting;
  if (
    windows &&
    windows.length > 0 &&
    !windows.some(([a, b]) => le(a, serviceStart) && le(serviceStart, b))
  ) {
    w.declared(
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
      report('shift', `${label}: service start ${fmt(serviceStart)} before shift start ${shift[0]}`);
    if (!le(minDeparture, shift[1]))
      w.declared(
        'shift',
        `${label}: service ends ${fmt(minDeparture)} after shift end ${shift[1]}`,
        s,
        'delay',
      );
  }
  let departure = minDeparture;
  if (s.departure !== undefined) {
    if (!le(minDeparture, s.departure)) {
      report(
        'travel',
        `${label}: departure ${fmt(s.departure)} < arrival + waiting + setup + service ${fmt(minDeparture)}`,
      );
    }
    departure = Math.max(s.departure, minDeparture);
  }
  w.setupSum += s.setup ?? 0;
  w.serviceSum += s.service ?? 0;
  w.waitingSum += waiting;
  return { serviceStart, departure, brk };
}
