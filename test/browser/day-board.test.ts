import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, SCREENSHOTS, screenshot } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';

interface Plan {
  version: number;
  status: string;
  routes: { vehicleId: string; stops: { requestId: string }[] }[];
}

let browser: Browser;
let page: Page;
const status = () => page.locator('#status').textContent();
const go = async (view: string) => {
  await page.getByRole('link', { name: view }).click();
};

beforeAll(async () => {
  browser = await launch();
  ({ page } = await openConsole(browser, 'board'));
});
afterAll(async () => {
  await browser?.close();
});

// One dispatcher's day, in order: plan, publish, print the manifests, look at the map.
describe('the day in the console', () => {
  it('plans the day: one row per vehicle with its stops, shift and load; the board passes axe', async () => {
    await expect.poll(() => page.locator('#plan-version').textContent()).toBe('— ще немає');
    await page.getByRole('button', { name: 'Спланувати' }).click();
    await expect.poll(status).toMatch(/^План готовий: \d маршрут/);
    await expect.poll(() => page.locator('#plan-version').textContent()).toBe('— версія 1, чернетка');
    const plan = await callApi<Plan>('GET', `/hromady/${HROMADA}/plans/${inject('demoDay')}`);
    const stops = plan.routes.reduce((n, r) => n + r.stops.length, 0);
    expect(await page.locator('#routes .stop').count()).toBe(stops);
    const first = page.locator('#routes > li').first();
    expect(await first.textContent()).toMatch(
      /зміна \d\d:\d\d–\d\d:\d\d, водій .*завантаження \d\/\d.*\(вікно \d\d:\d\d–\d\d:\d\d\)/,
    );
    // a confidential visit shows no name on the board
    expect(await page.locator('#routes').textContent()).not.toContain('Клієнт ЦСС');
    await screenshot(page, 'board');
    await expectAccessible(page, 'day board');
    noScriptErrors(page);
  });

  it('a stop is chosen by keyboard, its actions offered; axe passes', async () => {
    const stop = page.locator('#routes .stop').first();
    await stop.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stop.getAttribute('aria-pressed')).toBe('true');
    const actions = page.getByRole('group', { name: 'Дії із зупинкою' });
    await expectAccessible(page, 'day board with a stop chosen');
    await actions.getByRole('button', { name: 'Скасувати вибір' }).click();
    await expect.poll(() => actions.count()).toBe(0);
  });

  it('publishes the plan: the drivers get their routes', async () => {
    await page.getByRole('button', { name: 'Надіслати водіям' }).click();
    await expect.poll(status).toMatch(/^Надіслано водіям: [1-9]\d* SMS/);
    await expect.poll(() => page.locator('#plan-version').textContent()).toBe('— версія 2, надіслано водіям');
    expect(await page.getByRole('button', { name: 'Надіслати водіям' }).isDisabled()).toBe(true);
  });

  it("records a stop's outcome for the dispatcher: a rider who did not come out", async () => {
    const stop = page.locator('#routes .stop', { hasText: 'посадка — Микола Іванович Ткач' });
    await stop.click();
    await page
      .getByRole('group', { name: 'Дії із зупинкою' })
      .getByRole('button', { name: 'Не вийшов' })
      .click();
    await expect.poll(status).toBe('Позначено: не вийшов');
    await expect
      .poll(() => page.locator('#requests').textContent())
      .toContain('Микола Іванович Ткачне вийшов');
  });

  it('a ride booked after publishing is added to the plan from the list of the day', async () => {
    const resident = (
      await callApi<{ items: { id: string; address: string; location: unknown }[] }>(
        'GET',
        `/hromady/${HROMADA}/callers?phone=0661110005`,
      )
    ).items[0]!;
    await callApi('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId: resident.id,
      date: inject('demoDay'),
      pickup: { address: resident.address, location: resident.location },
      dropoff: { address: 'м. Хмільник, вул. Небесної Сотні, 1', location: { lat: 49.5596, lon: 27.9575 } },
      requestedTime: { kind: 'pickup', time: '15:30' },
      purpose: 'bank',
    });
    await page.getByRole('button', { name: 'Показати' }).click();
    await page.getByRole('button', { name: /^Додати в план: Марія Олексіївна Руденко/ }).click();
    await expect.poll(status).toMatch(/^Додано в маршрут: .*; водій отримає SMS|^Не вміщується в план/);
  });

  it('asks before cancelling a request; declined, nothing changes', async () => {
    const cancel = page.getByRole('button', { name: /^Скасувати: / }).first();
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await cancel.click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/^Скасувати заявку: .*\? Отримувач отримає SMS\.$/);
  });

  it("prints each driver's manifest (PDF): riders with phones and needs, a confidential stop without a name", async () => {
    await go('Маршрутні листи');
    const manifests = page.locator('article.manifest');
    await expect.poll(() => manifests.count()).toBeGreaterThan(0);
    const text = (await page.locator('#view').textContent()) ?? '';
    expect(text).toContain('Ганна Петрівна Шевчук');
    expect(text).toContain('+380671110001');
    expect(text).toContain('візок');
    expect(text).toContain('конфіденційний візит');
    expect(text).not.toContain('Клієнт ЦСС');
    await expectAccessible(page, 'manifests');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    const pdf = join(SCREENSHOTS, 'manifests.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the day on a map offline: settlements, depots, stops and a line per route; axe passes', async () => {
    const tiles: string[] = [];
    page.on('request', (r) => {
      if (/tile|\.png/.test(r.url())) tiles.push(r.url());
    });
    await go('Карта');
    const lines = page.locator('#map path.leaflet-interactive');
    await expect.poll(() => lines.count()).toBeGreaterThan(42); // 42 settlements, depots, stops, routes
    expect(await page.locator('#map').getAttribute('class')).toContain('offline');
    expect(tiles).toEqual([]);
    await screenshot(page, 'map');
    await expectAccessible(page, 'map');
    noScriptErrors(page);
  });
});

describe('the map with a tile server configured', () => {
  it('draws the tiles from the configured URL instead of the plain background', async () => {
    const PNG = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const tiles: string[] = [];
    const { page: mapPage } = await openConsole(browser, 'map', {
      prepare: async (p) => {
        await p.addInitScript(() => localStorage.setItem('tileUrl', 'https://tiles.example/{z}/{x}/{y}.png'));
        await p.route('https://tiles.example/**', (route) => {
          tiles.push(route.request().url());
          return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
        });
      },
    });
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(tiles[0]).toMatch(/^https:\/\/tiles\.example\/\d+\/\d+\/\d+\.png$/);
    expect(await mapPage.locator('#map').getAttribute('class')).not.toContain('offline');
    await mapPage.context().close();
  });
});

describe('what the first page loads (the first load stays small on a village connection)', () => {
  it('no map, danger-zone or tours module until its view is opened; then it loads and draws', async () => {
    const files: string[] = [];
    const { page: first } = await openConsole(browser, 'board', {
      prepare: async (p) =>
        p.on('request', (r) => {
          const path = new URL(r.url()).pathname;
          if (path.startsWith('/console/')) files.push(path.slice('/console/'.length));
        }),
    });
    await first.waitForLoadState('networkidle');
    expect(files).toContain('view-board.js');
    for (const lazy of [
      'view-map.js',
      'danger-zones.js',
      'zone-words.js',
      'vendor/leaflet.js',
      'view-tours.js',
    ])
      expect(files, lazy).not.toContain(lazy);
    await first.getByRole('link', { name: 'Карта' }).click();
    await expect.poll(() => first.locator('#map path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(['view-map.js', 'danger-zones.js', 'vendor/leaflet.js']));
    expect(await first.locator('#zones-title').count()).toBe(1);
    noScriptErrors(first);
    await first.context().close();
  });
});
