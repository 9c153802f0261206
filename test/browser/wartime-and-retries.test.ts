import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';

/**
 * Wartime in the console against the local platform: an air-raid alert started and ended from the
 * bar every view shows, its log; a GeoJSON file of danger zones uploaded on the map (a bad one
 * refused with its issues in Ukrainian) and switched off; a POST whose answer is lost retried by
 * the console itself with the same Idempotency-Key, carried out once.
 */
interface AirRaid {
  id: string;
  startedAt: string;
  endedAt?: string;
  effects: { replanVersion?: number; replanError?: string };
}
interface Zone {
  id: string;
  name: string;
  version: number;
  active: boolean;
}

const ZONE_NAME = 'Тестова зона обстрілу';
/** A day of its own for the zone (it applies on this day only) and one for the booking. */
const zoneDay = addDays(inject('demoDay'), 30);
const bookingDay = weekdayFrom(addDays(inject('demoDay'), 16));

/** The first Monday–Friday on or after `date` (the demo fleet's shifts). */
function weekdayFrom(date: string): string {
  let d = date;
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  // whatever happened above, the other files' days see no zone of this file
  const { items } = await callApi<{ items: Zone[] }>('GET', `/hromady/${HROMADA}/danger-zones?active=true`);
  for (const z of items.filter((z) => z.name === ZONE_NAME))
    await callApi('POST', `/hromady/${HROMADA}/danger-zones/${z.id}/deactivate`, { version: z.version });
});

const status = (page: Page) => () => page.locator('#status').textContent();

/** The Idempotency-Key of every POST the page sends to `pattern`. */
function keysOf(page: Page, pattern: RegExp): string[] {
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && pattern.test(new URL(r.url()).pathname))
      keys.push(r.headers()['idempotency-key'] ?? '');
  });
  return keys;
}

/** A square around Хмільник ([lon, lat]), closed unless told. */
function square(closed = true): number[][] {
  const ring = [
    [27.95, 49.55],
    [27.97, 49.55],
    [27.97, 49.57],
    [27.95, 49.57],
  ];
  return closed ? [...ring, ring[0]!] : ring;
}
const geoJson = (ring: number[][]) =>
  Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: ZONE_NAME, from: zoneDay, to: zoneDay },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  );

describe('wartime in the console: air-raid alerts, danger zones, retries with the same key', () => {
  it('starts an alert by keyboard after a confirm (a 503 retried with the same key); the red banner shows on every view; «Відбій» ends it and the log tells what it did', async () => {
    const since = new Date().toISOString();
    const { page } = await openConsole(browser, 'board');
    const keys = keysOf(page, /\/air-raids(\/end)?$/);
    // the first «start» meets throttled storage: a 503 with Retry-After, retried by the console
    let throttle = true;
    await page.route('**/hromady/*/air-raids', async (route) => {
      if (route.request().method() !== 'POST' || !throttle) return route.fallback();
      throttle = false;
      await route.fulfill({
        status: 503,
        headers: { 'retry-after': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'unavailable', message: 'Service unavailable' } }),
      });
    });
    await page.getByRole('button', { name: 'Повітряна тривога' }).click();
    const confirm = page.getByRole('group', { name: /Оголосити повітряну тривогу/ });
    // the confirm takes the focus: Enter starts it, nothing else is needed
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Так, оголосити тривогу');
    await expectAccessible(page, 'the air-raid confirm');
    await page.keyboard.press('Enter');
    await expect.poll(status(page)).toMatch(/^Повітряну тривогу оголошено/);
    expect(await confirm.count()).toBe(0);
    const banner = page.locator('#air-raid-banner');
    await expect.poll(() => banner.textContent()).toContain('ПОВІТРЯНА ТРИВОГА');
    expect(await banner.isVisible()).toBe(true);
    await expectAccessible(page, 'the board under an air-raid alert');

    for (const view of ['Карта', 'Дзвінок', 'Тривоги']) {
      await page.getByRole('link', { name: view, exact: true }).click();
      expect(await banner.isVisible(), view).toBe(true);
    }
    await expect.poll(() => page.locator('#air-raid-log > li').first().textContent()).toContain('триває');

    await page.getByRole('link', { name: 'День', exact: true }).click();
    await banner.getByRole('button', { name: 'Відбій тривоги' }).click();
    await expect
      .poll(status(page), { timeout: 30_000 })
      .toMatch(/^Відбій тривоги\. Водіїв у дорозі сповіщено: \d+/);
    expect(await status(page)()).toMatch(/Після відбою надіслано: \d+, відкинуто як застарілі: \d+/);
    await expect.poll(() => banner.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Повітряна тривога' }).isVisible()).toBe(true);

    const { items } = await callApi<{ items: AirRaid[] }>('GET', `/hromady/${HROMADA}/air-raids`);
    expect(items[0]!.endedAt).toBeDefined();
    expect(items.filter((a) => a.startedAt >= since)).toHaveLength(1); // started once
    expect(keys).toHaveLength(3); // start (503), start again, end
    expect(keys.every((k) => /^[\w-]{8,}$/.test(k))).toBe(true);
    expect(keys[1]).toBe(keys[0]); // the retry: the same key
    expect(keys[2]).not.toBe(keys[0]); // another action, another key

    await page.getByRole('link', { name: 'Тривоги', exact: true }).click();
    const entry = page.locator('#air-raid-log > li').first();
    await expect.poll(() => entry.textContent()).toContain('відбій');
    const text = (await entry.textContent())!;
    expect(text).toContain('Територія: громада khmilnytska');
    expect(text).toMatch(/Зупинок зсунуто: \d+, усього на \d+ хв/);
    expect(text).toMatch(/SMS затримано: \d+/);
    expect(text).toMatch(
      /День переплановано: версія плану \d+|День не переплановано|Плану на цей день не було/,
    );
    await expectAccessible(page, 'the air-raid log');
    noScriptErrors(page);
  });

  it('uploads a GeoJSON file of zones on the map: a bad one shows its issues in Ukrainian, a good one is drawn red, then switched off', async () => {
    const { page } = await openConsole(browser, 'map', { date: zoneDay });
    await page.waitForFunction(() => document.querySelector('.leaflet-container') !== null);
    const file = page.getByLabel('Завантажити зони (GeoJSON)');

    await file.setInputFiles({
      name: 'bad.geojson',
      mimeType: 'application/geo+json',
      buffer: geoJson(square(false).concat([[27.96, 49.58]])),
    });
    await expect.poll(() => page.locator('#zone-issues').textContent()).toContain('контур не замкнено');
    expect(await status(page)()).toBe(
      'Файл «bad.geojson» не прийнято: нічого не додано, див. помилки під картою',
    );
    expect(await page.locator('#zone-issues').textContent()).not.toMatch(/[A-Za-z]{5,} [a-z]{3,}/);
    expect(await page.locator('#map path.danger-zone').count()).toBe(0);

    await file.setInputFiles({
      name: 'zone.geojson',
      mimeType: 'application/geo+json',
      buffer: geoJson(square()),
    });
    await expect.poll(status(page)).toBe('Додано зон: 1');
    await expect.poll(() => page.locator('#map path.danger-zone').count()).toBe(1);
    expect(await page.locator('#zone-issues').count()).toBe(0);
    const listed = page.locator('#zones li', { hasText: ZONE_NAME });
    expect(await listed.textContent()).toContain(`${zoneDay} — ${zoneDay}`);
    await expectAccessible(page, 'the map with a danger zone and its panel');

    // another day: listed, not drawn
    const other = await openConsole(browser, 'map', { date: inject('demoDay') });
    await other.page.waitForFunction(() => document.querySelector('.leaflet-container') !== null);
    await expect
      .poll(() => other.page.locator('#zones li', { hasText: ZONE_NAME }).textContent())
      .toContain('цього дня не діє');
    expect(await other.page.locator('#map path.danger-zone').count()).toBe(0);

    await listed.getByRole('button', { name: `Вимкнути зону «${ZONE_NAME}»` }).click();
    await expect.poll(status(page)).toBe(`Зону «${ZONE_NAME}» вимкнено`);
    await expect.poll(() => page.locator('#map path.danger-zone').count()).toBe(0);
    const { items } = await callApi<{ items: Zone[] }>('GET', `/hromady/${HROMADA}/danger-zones?active=true`);
    expect(items.filter((z) => z.name === ZONE_NAME)).toEqual([]);
    noScriptErrors(page);
  });

  it('retries a booking whose answer was lost, by itself, with the same Idempotency-Key: booked once', async () => {
    const requestsOn = async () =>
      (await callApi<{ items: unknown[] }>('GET', `/hromady/${HROMADA}/requests?date=${bookingDay}`)).items
        .length;
    const before = await requestsOn();
    const { page } = await openConsole(browser, 'intake', { date: bookingDay });
    const keys: string[] = [];
    let lose = true;
    await page.route('**/hromady/*/requests', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push((await route.request().allHeaders())['idempotency-key'] ?? '');
      const answer = await route.fetch(); // it reaches the API…
      if (lose) {
        lose = false;
        await route.abort('connectionreset'); // …but the answer is lost
      } else await route.fulfill({ response: answer });
    });
    await page.getByLabel('Телефон').fill('0991110007');
    await page.getByRole('button', { name: 'Знайти' }).click();
    const form = page.locator('#book');
    await expect.poll(() => form.count()).toBe(1);
    await form.getByLabel('Час', { exact: true }).fill('10:00');
    await form.getByLabel('Куди (село)').selectOption({ label: 'Хмільник (місто)' });
    await form.getByRole('button', { name: 'Замовити' }).click();
    // one click: the console retried on its own
    await expect.poll(status(page)).toMatch(/^Заявку прийнято/);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\w-]{8,}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await requestsOn()).toBe(before + 1);
    noScriptErrors(page);
  });
});
