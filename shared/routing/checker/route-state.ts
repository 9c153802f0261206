/** What the checker knows while it walks one route, step by step (shared by the constraint families). */
import type {
  VroomBreak,
  VroomMatrix,
  VroomProblem,
  VroomShipment,
  VroomStep,
  VroomVehicle,
} from '../vroom-format';
import type { ProblemIndex } from './problem-index';
import type { Violations } from './violations';

/** Reports a violation unless the route may break it and declares it (declared-violations.ts). */
export type DeclaredReport = (
  kind: string,
  msg: string,
  step: VroomStep | undefined,
  ...causes: string[]
) => void;

export interface RouteState {
  problem: VroomProblem;
  index: ProblemIndex;
  out: Violations;
  /** out.add shortcut. */
  report: (kind: string, msg: string) => void;
  declared: DeclaredReport;
  veh: VroomVehicle;
  vid: number;
  /** `vehicle <id>`, the start of every message about this route. */
  where: string;
  matrix: VroomMatrix;
  /** Locations in the matrix. */
  size: number;
  capacity: number[] | undefined;
  load: number[];
  /** Shipments on board now, the departure of their pickup, and the exclusive one on board if any. */
  onBoard: Set<VroomShipment>;
  pickupDeparture: Map<VroomShipment, number | undefined>;
  exclusiveOpen: VroomShipment | undefined;
  breaks: Map<number, VroomBreak>;
  breaksSeen: Set<number>;
  lastLoc: number | undefined;
  /** Departure from the previous step. */
  time: number | undefined;
  cumDuration: number;
  cumDistance: number;
  cumCost: number;
  setupSum: number;
  serviceSum: number;
  waitingSum: number;
  taskCount: number;
  routeStart: number | undefined;
  routeEnd: number | undefined;
  seenInRoute: Map<string, number>;
}

export const stepName = (where: string, i: number, s: VroomStep): string =>
  `${where} step ${i} ${s.type}${s.id !== undefined ? ` ${s.id}` : ''}`;
