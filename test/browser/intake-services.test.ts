import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';

/** The services in a phone call: known places, the way back, standing orders, the mobile case. */
interface Request {
  id: string;
  residentId: string;
  status: string;
  pickup: { address: string; placeId?: string };
  dropoff?: { address: string; placeId?: string };
  requestedTime: { time: string };
  returnOf?: string;
  returnMode?: string;
  awaitingCall?: boolean;
}
interface Resident {
  id: string;
  name: string;
  address: string;
  settlementId: string;
  location: unknown;
}

/** The first Monday–Friday on or after `date` (the demo fleet's shifts). */
function weekdayFrom(date: string): string {
  let d = date;
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}
const day = weekdayFrom(addDays(inject('demoDay'), 10));
const requestsOn = async (date: string) =>
  (await callApi<{ items: Request[] }>('GET', `/hromady/${HROMADA}/requests?date=${date}`)).items;

let browser: Browser;
let counter = 0;
/** A resident registered for one test, so that their trips are theirs alone. */
async function newResident(name: string, categories: string[]): Promise<Resident & { phone: string }> {
  const { items } = await callApi<{ items: Resident[] }>(
    'GET',
    `/hromady/${HROMADA}/callers?phone=0661110005`,
  );
  const neighbour = items[0]!; // Марія Руденко, Соколова
  counter += 1;
  const phone = `06711188${String(counter).padStart(2, '0')}`;
  const r = await callApi<Resident>('POST', `/hromady/${HROMADA}/residents`, {
    name,
    phone,
    settlementId: neighbour.settlementId,
    address: 'с. Соколова, вул. Садова, 3',
    location: neighbour.location,
    mobility: { wheelchair: false, needsRamp: false, escort: false },
    smsConsent: true,
    categories,
  });
  return { ...r, phone };
}
async function call(page: Page, phone: string) {
  await page.getByLabel('Телефон').fill(phone);
  await page.getByRole('button', { name: 'Знайти' }).click();
  await expect.poll(() => page.locator('#book').count()).toBe(1);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the services in a phone call', () => {
  it('books a ride from home to a known place with the way back at a fixed time', async () => {
    const resident = await newResident('Петро Семенович Гуменюк', ['aged-80-plus']);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await call(page, resident.phone);
    const form = page.locator('#book');
    await form.getByLabel('Час', { exact: true }).fill('09:00');
    await form.locator('select[name="to"]').selectOption('place:hospital');
    expect(await form.getByLabel('Куди (село)').count()).toBe(0); // a known place needs no address
    await form.getByLabel('Дорога назад').selectOption({ label: 'о фіксованій годині' });
    await form.getByLabel('Назад о').fill('12:00');
    await expectAccessible(page, 'booking form with a return');
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято: 08:45–09:15/);
    const mine = (await requestsOn(day)).filter((r) => r.residentId === resident.id);
    const there = mine.find((r) => !r.returnOf)!;
    const back = mine.find((r) => r.returnOf)!;
    expect([there.pickup.address, there.dropoff?.placeId]).toEqual([resident.address, 'hospital']);
    expect([back.returnOf, back.returnMode, back.requestedTime.time, back.pickup.placeId]).toEqual([
      there.id,
      'fixed',
      '12:00',
      'hospital',
    ]);
    // its way back is booked: no second «Назад додому» on it
    await expect.poll(() => page.locator('#upcoming li').count()).toBe(2);
    expect(await page.getByRole('button', { name: /^Назад додому/ }).count()).toBe(0);
    noScriptErrors(page);
  });

  it('books a way back on call; activating it is refused before the day of the ride, in Ukrainian', async () => {
    const resident = await newResident('Ольга Тарасівна Мирна', ['disability-2']);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await call(page, resident.phone);
    const form = page.locator('#book');
    await form.getByLabel('Час', { exact: true }).fill('10:00');
    await form.locator('select[name="to"]').selectOption('place:rehab');
    await form.getByLabel('Дорога назад').selectOption({ label: 'за дзвінком' });
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято/);
    const waiting = page.locator('#upcoming li', { hasText: 'повернення чекає дзвінка' });
    await expect.poll(() => waiting.count()).toBe(1);
    await waiting.getByRole('button', { name: /^Активувати повернення/ }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toBe('Повернення можна активувати лише в день поїздки');
    const back = (await requestsOn(day)).find((r) => r.residentId === resident.id && r.returnOf)!;
    expect([back.returnMode, back.awaitingCall]).toEqual(['will-call', true]);
  });

  it('«Назад додому» books the ride home from where a trip went', async () => {
    const resident = await newResident('Іван Богданович Дуб', ['aged-80-plus']);
    await callApi('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId: resident.id,
      date: day,
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      requestedTime: { kind: 'pickup', time: '08:00' },
      purpose: 'medical',
    });
    const { page } = await openConsole(browser, 'intake', { date: day });
    await call(page, resident.phone);
    await page.getByRole('button', { name: /^Назад додому/ }).click();
    const form = page.locator('#book');
    await expect.poll(() => form.textContent()).toContain(`куди: додому (${resident.address})`);
    await form.getByLabel('Час', { exact: true }).fill('11:00');
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Заявку прийнято/);
    const home = (await requestsOn(day)).find(
      (r) => r.residentId === resident.id && r.requestedTime.time === '11:00',
    )!;
    expect([home.pickup.placeId, home.dropoff?.address]).toEqual(['hospital', resident.address]);
  });

  it("shows the rule's Ukrainian reason when a resident without a category asks for the social taxi", async () => {
    const resident = await newResident('Роман Ілліч Без Категорії', []);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await call(page, resident.phone);
    const form = page.locator('#book');
    await form.getByLabel('Час', { exact: true }).fill('09:30');
    await form.locator('select[name="to"]').selectOption('place:hospital');
    await form.getByRole('button', { name: 'Замовити' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Послуга лише для категорій/);
    expect((await requestsOn(day)).filter((r) => r.residentId === resident.id)).toEqual([]);
  });

  it("lists, creates and cancels the caller's standing orders", async () => {
    const resident = await newResident('Зоя Миколаївна Діаліз', ['disability-1']);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await call(page, resident.phone);
    const orders = page.locator('#standing-orders');
    await expect.poll(() => orders.textContent()).toContain('Немає');
    await orders.getByRole('button', { name: 'Нове постійне замовлення' }).click();
    const form = page.locator('#standing-order');
    for (const d of ['Пн', 'Ср', 'Пт']) await form.getByLabel(d, { exact: true }).check();
    await form.getByLabel('Час', { exact: true }).fill('07:30');
    await form.locator('select[name="to"]').selectOption('place:hospital');
    await form.getByLabel('Дорога назад').selectOption({ label: 'о фіксованій годині' });
    await form.getByLabel('Назад о').fill('12:00');
    await expectAccessible(page, 'standing order form');
    await form.getByRole('button', { name: 'Створити замовлення' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Постійне замовлення створено/);
    await expect
      .poll(() => orders.locator('li').textContent())
      .toContain('Пн, Ср, Пт до 07:30: дім → Хмільницька ЦРЛ, назад о 12:00');
    const [order] = (
      await callApi<{ items: { id: string; residentId: string; status: string }[] }>(
        'GET',
        `/hromady/${HROMADA}/standing-orders?limit=200`,
      )
    ).items.filter((o) => o.residentId === resident.id);

    page.once('dialog', (d) => d.accept());
    await orders.getByRole('button', { name: /^Скасувати замовлення/ }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Постійне замовлення скасовано/);
    await expect.poll(() => orders.textContent()).toContain('Немає');
    const cancelled = await callApi<{ status: string }>(
      'GET',
      `/hromady/${HROMADA}/standing-orders/${order!.id}`,
    );
    expect(cancelled.status).toBe('cancelled');
    noScriptErrors(page);
  });

  it("books a mobile-case slot at a stop in the caller's village", async () => {
    const resident = await newResident('Лідія Петрівна Кейс', []);
    const { page } = await openConsole(browser, 'intake', { date: day });
    await call(page, resident.phone);
    const form = page.locator('#book');
    await form.getByLabel('Послуга').selectOption({ label: 'Мобільний кейс' });
    const slots = page.locator('#case-slots');
    await expect.poll(() => slots.locator('optgroup').count()).toBeGreaterThan(0);
    expect(await slots.locator('optgroup').first().getAttribute('label')).toContain('приміщення старостату');
    const value = (await slots.locator('option[value*="|"]').first().getAttribute('value'))!;
    const [stopId, time] = value.split('|');
    await slots.getByLabel('Час прийому').selectOption(value);
    await expectAccessible(page, 'mobile-case slots');
    await slots.getByRole('button', { name: 'Записати на прийом' }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/^Записано на прийом: .*, Соколова$/);
    await expect.poll(() => slots.textContent()).toContain(`Уже записано: `);
    const stop = await callApi<{ slots: { time: string; residentId?: string }[] }>(
      'GET',
      `/hromady/${HROMADA}/case-stops/${stopId}`,
    );
    expect(stop.slots.filter((s) => s.residentId === resident.id).map((s) => s.time)).toEqual([time]);
    noScriptErrors(page);
  });
});
