/**
 * The demo-day script's view of the local platform: JSON over HTTP, every page of a list, and the
 * day's planning call (a plan at once, or a background job to poll) in one place.
 */

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body: Json;
  location: string | null;
}

export class Api {
  constructor(readonly base: string) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    const json = parsed !== null && typeof parsed === 'object' ? (parsed as Json) : { value: parsed };
    return { status: res.status, body: json, location: res.headers.get('location') };
  }

  async get(path: string): Promise<Json> {
    return ok('GET', path, await this.call('GET', path));
  }

  /** A POST that must succeed (2xx). */
  async post(path: string, body: unknown, headers?: Record<string, string>): Promise<Json> {
    return ok('POST', path, await this.call('POST', path, body, headers));
  }

  /** Every item of a paged list (`{items, next}`), following the cursor. */
  async all(path: string): Promise<Json[]> {
    const items: Json[] = [];
    let cursor: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await this.get(
        `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...((page.items as Json[] | undefined) ?? []));
      cursor = typeof page.next === 'string' ? page.next : undefined;
    } while (cursor);
    return items;
  }
}

function ok(method: string, path: string, answer: Answer): Json {
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A job's states that mean "not yet" (feat-planjob's background planning). */
const RUNNING = new Set(['queued', 'pending', 'running', 'in-progress', 'started']);

/**
 * Plan the day: `POST /hromady/{h}/plans/{date}`. Answered either with the plan (200/201) or, as a
 * background job, 202 with a `Location` to poll until the job is done; the plan is then read back.
 * The one place to change when the planning call changes.
 */
export async function planTheDay(
  api: Api,
  hromadaId: string,
  date: string,
  body: { seconds: number; version?: number },
  pollMs = 250,
): Promise<Json> {
  const path = `/hromady/${hromadaId}/plans/${date}`;
  const answer = await api.call('POST', path, body);
  if (answer.status === 200 || answer.status === 201) return answer.body;
  if (answer.status !== 202) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  const location = answer.location ?? (answer.body.location as string | undefined);
  if (!location) throw new Error(`POST ${path}: 202 without a Location to poll`);
  for (;;) {
    const job = await api.call('GET', location);
    // the job API (functions/api/routes/plan-jobs.ts) says `state`: queued, running, done, failed
    const status = String(job.body.state ?? job.body.status ?? '');
    if (job.status === 202 || (job.status === 200 && RUNNING.has(status))) {
      await sleep(pollMs);
      continue;
    }
    if (job.status >= 300 || status === 'failed' || job.body.error)
      throw new Error(`planning job ${location}: ${job.status} ${JSON.stringify(job.body)}`);
    // a finished job may carry the plan; else the day's plan is the one it saved
    const plan =
      (job.body.plan as Json | undefined) ?? (Array.isArray(job.body.routes) ? job.body : undefined);
    return plan ?? (await api.get(path));
  }
}
