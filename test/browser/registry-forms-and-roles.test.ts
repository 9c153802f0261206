import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole, planThroughJob } from './support/console';

/**
 * The registry's forms (create and edit each kind, the hromada's rules), a stop's outcomes as a
 * driver reports them by voice (done, welfare) and what each local role is offered.
 */
interface Vehicle {
  id: string;
  name: string;
  plate: string;
  depotId: string;
  version: number;
  services: string[];
  capacity: { seats: number; wheelchairPlaces: number; cargoKg: number; cargoLitres: number };
  features: { ramp: boolean; coldBox: boolean };
  shifts: { days: number[]; start: string; end: string }[];
  profile: string;
  active: boolean;
}
interface Settlement {
  id: string;
  name: string;
  type: string;
  version: number;
  remote: boolean;
  starostaDistrict: string | null;
  location: { lat: number; lon: number } | null;
}
interface Hromada {
  version: number;
  rules: Record<string, unknown> & { quietHours: { from: string; to: string } };
}
interface Request {
  id: string;
  status: string;
  welfare?: { outcome: string; note?: string; by: string; followUpId: string };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.locator('#status').textContent();
const listOf = async <T>(kind: string) =>
  (await callApi<{ items: T[] }>('GET', `/hromady/${HROMADA}/${kind}?limit=200`)).items;

/** The console on the registry, showing one kind. */
async function registry(kind: string, role?: string) {
  const { page } = await openConsole(browser, 'registry', {
    prepare: role
      ? (p) => p.addInitScript((r) => localStorage.setItem('hromada.localRole', r), role)
      : undefined,
  });
  await page.locator('#kind').selectOption({ label: kind });
  return page;
}

describe('the registry forms', () => {
  it('a list that answers late never replaces the kind chosen after it', async () => {
    // once the view is up, the residents' list is held back until the drivers' list is shown
    let hold = false;
    let releaseResidents: () => void = () => {};
    const residentsHeld = new Promise<void>((resolve) => {
      releaseResidents = resolve;
    });
    const page = await registry('Авто');
    await page.route(/\/residents(\?|$)/, async (route) => {
      if (hold) await residentsHeld;
      await route.continue();
    });
    hold = true;
    await page.locator('#kind').selectOption({ label: 'Отримувачі' });
    await page.locator('#kind').selectOption({ label: 'Водії' });
    await expect.poll(() => page.getByRole('button', { name: 'Олег Коваль' }).count()).toBe(1);
    releaseResidents();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Олег Коваль' }).count()).toBe(1);
    expect(await page.locator('#kind').inputValue()).toBe('drivers');
    noScriptErrors(page);
    await page.context().close();
  });

  it('creates a vehicle with its capacities, features, depot, profile and shifts, then edits them', async () => {
    const page = await registry('Авто');
    await page.getByRole('button', { name: 'Додати: авто' }).click();
    const form = page.locator('#edit');
    await form.getByLabel('Назва').fill('Мікроавтобус');
    await form.getByLabel('Номер').fill('ав7777ас');
    await form.getByLabel('Місць', { exact: true }).fill('7');
    await form.getByLabel('Місць для візків').fill('1');
    await form.getByLabel('Вантаж, кг').fill('150,5');
    await form.getByLabel('Пандус').check();
    await form.getByLabel('Тип для маршрутів').selectOption({ label: 'вантажний (обʼїзд закритих доріг)' });
    const services = form.getByRole('group', { name: 'Послуги' });
    await services.getByLabel('Доставка').check();
    // the shift the form starts from (Mon–Fri 08:00–17:00) gets Saturday; a second one is added
    const first = form.getByRole('group', { name: 'Зміна 1' });
    await first.getByLabel('Сб').check();
    await form.getByRole('button', { name: 'Додати зміну' }).click();
    const second = form.getByRole('group', { name: 'Зміна 2' });
    for (const d of ['Пн', 'Вт', 'Ср', 'Чт', 'Пт']) await second.getByLabel(d).uncheck();
    await second.getByLabel('Нд').check();
    await second.getByLabel('з').fill('10:00');
    await second.getByLabel('до').fill('14:00');
    await expectAccessible(page, 'the new vehicle form');
    await form.getByRole('button', { name: 'Створити' }).click();
    await expect.poll(() => status(page)).toBe('Створено');

    const created = (await listOf<Vehicle>('vehicles')).find((v) => v.plate === 'АВ7777АС')!;
    expect(created).toMatchObject({
      name: 'Мікроавтобус',
      services: ['social-taxi', 'delivery'],
      capacity: { seats: 7, wheelchairPlaces: 1, cargoKg: 150.5, cargoLitres: 0 },
      features: { ramp: true, coldBox: false },
      profile: 'driving-hgv',
      shifts: [
        { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '17:00' },
        { days: [7], start: '10:00', end: '14:00' },
      ],
      active: true,
    });
    expect(await page.getByRole('button', { name: 'Мікроавтобус АВ7777АС' }).count()).toBe(1);

    // edited: fewer seats, the Sunday shift removed; the rest as it was
    await expect.poll(() => form.locator('h3').textContent()).toContain('версія 1');
    await form.getByLabel('Місць', { exact: true }).fill('6');
    await form.getByRole('button', { name: 'Видалити зміну 2' }).click();
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expect.poll(() => status(page)).toBe('Збережено');
    const edited = await callApi<Vehicle>('GET', `/hromady/${HROMADA}/vehicles/${created.id}`);
    expect(edited).toEqual({
      ...created,
      version: 2,
      capacity: { ...created.capacity, seats: 6 },
      shifts: [created.shifts[0]],
      updatedAt: expect.any(String),
    });
    noScriptErrors(page);
    // the browser tests share one platform: the new car leaves service so no other file's day plans it
    await callApi('PATCH', `/hromady/${HROMADA}/vehicles/${created.id}`, { version: 2, active: false });
  });

  it('names a number that is not one in Ukrainian and sends nothing', async () => {
    const page = await registry('Авто');
    await page.getByRole('button', { name: 'Додати: авто' }).click();
    const form = page.locator('#edit');
    await form.getByLabel('Назва').fill('Ще одне');
    await form.getByLabel('Номер').fill('АВ0001АВ');
    await form.getByLabel('Місць', { exact: true }).fill('багато');
    await form.getByRole('button', { name: 'Створити' }).click();
    await expect.poll(() => status(page)).toBe('Поле «Місць»: потрібне число');
    expect((await listOf<Vehicle>('vehicles')).some((v) => v.plate === 'АВ0001АВ')).toBe(false);
  });

  it('creates a settlement with its coordinates, remote flag and starosta district, then edits it', async () => {
    const page = await registry('Населені пункти');
    await page.getByRole('button', { name: 'Додати: населений пункт' }).click();
    const form = page.locator('#edit');
    await form.getByLabel('Назва').fill('Кожухівка');
    await form.getByLabel('Тип').selectOption({ label: 'село' });
    await form.getByLabel('Старостинський округ').fill('Кожухівський');
    await form.getByLabel('Віддалене село').check();
    await form.getByLabel('широта').fill('49.61');
    await form.getByLabel('довгота').fill('27.85');
    await form.getByRole('button', { name: 'Створити' }).click();
    await expect.poll(() => status(page)).toBe('Створено');
    const created = (await listOf<Settlement>('settlements')).find((s) => s.name === 'Кожухівка')!;
    expect(created).toMatchObject({
      type: 'село',
      remote: true,
      starostaDistrict: 'Кожухівський',
      location: { lat: 49.61, lon: 27.85 },
    });

    await form.getByLabel('Старостинський округ').fill('');
    await form.getByLabel('Віддалене село').uncheck();
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expect.poll(() => status(page)).toBe('Збережено');
    const edited = await callApi<Settlement>('GET', `/hromady/${HROMADA}/settlements/${created.id}`);
    expect([edited.version, edited.remote, edited.starostaDistrict, edited.location]).toEqual([
      2,
      false,
      null,
      { lat: 49.61, lon: 27.85 },
    ]);
    await expectAccessible(page, 'a settlement edited');
    noScriptErrors(page);
  });

  it("changes the hromada's quiet hours, reminder time and SMS cap; an empty cap removes it", async () => {
    const page = await registry('Правила громади');
    const form = page.locator('#edit');
    await expect.poll(() => form.count()).toBe(1);
    const before = await callApi<Hromada>('GET', `/hromady/${HROMADA}`);
    await form.getByLabel('Тиша для SMS з').fill('22:00');
    await form.getByLabel('Час нагадування').fill('17:30');
    await form.getByLabel(/Витрати на SMS за місяць/).fill('25');
    await expectAccessible(page, "the hromada's rules");
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expect.poll(() => status(page)).toBe('Збережено');
    const after = await callApi<Hromada>('GET', `/hromady/${HROMADA}`);
    expect(after.rules).toEqual({
      ...before.rules,
      quietHours: { ...before.rules.quietHours, from: '22:00' },
      reminderTime: '17:30',
      monthlySmsSpendCapUsd: 25,
    });

    await form.getByLabel(/Витрати на SMS за місяць/).fill('');
    await form.getByRole('button', { name: 'Зберегти' }).click();
    await expect
      .poll(async () => (await callApi<Hromada>('GET', `/hromady/${HROMADA}`)).version)
      .toBe(after.version + 1);
    const cleared = await callApi<Hromada>('GET', `/hromady/${HROMADA}`);
    expect('monthlySmsSpendCapUsd' in cleared.rules).toBe(false);
    // back as the other files expect them
    await callApi('PATCH', `/hromady/${HROMADA}`, { version: cleared.version, rules: before.rules });
  });
});

describe('what each local role is offered (console/auth.js offersOf)', () => {
  it("a dispatcher edits the registries and plans, but sees the hromada's rules read-only", async () => {
    const page = await registry('Правила громади', 'dispatcher');
    const form = page.locator('#edit');
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.textContent()).toContain('Лише перегляд');
    expect(await form.getByRole('button', { name: 'Зберегти' }).count()).toBe(0);
    expect(await form.getByLabel('Поїздок на місяць').isDisabled()).toBe(true);
    await page.locator('#kind').selectOption({ label: 'Водії' });
    expect(await page.getByRole('button', { name: 'Додати: водій' }).count()).toBe(1);
    await page.getByRole('link', { name: 'День' }).click();
    expect(await page.getByRole('button', { name: 'Спланувати' }).count()).toBe(1);
    await expectAccessible(page, 'board as a dispatcher');
    noScriptErrors(page);
  });

  it('an admin is offered the rules to change', async () => {
    const page = await registry('Правила громади', 'admin');
    await expect.poll(() => page.locator('#edit').getByRole('button', { name: 'Зберегти' }).count()).toBe(1);
  });

  it('a brigade member is offered no planning and no registry editing', async () => {
    const { page } = await openConsole(browser, 'board', {
      prepare: (p) => p.addInitScript(() => localStorage.setItem('hromada.localRole', 'brigade')),
    });
    await page.waitForFunction(() => document.documentElement.dataset.role === 'brigade');
    expect(await page.getByRole('button', { name: 'Спланувати' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Надіслати водіям' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Довідники' }).click();
    expect(await page.locator('#new-item, #edit button[type="submit"]').count()).toBe(0);
    // the API refuses the brigade the hromada's registries: said in Ukrainian
    expect(await status(page)).toBe('Недостатньо прав для цієї дії');
  });
});

/** The first Monday–Friday on or after `date` (the demo fleet's shifts). */
function weekdayFrom(date: string): string {
  let d = date;
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

describe("a stop's outcome as the driver reported it by voice", () => {
  const day = weekdayFrom(addDays(inject('demoDay'), 28)); // no other file's day (they use +7…+25)

  it('records «погано» with a note (a follow-up for the social worker) and then «виконано»', async () => {
    const { items } = await callApi<{ items: { id: string }[] }>(
      'GET',
      `/hromady/${HROMADA}/callers?phone=0501110002`,
    );
    const ride = await callApi<Request>('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId: items[0]!.id,
      date: day,
      pickup: { home: true },
      dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5596, lon: 27.9575 } },
      requestedTime: { kind: 'pickup', time: '10:00' },
      purpose: 'medical',
    });
    const plan = await planThroughJob<{ version: number }>(HROMADA, day, { seconds: 1 });
    await callApi('POST', `/hromady/${HROMADA}/plans/${day}/publish`, { version: plan.version });
    const { page } = await openConsole(browser, 'board', { date: day });
    const stop = page.locator('#routes .stop', { hasText: 'посадка — Микола Іванович Ткач' });
    await expect.poll(() => stop.count()).toBe(1);
    await stop.focus();
    await page.keyboard.press('Enter');
    const actions = page.getByRole('group', { name: 'Дії із зупинкою' });
    await actions.getByLabel('Стан на місці').selectOption({ label: 'погано' });
    await actions.getByLabel('Примітка').fill('Скаржився на тиск');
    await expectAccessible(page, 'a stop with its outcomes');
    // by keyboard: Enter in the note sends the form
    await actions.getByLabel('Примітка').press('Enter');
    await expect
      .poll(() => status(page))
      .toBe('Записано стан: погано; соціальному працівнику відкрито завдання');
    const withWelfare = await callApi<Request>('GET', `/hromady/${HROMADA}/requests/${ride.id}`);
    expect(withWelfare.welfare).toMatchObject({
      outcome: 'unwell',
      note: 'Скаржився на тиск',
      by: 'dispatcher',
    });
    const followUps = await callApi<{ items: { id: string }[] }>(
      'GET',
      `/hromady/${HROMADA}/follow-ups?open=true`,
    );
    expect(followUps.items.map((f) => f.id)).toContain(withWelfare.welfare!.followUpId);
    // the stop stays chosen: what was recorded is shown in place of the form
    await expect.poll(() => actions.locator('p#welfare').count()).toBe(1);
    await expect
      .poll(() => actions.locator('p#welfare').textContent())
      .toBe('Стан на місці: погано (Скаржився на тиск)');
    await actions.getByRole('button', { name: 'Виконано' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('Позначено: виконано');
    expect((await callApi<Request>('GET', `/hromady/${HROMADA}/requests/${ride.id}`)).status).toBe('done');
    noScriptErrors(page);
  });
});

describe('the day on screen after a registry change', () => {
  const day = weekdayFrom(addDays(inject('demoDay'), 3)); // this test's own day (others: +7…+30)

  it('is read again after a vehicle is edited: the board shows the plan made meanwhile', async () => {
    const { items } = await callApi<{ items: { id: string }[] }>(
      'GET',
      `/hromady/${HROMADA}/callers?phone=0501110002`,
    );
    await callApi('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId: items[0]!.id,
      date: day,
      pickup: { home: true },
      dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5596, lon: 27.9575 } },
      requestedTime: { kind: 'pickup', time: '11:00' },
      purpose: 'medical',
    });
    const { page } = await openConsole(browser, 'board', { date: day });
    await expect.poll(() => page.locator('#plan-version').textContent()).toBe('— ще немає');
    // meanwhile the day is planned elsewhere (another dispatcher, or the job this page did not start)
    const plan = await planThroughJob<{ version: number }>(HROMADA, day, { seconds: 1 });
    const vehicle = (await listOf<Vehicle>('vehicles')).find((v) => v.active)!;
    try {
      await page.getByRole('link', { name: 'Довідники' }).click();
      await page.locator('#kind').selectOption({ label: 'Авто' });
      await page.getByRole('button', { name: `${vehicle.name} ${vehicle.plate}` }).click();
      const form = page.locator('#edit');
      await form.getByLabel('Назва').fill(`${vehicle.name} (ред.)`);
      await form.getByRole('button', { name: 'Зберегти' }).click();
      await expect.poll(() => status(page)).toBe('Збережено');
      await page.getByRole('link', { name: 'День', exact: true }).click();
      await expect
        .poll(() => page.locator('#plan-version').textContent())
        .toBe(`— версія ${plan.version}, чернетка`);
      await expect.poll(() => page.locator('#routes').textContent()).toContain(`${vehicle.name} (ред.)`);
      noScriptErrors(page);
    } finally {
      // the fleet as it was: the name back (other files name the cars)
      const now = await callApi<Vehicle>('GET', `/hromady/${HROMADA}/vehicles/${vehicle.id}`);
      await callApi('PATCH', `/hromady/${HROMADA}/vehicles/${vehicle.id}`, {
        version: now.version,
        name: vehicle.name,
      });
      await page.context().close();
    }
  });
});
