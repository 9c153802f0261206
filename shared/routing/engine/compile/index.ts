/**
 * Compiles a VroomProblem into the Model (../model.ts), section by section: matrices, done steps,
 * requests (jobs, shipments) with their nodes, vehicles (with break nodes and locked steps), which
 * vehicles may serve which request; then the day-of-service relaxations. Invalid input throws a
 * RoutingInputError (checks run in this order, so the first error reported is stable).
 */
import type { VroomProblem } from '../../vroom-format';
import { relaxDayOfService } from '../day-of-service-relaxations';
import type { Model } from '../model';
import { type DoneIndex, indexDoneSteps } from './done-steps';
import { type CompiledMatrices, compileMatrices } from './matrices';
import { NodeTable } from './nodes';
import { addJobs, addShipments, compatibility, RequestTable } from './requests';
import { fail, MAX_NODES, MAX_VEHICLES } from './validate';
import { compileLockedSteps, compileVehicles, type VehicleTable } from './vehicles';

/** Number of capacity dimensions: the longest amount anywhere. */
function dimensions(problem: VroomProblem): number {
  let D = 0;
  for (const v of problem.vehicles) D = Math.max(D, v.capacity?.length ?? 0);
  for (const j of problem.jobs ?? []) D = Math.max(D, j.delivery?.length ?? 0, j.pickup?.length ?? 0);
  for (const s of problem.shipments ?? []) D = Math.max(D, s.amount?.length ?? 0);
  for (const v of problem.vehicles) for (const b of v.breaks ?? []) D = Math.max(D, b.max_load?.length ?? 0);
  return D;
}

function checkShape(problem: VroomProblem): void {
  if (!problem || typeof problem !== 'object') fail('problem must be an object');
  const vehicles = problem.vehicles;
  if (!Array.isArray(vehicles)) fail('vehicles must be an array');
  const jobs = problem.jobs ?? [];
  const shipments = problem.shipments ?? [];
  if (!Array.isArray(jobs)) fail('jobs must be an array');
  if (!Array.isArray(shipments)) fail('shipments must be an array');
  if (vehicles.length > MAX_VEHICLES)
    fail(`problem too large: ${vehicles.length} vehicles (max ${MAX_VEHICLES})`);
  if (jobs.length + 2 * shipments.length > MAX_NODES)
    fail(`problem too large: ${jobs.length + 2 * shipments.length} tasks (max ${MAX_NODES})`);
  const matrices = problem.matrices;
  if (!matrices || typeof matrices !== 'object') fail('matrices missing');
}

export function compile(problem: VroomProblem): Model {
  checkShape(problem);
  const vehicles = problem.vehicles;
  const jobs = problem.jobs ?? [];
  const shipments = problem.shipments ?? [];
  const mx = compileMatrices(problem);
  const D = dimensions(problem);
  const done = indexDoneSteps(vehicles);
  const nodes = new NodeTable(D, mx.dummy, mx.checkLoc);
  const rq = new RequestTable();
  addJobs(jobs, nodes, rq, done);
  addShipments(shipments, vehicles, nodes, rq, done);
  const vt = compileVehicles({ vehicles, jobs, shipments, mx, nodes, rq, done });
  const { twOff, tw } = nodes.flatWindows();
  compileLockedSteps(vehicles, nodes, rq, vt);
  const rCompat = compatibility(vehicles, nodes, rq, vt.vLocked, vt.vSkills);
  // initial load: nothing here (on-board amounts count via the delivery node's startLoad)
  const objective = problem.options?.objective ?? 'cost';
  if (objective !== 'cost' && objective !== 'vehicles-then-cost')
    fail(`unknown objective "${String(objective)}"`);

  const model = assembleModel({ problem, mx, D, nodes, rq, vt, rCompat, twOff, tw, objective, done });
  relaxDayOfService(model);
  return model;
}

interface ModelParts {
  problem: VroomProblem;
  mx: CompiledMatrices;
  D: number;
  nodes: NodeTable;
  rq: RequestTable;
  vt: VehicleTable;
  rCompat: Uint8Array;
  twOff: Int32Array;
  tw: Float64Array;
  objective: Model['objective'];
  done: DoneIndex;
}

/** The sections' tables as the Model's flat typed arrays. */
function assembleModel(parts: ModelParts): Model {
  const { problem, mx, D, nodes, rq, vt, rCompat, twOff, tw, objective, done } = parts;
  const vehicles = problem.vehicles;
  return {
    problem,
    nLoc: mx.nLoc,
    L: mx.L,
    dummy: mx.dummy,
    D,
    profiles: mx.profiles,
    dur: mx.dur,
    dist: mx.dist,
    hasDist: mx.hasDist,
    costMat: vt.costMat,
    N: nodes.size,
    kind: Uint8Array.from(nodes.kind),
    extId: nodes.extId,
    loc: Int32Array.from(nodes.loc),
    setup: Float64Array.from(nodes.setup),
    service: Float64Array.from(nodes.service),
    twOff,
    tw,
    startLoad: nodes.flat(nodes.startLoad),
    dLoad: nodes.flat(nodes.dLoad),
    breakMaxLoad: nodes.flat(nodes.breakMaxLoad),
    req: Int32Array.from(nodes.req),
    partner: Int32Array.from(nodes.partner),
    maxRide: Float64Array.from(nodes.maxRide),
    exclusive: Uint8Array.from(nodes.exclusive),
    onboardDep: Float64Array.from(nodes.onboardDep),
    breakVehicle: Int32Array.from(nodes.breakVehicle),
    R: rq.size,
    rNode0: Int32Array.from(rq.rNode0),
    rNode1: Int32Array.from(rq.rNode1),
    rPenalty: Float64Array.from(rq.rPenalty),
    rMandatory: Uint8Array.from(rq.rMandatory),
    rPriority: Float64Array.from(rq.rPriority),
    rSimple: Uint8Array.from(rq.rSimple),
    rCompat,
    rLock: Int32Array.from(rq.rLock),
    rSkills: rq.rSkills,
    V: vt.V,
    vExtId: vehicles.map((v) => v.id),
    vStart: vt.vStart,
    vEnd: vt.vEnd,
    vHasStart: vt.vHasStart,
    vHasEnd: vt.vHasEnd,
    vTwA: vt.vTwA,
    vTwB: vt.vTwB,
    vCap: vt.vCap,
    vInitLoad: vt.vInitLoad,
    vOnboard: vt.vOnboard,
    vProfile: vt.vProfile,
    vCostClass: vt.vCostClass,
    vFixed: vt.vFixed,
    vMaxTasks: vt.vMaxTasks,
    vMaxTT: vt.vMaxTT,
    vMaxDist: vt.vMaxDist,
    vMaxDur: vt.vMaxDur,
    vBreaks: vt.vBreaks,
    vLocked: vt.vLocked,
    vDone: vt.vDone,
    vClass: vt.vClass,
    vExactOK: vt.vExactOK,
    vSkills: vt.vSkills,
    jobNode: rq.jobNode,
    pickupNode: rq.pickupNode,
    deliveryNode: rq.deliveryNode,
    doneTasks: done.doneTasks,
    objective,
  };
}
