// Planning a provider's tour (POST /providers/{p}/tours). The API may answer in either of two
// ways and the console takes both: 201 with the tour, planned within the call; or 202 with a
// background job, polled (at its Location header, else the URL the job gives, else the job's
// conventional path) about once a second until its state is final; then the tour the job names.
// A failed job throws its reason in Ukrainian. The job being followed is kept (in sessionStorage,
// per provider) until its state is final: when the connection is lost or the console stops
// waiting, «Перевірити планування» follows the same job again instead of planning a second tour.
import { ApiError, api, create } from './api.js';
import { jobFailure, jobRunning, tourIdOfJob } from './tour-words.js';

export const POLL_MS = 1000;
/** The planning budget assumed when the job does not say (the API's largest, seconds). */
const MAX_BUDGET_S = 600;
/** Beyond the budget: the API's lease on a job (300 s) and its time in the queue. */
const MARGIN_S = 600;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const providerPath = (providerId) => `/providers/${encodeURIComponent(providerId)}`;

/** An absolute or relative URL as the API path the console calls (its origin is the API's). */
export function apiPathOf(url) {
  const u = new URL(url, 'http://api.local');
  return `${u.pathname}${u.search}`;
}

/** Where to poll a job: the Location header, else a URL in the job, else its conventional path. */
export function jobPathOf(providerId, job, location) {
  const given = location ?? job?.url ?? job?.href ?? job?.links?.self ?? job?.location;
  if (given) return apiPathOf(given);
  return `${providerPath(providerId)}/tour-jobs/${encodeURIComponent(job.id)}`;
}

/** How many polls a job gets before the console stops waiting: its budget plus the margin. */
export function maxPolls(job) {
  const seconds = typeof job?.seconds === 'number' && job.seconds > 0 ? job.seconds : MAX_BUDGET_S;
  return Math.ceil(((seconds + MARGIN_S) * 1000) / POLL_MS);
}

/** The 202's job not yet seen to its end, per provider (a reload of the page keeps it). */
const pendingKeyOf = (providerId) => `hromada.tourJob.${providerId}`;

/** The job the console still follows for the provider: `{ path, seconds }`, or undefined. */
export function pendingJob(providerId) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(pendingKeyOf(providerId)) ?? 'null');
    return typeof saved?.path === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

function keepPending(providerId, pending) {
  try {
    sessionStorage.setItem(pendingKeyOf(providerId), JSON.stringify(pending));
  } catch {
    // no storage (private mode): the view's state still keeps it until a reload
  }
}

export function clearPendingJob(providerId) {
  try {
    sessionStorage.removeItem(pendingKeyOf(providerId));
  } catch {
    // nothing kept
  }
}

/** Why the console stopped following a job that may still be planning: the job is kept. */
export class JobUnresolved extends Error {
  constructor(message, pending) {
    super(message);
    this.pending = pending;
  }
}

/** A 202's body, or a 200/201 that is a job rather than a tour (no days). */
const isJob = (answer) => answer.status === 202 || (answer.data?.state !== undefined && !answer.data?.days);

/**
 * Follows a kept job to its end: polls it (`onProgress(job)` sees each poll) until its state is
 * final, then forgets it and resolves to the tour's id (a failed job throws its reason). A lost
 * connection or a job running longer than its budget and margin throws `JobUnresolved` and keeps
 * the job; a job the API no longer knows (404) is forgotten.
 * @param {string} providerId
 * @param {{ path: string, seconds?: number }} pending
 * @param {(job: any) => void} [onProgress]
 * @param {any} [first] the job as the 202 gave it (else it is read first)
 * @returns {Promise<string>}
 */
export async function followJob(providerId, pending, onProgress = () => {}, first = undefined) {
  let job = first;
  try {
    job ??= await api('GET', pending.path);
    const limit = maxPolls(job?.seconds ? job : pending);
    for (let polls = 0; jobRunning(job); polls++) {
      if (polls >= limit)
        throw new JobUnresolved(
          'Планування туру триває задовго. Перевірте його пізніше кнопкою «Перевірити планування».',
          pending,
        );
      onProgress(job);
      await sleep(POLL_MS);
      job = await api('GET', pending.path);
    }
  } catch (e) {
    if (e instanceof JobUnresolved) throw e;
    if (e instanceof ApiError && e.status === 404) {
      clearPendingJob(providerId);
      throw new Error(
        'Планування туру не знайдено: перевірте список турів і сплануйте тур знову, якщо його немає',
      );
    }
    const why = e instanceof ApiError ? e.message : "Зв'язок з сервером втрачено";
    throw new JobUnresolved(
      `${why}. Тур, можливо, ще планується: перевірте його кнопкою «Перевірити планування».`,
      pending,
    );
  }
  clearPendingJob(providerId);
  const tourId = tourIdOfJob(job);
  if (!tourId) throw new ApiError(422, { error: { code: 'unprocessable', reason: jobFailure(job) } });
  return tourId;
}

/**
 * Plans the tour; `onProgress(job)` sees each poll of a background job. Resolves to the planned
 * tour's id. A 202's job is kept until its end (see `followJob`).
 * @param {string} providerId
 * @param {object} body
 * @param {(job: any) => void} [onProgress]
 * @returns {Promise<string>}
 */
export async function planTour(providerId, body, onProgress = () => {}) {
  const answer = await create(`${providerPath(providerId)}/tours`, body, { full: true });
  if (!isJob(answer)) return answer.data.id;
  const job = answer.data ?? {};
  const pending = { path: jobPathOf(providerId, job, answer.location) };
  if (typeof job.seconds === 'number') pending.seconds = job.seconds;
  keepPending(providerId, pending);
  return followJob(providerId, pending, onProgress, job);
}
