// The day's plan changed by the dispatcher: plan, publish, insert a late request, and the board's
// edits (contract 1: assign/move, unassign, lock, vehicle out of service), each with the plan
// version seen; every one answers with the plan. Planning the whole day is a background job: it is
// polled about once a second (its progress shown) until it ends, then the plan is read.
import { ApiError, api, hromadaPath } from './api.js';

const planPath = (hromada, date) => `${hromadaPath(hromada)}/plans/${date}`;

const POLL_MS = 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Plans the day within the hromada's time budget; `onProgress(job)` sees each poll. */
export async function planDay(hromada, date, plan, onProgress = () => {}) {
  let job = await api('POST', planPath(hromada, date), plan ? { version: plan.version } : {});
  while (job.state === 'queued' || job.state === 'running') {
    onProgress(job);
    await sleep(POLL_MS);
    job = await api('GET', `${hromadaPath(hromada)}/plan-jobs/${encodeURIComponent(job.id)}`);
  }
  if (job.state === 'failed') throw new ApiError(422, { error: job.error });
  return api('GET', planPath(hromada, date));
}
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
/** What the driver found at the door (no answer, unwell, needs help): a follow-up for the social worker. */
export const recordWelfare = (hromada, request, outcome, note) =>
  api('POST', `${hromadaPath(hromada)}/requests/${request.id}/welfare`, {
    version: request.version,
    outcome,
    ...(note ? { note } : {}),
  });
export const recordOutcome = (hromada, request, outcome) =>
  api('POST', `${hromadaPath(hromada)}/requests/${request.id}/outcome`, {
    version: request.version,
    outcome,
  });
