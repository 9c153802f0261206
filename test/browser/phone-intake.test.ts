import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';

interface Request {
  id: string;
  residentId: string;
  date: string;
  pickup: { address: string };
  dropoff?: { address: string };
  passengers: { escorts: number; wheelchair: boolean };
  requestedTime: { kind: string; time: string };
}
const requestsOn = async (date: string) =>
  (await callApi<{ items: Request[] }>('GET', `/hromady/${HROMADA}/requests?date=${date}`)).items;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a phone call in the console', () => {
  it("finds the caller by number, shows their trips, and books a ride with the caller's own mobility", async () => {
    const day = addDays(inject('demoDay'), 7);
    const { page, calls } = await openConsole(browser, 'intake', { date: day });
    await page.getByLabel('Телефон').fill('067 111 0001');
    await page.getByRole('button', { name: 'Знайти' }).click();
    await expect.poll(() => page.locator('#callers').textContent()).toContain('Ганна Петрівна Шевчук');
    await expect.poll(() => page.locator('#upcoming').textContent()).toContain('Соцтаксі');
    // her trips in one read by date range (CN1); the day's list read once, for the day on screen
    expect(calls.filter((c) => /^GET \/hromady\/[^/]+\/residents\/[^/]+\/requests$/.test(c))).toHaveLength(1);
    expect(calls.filter((c) => c === `GET /hromady/${HROMADA}/requests`)).toHaveLength(1);
    const form = page.locator('#book');
    expect(await form.getByLabel('візок').isChecked()).toBe(true); // her own mobility
    await form.getByLabel('Час', { exact: true }).fill('10:30');
    await form.getByLabel('Куди (село)').selectOption({ label: 'Хмільник (місто)' });
    await form.getByLabel('Адреса').fill('вул. Монастирська, 71');
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято: 10:15–10:45/);
    const booked = (await requestsOn(day)).filter((r) => r.requestedTime.time === '10:30');
    expect(booked.map((r) => [r.dropoff?.address, r.passengers.wheelchair])).toEqual([
      ['м. Хмільник, вул. Монастирська, 71', true],
    ]);
    noScriptErrors(page);
  });

  it('repeats a trip on the day on screen in one click, and books its return home', async () => {
    const day = addDays(inject('demoDay'), 14);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await page.getByLabel('Телефон').fill('0961110003'); // Олена Степанівна Кравець, with an escort
    await page.getByRole('button', { name: 'Знайти' }).click();
    const trip = page.locator('#upcoming li').filter({ hasText: 'Соцтаксі' }).first();
    await trip.getByRole('button', { name: /^Повторити/ }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято/);
    const [outbound] = await requestsOn(day);
    expect(outbound?.passengers.escorts).toBe(1);

    await trip.getByRole('button', { name: /^Назад додому/ }).click();
    const form = page.locator('#book');
    await expect.poll(() => form.locator('h3').textContent()).toContain('зворотна поїздка');
    await form.getByLabel('Час', { exact: true }).fill('13:00');
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято: 12:45–13:15/);
    const back = (await requestsOn(day)).find((r) => r.requestedTime.time === '13:00');
    expect([back?.pickup.address, back?.dropoff?.address]).toEqual([
      outbound?.dropoff?.address,
      outbound?.pickup.address,
    ]);
    noScriptErrors(page);
  });

  it('registers an unknown caller in the same call, then books for them', async () => {
    const day = addDays(inject('demoDay'), 7);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await page.getByLabel('Телефон').fill('067 555 44 33');
    await page.getByRole('button', { name: 'Знайти' }).click();
    await page.getByRole('button', { name: 'Зареєструвати' }).click();
    const reg = page.locator('#register');
    expect(await reg.getByLabel('Телефон').inputValue()).toBe('067 555 44 33');
    await reg.getByLabel("Ім'я").fill('Софія Андріївна Нова');
    await reg.getByLabel('Село').selectOption({ label: 'Соколова (село)' });
    await reg.getByLabel('Адреса').fill('вул. Садова, 1');
    await reg.getByLabel('із супровідником').check();
    await reg.getByLabel('вік 80+').check(); // the social taxi is for the categories the rules name
    await reg.getByRole('button', { name: 'Зареєструвати' }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/^Зареєстровано: Софія Андріївна Нова/);
    const form = page.locator('#book');
    expect(await form.getByLabel('Супровід').inputValue()).toBe('1');
    await form.getByLabel('Час', { exact: true }).fill('09:00');
    await form.getByLabel('Куди (село)').selectOption({ label: 'Хмільник (місто)' });
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято/);
    const callers = await callApi<{ items: { id: string }[] }>(
      'GET',
      `/hromady/${HROMADA}/callers?phone=${encodeURIComponent('0675554433')}`,
    );
    expect((await requestsOn(day)).filter((r) => r.residentId === callers.items[0]?.id)).toHaveLength(1);
    const resident = await callApi<{ categories: string[] }>(
      'GET',
      `/hromady/${HROMADA}/residents/${callers.items[0]?.id}`,
    );
    expect(resident.categories).toEqual(['aged-80-plus']);
    noScriptErrors(page);
  });

  it("pre-fills each caller's own mobility, not the previous caller's", async () => {
    const { page } = await openConsole(browser, 'intake');
    const find = async (phone: string) => {
      await page.getByLabel('Телефон').fill(phone);
      await page.getByRole('button', { name: 'Знайти' }).click();
    };
    await find('0671110001'); // wheelchair
    await expect.poll(() => page.locator('#book-who').textContent()).toBe('Ганна Петрівна Шевчук');
    expect(await page.locator('#book').getByLabel('візок').isChecked()).toBe(true);
    await find('0501110002'); // walks, alone
    await expect.poll(() => page.locator('#book-who').textContent()).toBe('Микола Іванович Ткач');
    expect(await page.locator('#book').getByLabel('візок').isChecked()).toBe(false);
    expect(await page.locator('#book').getByLabel('Супровід').inputValue()).toBe('0');
  });
});
