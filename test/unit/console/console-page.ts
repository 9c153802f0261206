/// <reference lib="dom" />
/**
 * The dispatcher console's page in happy-dom: its fetch answered by the API function's routes on
 * the given ports (as an admin, like the local platform), and what a dispatcher does on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { expect } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import type { Ports } from '../../../shared/ports/ports';

export const KHMILNYK = 'UA05120170010036364';

/** What the page sent: every call, the Idempotency-Keys, the calls no route answered. */
export const net = {
  calls: [] as string[],
  /** The Idempotency-Key of each call that sent one, in order. */
  keys: [] as { call: string; key: string }[],
  /** Calls the router had no route for (404 "No route", or 405). */
  unrouted: [] as string[],
  /** When set, the next call reaches the API but its answer is lost (a network error). */
  loseNextAnswer: false,
};

export async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 4000;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; the status line says "${text('status')}"`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const text = (id: string) => document.getElementById(id)!.textContent ?? '';

export async function waitFor<T>(find: () => T | undefined): Promise<T> {
  let found: T | undefined;
  await until(() => {
    found = find();
    return found !== undefined;
  }, 'an element');
  return found as T;
}

export const bookForm = () => document.getElementById('book') as HTMLFormElement;
export const field = <T = HTMLInputElement>(form: HTMLFormElement, name: string) =>
  form.elements.namedItem(name) as T;
export const button = (within: string, label: string) =>
  [...document.querySelectorAll(`${within} button`)].find((b) => b.textContent === label) as
    | HTMLButtonElement
    | undefined;

/** The status column of the day's requests. */
export const statuses = () =>
  [...document.querySelectorAll('#requests tr')].map((r) => r.children[3]?.textContent);

/** Looks a phone number up, as the dispatcher does when it rings. */
export async function lookUp(phone: string): Promise<void> {
  const caller = document.getElementById('caller') as HTMLFormElement;
  field(caller, 'phone').value = phone;
  document.getElementById('callers')!.replaceChildren();
  caller.requestSubmit();
  await until(() => text('callers') !== '', 'the callers');
}

/** Looks the caller up and opens the booking form for them. */
export async function startBookingFor(phone: string): Promise<HTMLFormElement> {
  const caller = document.getElementById('caller') as HTMLFormElement;
  field(caller, 'phone').value = phone;
  document.getElementById('callers')!.replaceChildren();
  caller.requestSubmit();
  const start = await waitFor(() => button('#callers', 'Нова заявка'));
  start.click();
  expect(bookForm().hidden).toBe(false);
  return bookForm();
}

/** Looks the caller up and fills the booking form: a social-taxi ride to Хмільник. */
export async function bookFromForm(time: string, address: string, phone = '067 123 45 67'): Promise<void> {
  const form = await startBookingFor(phone);
  field(form, 'time').value = time;
  field<HTMLSelectElement>(form, 'settlement').value = KHMILNYK;
  field(form, 'address').value = address;
  form.requestSubmit();
}

/** The accessible name of a form control, as far as labels go (not a full accname). */
export function accessibleName(control: Element): string {
  const byIds = control.getAttribute('aria-labelledby');
  if (byIds)
    return byIds
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  const aria = control.getAttribute('aria-label')?.trim();
  if (aria) return aria;
  if (control.id) {
    const forLabel = document.querySelector(`label[for="${control.id}"]`);
    if (forLabel?.textContent?.trim()) return forLabel.textContent.trim();
  }
  const wrapping = control.closest('label');
  if (wrapping) {
    // the label's own words: not the options or values of the controls inside it
    const words = wrapping.cloneNode(true) as HTMLElement;
    for (const inner of words.querySelectorAll('select, input, textarea')) inner.remove();
    if (words.textContent?.trim()) return words.textContent.trim();
  }
  if (control.tagName === 'BUTTON') return control.textContent?.trim() ?? '';
  return '';
}

/** Loads console/ (its HTML, CSS and script) on the day of the hromada, against these ports. */
export async function openConsole(ports: Ports, hromada: string, date: string): Promise<void> {
  const { calls, keys, unrouted } = net;
  // the browser's fetch, answered by the API function's routes (as an admin, like the local platform)
  const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 64 * 1024 }));
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    const sent = new Headers(init?.headers);
    const key = sent.get('idempotency-key');
    if (key) keys.push({ call: `${method} ${url.pathname}`, key });
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers: {
        'content-type': 'application/json',
        host: 'localhost',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
      requestContext: {
        http: { method, path: url.pathname },
        requestId: `console-${calls.length}`,
        authorizer: { jwt: { claims: { sub: 'dispatcher', 'cognito:groups': '[admins]' }, scopes: [] } },
      },
      ...(init?.body ? { body: String(init.body) } : {}),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    const res = (await handler(event, lambdaContext('api'))) as APIGatewayProxyStructuredResultV2;
    if (res.statusCode === 405 || (res.statusCode === 404 && String(res.body).includes('No route')))
      unrouted.push(`${method} ${url.pathname}`);
    if (net.loseNextAnswer) {
      net.loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return new Response(res.body ?? null, { status: res.statusCode ?? 200 });
  }) as typeof fetch;

  const html = readFileSync(join(process.cwd(), 'console/index.html'), 'utf8');
  const css = readFileSync(join(process.cwd(), 'console/console.css'), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>/i, '')
    .replace(/<script[\s\S]*?<\/script>/, '')
    .replace(/<link[^>]*>/, `<style>${css}</style>`);
  window.history.replaceState({}, '', `/console/?h=${hromada}&date=${date}`);
  // @ts-expect-error: plain JavaScript for the browser, no types
  await import('../../../console/console.js');
  await until(() => text('requests').includes('Соцтаксі'), 'the day to load');
}
