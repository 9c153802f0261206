// Planning a provider's tour (POST /providers/{p}/tours). The API may answer in either of two
// ways and the console takes both: 201 with the tour, planned within the call; or 202 with a
// background job, polled (at its Location header, else the URL the job gives, else the job's
// conventional path) about once a second until its state is final, its progress shown; then the
// tour the job names. A failed job throws its reason in Ukrainian.
import { ApiError, api, create } from './api.js';
import { jobFailure, jobRunning, tourIdOfJob } from './tour-words.js';

export const POLL_MS = 1000;
/** Stop polling after this many polls (a job lost by the API would keep the form waiting). */
const MAX_POLLS = 600;
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

/** A 202's body, or a 200/201 that is a job rather than a tour (no days). */
const isJob = (answer) => answer.status === 202 || (answer.data?.state !== undefined && !answer.data?.days);

/**
 * Plans the tour; `onProgress(job)` sees each poll of a background job. Resolves to the planned
 * tour's id.
 * @param {string} providerId
 * @param {object} body
 * @param {(job: any) => void} [onProgress]
 * @returns {Promise<string>}
 */
export async function planTour(providerId, body, onProgress = () => {}) {
  const answer = await create(`${providerPath(providerId)}/tours`, body, { full: true });
  if (!isJob(answer)) return answer.data.id;
  let job = answer.data ?? {};
  const path = jobPathOf(providerId, job, answer.location);
  for (let polls = 0; jobRunning(job); polls++) {
    if (polls >= MAX_POLLS) throw new Error('Планування туру триває задовго: перевірте список турів пізніше');
    onProgress(job);
    await sleep(POLL_MS);
    job = await api('GET', path);
  }
  const tourId = tourIdOfJob(job);
  if (!tourId) throw new ApiError(422, { error: { code: 'unprocessable', reason: jobFailure(job) } });
  return tourId;
}
