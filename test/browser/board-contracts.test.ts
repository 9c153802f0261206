import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole, planThroughJob } from './support/console';

/**
 * The board's edits (contract 1) and the alerts panel (contract 2) are built on other branches:
 * here the page's calls to them are answered by a stand-in that checks each body against the
 * contract and answers as the contract says, on a real plan of the local platform. After the
 * merge the same scenarios run against the real API (see the report of feat-console).
 */
interface Stop {
  requestId: string;
  kind: string;
  arrival: string;
  locked?: boolean;
}
interface Plan {
  version: number;
  routes: { vehicleId: string; inService?: boolean; stops: Stop[] }[];
  unassigned: { requestId: string; reason: string }[];
}

// four weeks on: the demo fleet's weekday, with nothing booked yet, within the booking horizon (30 days)
const day = addDays(inject('demoDay'), 28);
let browser: Browser;
let plan: Plan;
/** The plan the platform made, before any stand-in change. */
let planned: Plan;
/** Every body the page sent to a contract route, by route. */
const sent: { route: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  browser = await launch();
  for (const phone of ['0671110001', '0501110002', '0961110003']) {
    const [resident] = (
      await callApi<{ items: { id: string; address: string; location: unknown }[] }>(
        'GET',
        `/hromady/${HROMADA}/callers?phone=${phone}`,
      )
    ).items;
    await callApi('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId: resident!.id,
      date: day,
      pickup: { address: resident!.address, location: resident!.location },
      dropoff: { address: 'м. Хмільник', location: { lat: 49.5596, lon: 27.9575 } },
      requestedTime: { kind: 'pickup', time: '10:00' },
      purpose: 'medical',
    });
  }
  planned = await planThroughJob<Plan>(HROMADA, day, { seconds: 1 });
  plan = planned;
});
afterAll(async () => {
  await browser?.close();
});

const json = (route: Route, status: number, body: unknown) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
const bumped = (next: Plan) => {
  plan = { ...next, version: plan.version + 1 };
  return plan;
};
const take = (p: Plan, requestId: string) => {
  const stops = p.routes.flatMap((r) => r.stops.filter((s) => s.requestId === requestId));
  const routes = p.routes.map((r) => ({ ...r, stops: r.stops.filter((s) => s.requestId !== requestId) }));
  return { stops, routes };
};

/** The contract's answers: 409 on a stale version, else 200 with the plan as GET answers it. */
async function standIn(page: Page, refuse?: { reason: string }) {
  await page.route(`**/hromady/${HROMADA}/plans/${day}`, (route) =>
    route.request().method() === 'GET' ? json(route, 200, plan) : route.fallback(),
  );
  await page.route(`**/hromady/${HROMADA}/plans/${day}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.split(`/plans/${day}/`)[1]!;
    const body = route.request().postDataJSON() as Record<string, unknown>;
    sent.push({ route: path, body });
    if (body.version !== plan.version)
      return json(route, 409, {
        error: { code: 'conflict', message: 'stale', currentVersion: plan.version },
      });
    if (refuse)
      return json(route, 422, {
        error: { code: 'unprocessable', message: 'infeasible', reason: refuse.reason },
      });
    const requestId = body.requestId as string;
    if (path === 'assign') {
      const { stops, routes } = take(plan, requestId);
      return json(
        route,
        200,
        bumped({
          ...plan,
          routes: routes.map((r) =>
            r.vehicleId === body.vehicleId ? { ...r, stops: [...r.stops, ...stops] } : r,
          ),
          unassigned: plan.unassigned.filter((u) => u.requestId !== requestId),
        }),
      );
    }
    if (path === 'unassign') {
      const { routes } = take(plan, requestId);
      return json(
        route,
        200,
        bumped({
          ...plan,
          routes,
          unassigned: [...plan.unassigned, { requestId, reason: 'знято диспетчером' }],
        }),
      );
    }
    if (path === 'locks')
      return json(
        route,
        200,
        bumped({
          ...plan,
          routes: plan.routes.map((r) => ({
            ...r,
            stops: r.stops.map((s) =>
              s.requestId === requestId ? { ...s, locked: body.locked as boolean } : s,
            ),
          })),
        }),
      );
    const vehicleId = path.split('/')[1];
    return json(
      route,
      200,
      bumped({
        ...plan,
        routes: plan.routes.map((r) =>
          r.vehicleId === vehicleId ? { ...r, inService: body.inService as boolean, stops: [] } : r,
        ),
      }),
    );
  });
}

async function chooseFirstStop(page: Page) {
  const stop = page.locator('#routes .stop').first();
  await stop.focus();
  await page.keyboard.press('Enter');
  return page.getByRole('group', { name: 'Дії із зупинкою' });
}

describe('the day board against contract 1 (stand-in) and the alerts panel against contract 2', () => {
  it('locks, unassigns and moves a stop by keyboard, each with the version seen; takes a vehicle out of service', async () => {
    const { page } = await openConsole(browser, 'board', { date: day, prepare: (p) => standIn(p) });
    await expect.poll(() => page.locator('#routes .stop').count()).toBeGreaterThan(0);
    const requestId = plan.routes.find((r) => r.stops.length)!.stops[0]!.requestId;

    await (await chooseFirstStop(page)).getByRole('button', { name: 'Закріпити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Закріплено');
    expect(sent.at(-1)).toEqual({
      route: 'locks',
      body: { version: plan.version - 1, requestId, locked: true },
    });
    await expect.poll(() => page.locator('#routes .stop.locked').count()).toBeGreaterThan(0);

    await (await chooseFirstStop(page)).getByRole('button', { name: 'Зняти з маршруту' }).click();
    await expect.poll(() => page.locator('#unassigned').textContent()).toContain('знято диспетчером');
    expect(sent.at(-1)).toEqual({ route: 'unassign', body: { version: plan.version - 1, requestId } });

    const target = [...plan.routes].reverse()[0]!.vehicleId;
    await page
      .locator('#unassigned li', { hasText: 'знято диспетчером' })
      .getByRole('combobox')
      .selectOption(target);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Перенесено: /);
    expect(sent.at(-1)).toEqual({
      route: 'assign',
      body: { version: plan.version - 1, requestId, vehicleId: target },
    });

    const row = page.locator(`#routes > li[data-vehicle="${target}"]`);
    await row.getByRole('button', { name: 'Вивести зі служби' }).click();
    await expect.poll(() => row.textContent()).toContain('поза службою');
    expect(sent.at(-1)).toEqual({
      route: `vehicles/${target}/service`,
      body: { version: plan.version - 1, inService: false },
    });
    await expectAccessible(page, 'board with a vehicle out of service');
    noScriptErrors(page);
  });

  it("shows the engine's Ukrainian reason for an infeasible move, and a stale version as someone else's change", async () => {
    plan = { ...planned, version: plan.version };
    const { page } = await openConsole(browser, 'board', {
      date: day,
      prepare: (p) => standIn(p, { reason: 'Не встигає у вікно 10:00–10:30' }),
    });
    await (await chooseFirstStop(page)).getByRole('button', { name: 'Зняти з маршруту' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Не встигає у вікно 10:00–10:30');
    plan = { ...plan, version: plan.version + 1 }; // another dispatcher changed the plan meanwhile
    await page.getByRole('button', { name: 'Закріпити' }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toBe('Хтось інший змінив це. Перезавантажте й повторіть');
  });

  it("drags a stop onto another vehicle's row to move it there; Escape lets go of a chosen stop", async () => {
    plan = { ...planned, version: plan.version };
    const { page } = await openConsole(browser, 'board', { date: day, prepare: (p) => standIn(p) });
    const from = plan.routes.find((r) => r.stops.length)!;
    const to = plan.routes.find((r) => r.vehicleId !== from.vehicleId)!.vehicleId;
    const stop = page.locator(`#routes > li[data-vehicle="${from.vehicleId}"] .stop`).first();
    const actions = await chooseFirstStop(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => actions.count()).toBe(0);
    await stop.dragTo(page.locator(`#routes > li[data-vehicle="${to}"]`));
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Перенесено: /);
    expect(sent.at(-1)).toEqual({
      route: 'assign',
      body: { version: plan.version - 1, requestId: from.stops[0]!.requestId, vehicleId: to },
    });
  });

  it('lists the day’s alerts not yet handled and handles one with a note (contract 2)', async () => {
    let alerts = [
      {
        id: 'A1',
        hromadaId: HROMADA,
        kind: 'driver-problem',
        date: day,
        at: '2026-12-03T08:10:00.000Z',
        text: 'Водій 2: проблема на зупинці 3',
        vehicleId: 'taxi-2',
        phone: '+380504021202',
        handled: false,
        version: 1,
      },
    ];
    const handled: unknown[] = [];
    const alertsStandIn = (page: Page) =>
      page.route(`**/hromady/${HROMADA}/alerts**`, async (route) => {
        const url = new URL(route.request().url());
        if (route.request().method() === 'GET') {
          expect(Object.fromEntries(url.searchParams)).toEqual({ date: day, handled: 'false' });
          return json(route, 200, { items: alerts });
        }
        handled.push([url.pathname, route.request().postDataJSON()]);
        alerts = [];
        return json(route, 200, { id: 'A1', handled: true, version: 2 });
      });
    const { page } = await openConsole(browser, 'alerts', { date: day, prepare: alertsStandIn });
    await expect
      .poll(() => page.locator('#alerts').textContent())
      .toContain('Проблема водія 03.12, 10:10: Водій 2');
    await expectAccessible(page, 'alerts with an alert');
    await page.getByLabel('Примітка').fill('Передзвонила водію');
    await page.getByRole('button', { name: 'Опрацьовано' }).click();
    await expect.poll(() => page.locator('#view').textContent()).toContain('Нових сповіщень немає.');
    expect(handled).toEqual([
      [`/hromady/${HROMADA}/alerts/A1/handle`, { version: 1, note: 'Передзвонила водію' }],
    ]);
  });
});
