/**
 * Planning a day through the API as the console does: `POST …/plans/{date}` answers 202 with a
 * job; the job is polled until it ends (each poll passed to `onJob`), then the plan is read.
 */
export interface PlanJobAnswer {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  seconds: number;
  progress?: { elapsedMs: number; bestCost: number; unassigned: number };
  planVersion?: number;
  error?: { code: string; reason?: string };
}

export interface Http {
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: string, path: string, body: unknown) => Promise<T>;
}

export async function planThroughJob<P>(
  http: Http,
  hromadaPath: string,
  date: string,
  body: Record<string, unknown>,
  options: { pollMs?: number; onJob?: (job: PlanJobAnswer) => void } = {},
): Promise<{ job: PlanJobAnswer; plan: P }> {
  let job = await http.send<PlanJobAnswer>('POST', `${hromadaPath}/plans/${date}`, body);
  while (job.state === 'queued' || job.state === 'running') {
    options.onJob?.(job);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
    job = await http.get<PlanJobAnswer>(`${hromadaPath}/plan-jobs/${job.id}`);
  }
  options.onJob?.(job);
  if (job.state === 'failed') throw new Error(`plan job ${job.id} failed: ${JSON.stringify(job.error)}`);
  return { job, plan: await http.get<P>(`${hromadaPath}/plans/${date}`) };
}

/** `Http` over fetch against a base URL (a running `npm start`). */
export function fetchHttp(baseUrl: string): Http {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return { get: (path) => call('GET', path), send: (method, path, body) => call(method, path, body) };
}
