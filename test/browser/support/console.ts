/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { openPage, scriptErrors } from './browser';

export const HROMADA = 'khmilnytska';
export const api = (path: string) => `${inject('consoleUrl')}${path}`;

/** The API as a second dispatcher (or the test) calls it, beside the page. */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(api(path), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Plans the day through the API as the console does: the job, polled until it ends, then the plan. */
export async function planThroughJob<T>(hromada: string, date: string, body: unknown): Promise<T> {
  let job = await callApi<{ id: string; state: string }>('POST', `/hromady/${hromada}/plans/${date}`, body);
  while (job.state === 'queued' || job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await callApi('GET', `/hromady/${hromada}/plan-jobs/${job.id}`);
  }
  if (job.state !== 'done') throw new Error(`plan job ${job.id}: ${JSON.stringify(job)}`);
  return callApi<T>('GET', `/hromady/${hromada}/plans/${date}`);
}

/** The console on a view (#/board …) of the demo day, loaded; every API call it makes recorded. */
export async function openConsole(
  browser: Browser,
  view: string,
  options: {
    date?: string;
    hromada?: string;
    /** The provider a provider's user works for (`?provider=`; the console's default: `ocss`). */
    provider?: string;
    timezoneId?: string;
    now?: Date;
    /** Before the page loads: e.g. routes a stand-in answers. */
    prepare?: (page: Page) => Promise<unknown>;
  } = {},
): Promise<{ page: Page; calls: string[] }> {
  const page = await openPage(browser, options.timezoneId);
  await options.prepare?.(page);
  if (options.now) await page.clock.setFixedTime(options.now);
  const calls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/console/')) calls.push(`${r.method()} ${url.pathname}`);
  });
  const query = new URLSearchParams({
    h: options.hromada ?? HROMADA,
    ...(options.date === '' ? {} : { date: options.date ?? inject('demoDay') }),
    ...(options.provider ? { provider: options.provider } : {}),
  });
  await page.goto(`${api('/console/')}?${query}#/${view}`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'Завантаження…');
  return { page, calls };
}

/** The status line, once it says something. */
export async function statusSays(page: Page): Promise<string> {
  await expect.poll(async () => (await page.locator('#status').textContent())?.trim()).not.toBe('');
  return (await page.locator('#status').textContent())!.trim();
}

export function noScriptErrors(page: Page): void {
  expect(scriptErrors(page)).toEqual([]);
}
