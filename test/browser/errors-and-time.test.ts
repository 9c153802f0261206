import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RETRY_DELAYS_MS } from '../../console/api.js';
import { addDays, kyivToday } from '../../console/kyiv.js';
import { launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => () => page.locator('#status').textContent();
/** Nothing English of the API's `message` on the page: only Ukrainian words. */
const noEnglish = async (page: Page) =>
  expect(await page.locator('#status').textContent()).not.toMatch(/[A-Za-z]{3,}/);

async function callFor(page: Page, phone: string) {
  await page.getByLabel('Телефон').fill(phone);
  await page.getByRole('button', { name: 'Знайти' }).click();
  await expect.poll(() => page.locator('#book').count()).toBe(1);
}

describe('errors in Ukrainian (contract 3), Kyiv time, bookings sent once', () => {
  it("shows the API's Ukrainian reason for an overlapping booking, and clears it on the next success", async () => {
    const { page } = await openConsole(browser, 'intake');
    await callFor(page, '0671110001'); // Ганна has a ride at 07:56–08:26 on the demo day
    const form = page.locator('#book');
    await form.getByLabel('Час', { exact: true }).fill('08:10');
    await form.getByLabel('Куди (село)').selectOption({ label: 'Хмільник (місто)' });
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(status(page)).toMatch(/[А-ЯІЇЄҐа-яіїєґ]{4,}/);
    await noEnglish(page);
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    await page.getByLabel('Телефон').fill('0501110002');
    await page.getByRole('button', { name: 'Знайти' }).click();
    await expect.poll(status(page)).toBe('');
    noScriptErrors(page);
  });

  it('names the wrong field of a refused registration in Ukrainian, not "Invalid phone"', async () => {
    const { page } = await openConsole(browser, 'intake');
    await page.getByLabel('Телефон').fill('04338 2-20-16'); // a landline: no SMS to it
    await page.getByRole('button', { name: 'Знайти' }).click();
    await page.getByRole('button', { name: 'Зареєструвати' }).click();
    const reg = page.locator('#register');
    await reg.getByLabel("Ім'я").fill('Тест Тестович');
    await reg.getByLabel('Село').selectOption({ label: 'Соколова (село)' });
    await reg.getByLabel('Адреса').fill('вул. Садова, 2');
    await reg.getByRole('button', { name: 'Зареєструвати' }).click();
    await expect.poll(status(page)).toBe('Перевірте дані форми: телефон');
  });

  it('an unknown hromada is named in Ukrainian and nothing of the previous one stays on screen', async () => {
    const { page } = await openConsole(browser, 'board');
    await expect.poll(() => page.locator('#requests tr').count()).toBeGreaterThan(1);
    await page.getByLabel('Громада').fill('nosuch');
    await page.getByRole('button', { name: 'Показати' }).click();
    await expect.poll(status(page)).toBe('Громаду «nosuch» не знайдено');
    expect(await page.locator('#requests').count()).toBe(0);
  });

  it("opens on Kyiv's tomorrow, whatever the browser's time zone", async () => {
    // 00:30 on 3 December in Kyiv is still 2 December in Los Angeles
    const now = new Date('2026-12-02T22:30:00Z');
    const { page } = await openConsole(browser, 'board', {
      date: '',
      timezoneId: 'America/Los_Angeles',
      now,
    });
    expect(await page.getByLabel('День').inputValue()).toBe('2026-12-04');
  });

  it('shows times in Kyiv time in a browser set to another zone', async () => {
    const { page } = await openConsole(browser, 'board', { timezoneId: 'Asia/Tokyo' });
    const first = (
      await callApi<{ items: { window: { start: string } }[] }>(
        'GET',
        `/hromady/${HROMADA}/requests?date=${inject('demoDay')}`,
      )
    ).items
      .map((r) => r.window.start)
      .sort()[0]!;
    const kyiv = new Intl.DateTimeFormat('uk-UA', {
      timeZone: 'Europe/Kyiv',
      hour: '2-digit',
      minute: '2-digit',
    });
    await expect
      .poll(() => page.locator('#requests tr td').first().textContent())
      .toMatch(new RegExp(`^${kyiv.format(new Date(first))}–`));
  });

  it('the board refreshes itself while its day is under way, and not for another day', async () => {
    const polls = async (date: string) => {
      const { page, calls } = await openConsole(browser, 'board', {
        date,
        prepare: (p) => p.clock.install(),
      });
      const reads = () => calls.filter((c) => c.endsWith(`/plans/${date}`)).length;
      const before = reads();
      await page.clock.runFor(31_000);
      await page.clock.runFor(31_000);
      await page.waitForLoadState('networkidle');
      return reads() - before;
    };
    expect(await polls(kyivToday())).toBe(2);
    expect(await polls(inject('demoDay'))).toBe(0);
  });

  it('sends one Idempotency-Key per booking and reuses it when, every retry lost, it is sent again by hand: booked once', async () => {
    const day = addDays(inject('demoDay'), 21);
    const { page } = await openConsole(browser, 'intake', { date: day });
    const keys: string[] = [];
    let lose = true;
    await page.route('**/hromady/*/requests', async (route) => {
      keys.push((await route.request().allHeaders())['idempotency-key'] ?? '');
      const answer = await route.fetch(); // it reaches the API…
      if (lose)
        await route.abort('connectionreset'); // …but the answer is lost, each retry's too
      else await route.fulfill({ response: answer });
    });
    await callFor(page, '0731110004');
    const form = page.locator('#book');
    await form.getByLabel('Час', { exact: true }).fill('11:00');
    await form.getByLabel('Куди (село)').selectOption({ label: 'Хмільник (місто)' });
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(status(page)).toMatch(/^Немає зв'язку з сервером.*не створить дубля$/);
    const tried = keys.length;
    expect(tried).toBe(1 + RETRY_DELAYS_MS.length);
    lose = false;
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(status(page)).toMatch(/^Заявку прийнято/);
    expect(keys).toHaveLength(tried + 1);
    expect(keys[0]).toMatch(/^[\w-]{8,}$/);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
    const booked = await callApi<{ items: unknown[] }>('GET', `/hromady/${HROMADA}/requests?date=${day}`);
    expect(booked.items).toHaveLength(1);
  });

  it('confirms a request from the list of the day', async () => {
    const { page } = await openConsole(browser, 'board');
    const confirm = page.getByRole('button', { name: /^Підтвердити: / }).first();
    await confirm.click();
    await expect.poll(status(page)).toBe('Підтверджено, SMS піде отримувачу');
  });
});
