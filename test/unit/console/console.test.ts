// @vitest-environment happy-dom
/// <reference lib="dom" />
/**
 * The dispatcher console (console/) in a browser-like DOM, against the real API routes and use
 * cases on in-memory ports: what a dispatcher sees and what each button calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { createEntity } from '../../../shared/app/registry';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { registryKinds } from '../../../shared/domain/registry';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf, fieldsOf } from '../../support/inputs';

const TUESDAY = '2026-11-24';
const calls: string[] = [];
/** Calls the router had no route for (404 "No route", or 405). */
const unrouted: string[] = [];

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const text = (id: string) => document.getElementById(id)!.textContent ?? '';

async function waitFor<T>(find: () => T | undefined): Promise<T> {
  let found: T | undefined;
  await until(() => {
    found = find();
    return found !== undefined;
  }, 'an element');
  return found as T;
}

/** Looks the caller up and fills the booking form: a social-taxi ride to Березна. */
async function bookFromForm(time: string, address: string): Promise<void> {
  const caller = document.getElementById('caller') as HTMLFormElement;
  (caller.elements.namedItem('phone') as HTMLInputElement).value = '067 123 45 67';
  caller.requestSubmit();
  const start = await waitFor(() =>
    [...document.querySelectorAll('#callers button')].find((b) => b.textContent === 'Нова заявка'),
  );
  (start as HTMLButtonElement).click();
  const form = document.getElementById('book') as HTMLFormElement;
  expect(form.hidden).toBe(false);
  (form.elements.namedItem('time') as HTMLInputElement).value = time;
  (form.elements.namedItem('address') as HTMLInputElement).value = address;
  form.requestSubmit();
}

beforeAll(async () => {
  const { ports } = memoryPorts();
  const anna = await seedBasics(ports, { name: '<img src=x onerror=alert(1)> Ганна' });
  await createEntity(
    ports,
    registryKinds.depots,
    HROMADA,
    fieldsOf(registryKinds.depots, {
      id: 'depot',
      name: 'Гараж',
      address: 'м. Хмільник, вул. Столярчука, 10',
      location: { lat: 49.5598, lon: 27.9573 },
    }),
    'test',
  );
  await createEntity(
    ports,
    registryKinds.vehicles,
    HROMADA,
    fieldsOf(registryKinds.vehicles, {
      id: 'taxi',
      name: 'Соцтаксі',
      plate: 'АВ1234ВС',
      depotId: 'depot',
      services: ['social-taxi'],
      capacity: { seats: 3 },
      shifts: [{ days: [2], start: '08:00', end: '17:00' }],
    }),
    'test',
  );
  await createEntity(
    ports,
    registryKinds.drivers,
    HROMADA,
    fieldsOf(registryKinds.drivers, { name: 'Олег', phone: '067 401 12 01', vehicleIds: ['taxi'] }),
    'test',
  );
  await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, TUESDAY, '09:00')), 'd');

  // the browser's fetch, answered by the API function's routes (as an admin, like the local platform)
  const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 64 * 1024 }));
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers: { 'content-type': 'application/json', host: 'localhost' },
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
    return new Response(res.body ?? null, { status: res.statusCode ?? 200 });
  }) as typeof fetch;

  const html = readFileSync(join(process.cwd(), 'console/index.html'), 'utf8');
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>/i, '')
    .replace(/<script[\s\S]*?<\/script>/, '')
    .replace(/<link[^>]*>/, '');
  window.history.replaceState({}, '', `/console/?h=${HROMADA}&date=${TUESDAY}`);
  // @ts-expect-error: plain JavaScript for the browser, no types
  await import('../../../console/console.js');
  await until(() => text('requests').includes('Соцтаксі'), 'the day to load');
});

describe('the dispatcher console', () => {
  it("shows the day's requests in Kyiv time and Ukrainian words, and names as text only", () => {
    const row = document.querySelector('#requests tr')!;
    expect(row.textContent).toContain('08:45–09:15');
    expect(row.textContent).toContain('Соцтаксі');
    expect(row.textContent).toContain('нова');
    expect(row.textContent).toContain('<img src=x onerror=alert(1)> Ганна');
    expect(document.querySelector('#requests img')).toBeNull();
    expect(text('plan-version')).toContain('ще немає');
  });

  it('finds a caller by phone', async () => {
    const form = document.getElementById('caller') as HTMLFormElement;
    (form.elements.namedItem('phone') as HTMLInputElement).value = '067 123 45 67';
    form.requestSubmit();
    await until(() => text('callers').includes('Отримувач'), 'the caller');
    expect(text('callers')).toContain('с. Березна, вул. Шевченка, 12');
  });

  it("books the caller's ride from the form: it is in the day's list with its window", async () => {
    await bookFromForm('11:00', 'вул. Монастирська, 71');
    await until(() => text('status').includes('Заявку прийнято: 10:45–11:15'), 'the booking');
    await until(() => document.querySelectorAll('#requests tr').length === 2, 'the new row');
  });

  it('plans the day, then sends the drivers their routes', async () => {
    (document.getElementById('plan-day') as HTMLButtonElement).click();
    await until(() => text('routes').includes('Соцтаксі АВ1234ВС'), 'the plan');
    expect(text('plan-version')).toContain('версія 1, чернетка');
    expect(document.querySelectorAll('#routes li')).toHaveLength(4);
    expect(text('routes')).toContain('посадка');
    (document.getElementById('publish') as HTMLButtonElement).click();
    await until(() => text('status').includes('Надіслано водіям: 1 SMS'), 'the publish');
    await until(() => text('messages').includes('зуп.'), 'the SMS log');
    expect(text('plan-version')).toContain('надіслано водіям');
    expect((document.getElementById('publish') as HTMLButtonElement).disabled).toBe(true);
  });

  it('confirms a request; an API error is shown on the page, not thrown', async () => {
    const confirm = [...document.querySelectorAll('#requests button')].find(
      (b) => b.textContent === 'Підтвердити',
    )!;
    (confirm as HTMLButtonElement).click();
    await until(() => text('status').includes('Підтверджено'), 'the confirmation');
    await until(() => text('requests').includes('підтверджена'), 'the new status');
    // a bad number: the API's 400 with its zod path shows on the page, nothing breaks
    const form = document.getElementById('caller') as HTMLFormElement;
    (form.elements.namedItem('phone') as HTMLInputElement).value = '123';
    form.requestSubmit();
    await until(() => document.getElementById('status')!.className === 'error', 'the error');
    expect(text('status')).toContain('phone');
  });

  it('adds a ride booked after publishing to the plan; its driver gets the new route', async () => {
    await bookFromForm('14:00', '');
    await until(() => text('status').includes('Заявку прийнято'), 'the booking');
    const add = await waitFor(() =>
      [...document.querySelectorAll('#requests button')].find((b) => b.textContent === 'Додати в план'),
    );
    (add as HTMLButtonElement).click();
    await until(
      () => text('status').includes('Додано в маршрут: Соцтаксі АВ1234ВС; водій отримає SMS'),
      'the insertion',
    );
    await until(() => document.querySelectorAll('#routes li').length === 6, 'the longer route');
  });

  it('only calls routes the API has', () => {
    // every kind of call the pages made above, each answered by a route of the API function
    const kinds = new Set(calls.map((c) => c.replace(/\/(requests|plans)\/[^/]+/, '/$1/{x}')));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(unrouted).toEqual([]);
  });
});
