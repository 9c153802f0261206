// The day's plan changed by the dispatcher: plan, publish, insert a late request, and the board's
// edits (contract 1: assign/move, unassign, lock, vehicle out of service), each with the plan
// version seen; every one answers with the plan.
import { api, hromadaPath } from './api.js';

const planPath = (hromada, date) => `${hromadaPath(hromada)}/plans/${date}`;

export const planDay = (hromada, date, plan) =>
  api('POST', planPath(hromada, date), { seconds: 3, ...(plan ? { version: plan.version } : {}) });
export const publishPlan = (hromada, date, plan) =>
  api('POST', `${planPath(hromada, date)}/publish`, { version: plan.version });
export const insertIntoPlan = (hromada, date, plan, requestId) =>
  api('POST', `${planPath(hromada, date)}/requests`, { requestId, version: plan.version });
export const assign = (hromada, date, plan, requestId, vehicleId) =>
  api('POST', `${planPath(hromada, date)}/assign`, { version: plan.version, requestId, vehicleId });
export const unassign = (hromada, date, plan, requestId) =>
  api('POST', `${planPath(hromada, date)}/unassign`, { version: plan.version, requestId });
export const lock = (hromada, date, plan, requestId, locked) =>
  api('POST', `${planPath(hromada, date)}/locks`, { version: plan.version, requestId, locked });
export const setInService = (hromada, date, plan, vehicleId, inService) =>
  api('POST', `${planPath(hromada, date)}/vehicles/${encodeURIComponent(vehicleId)}/service`, {
    version: plan.version,
    inService,
  });
export const recordOutcome = (hromada, request, outcome) =>
  api('POST', `${hromadaPath(hromada)}/requests/${request.id}/outcome`, {
    version: request.version,
    outcome,
  });
