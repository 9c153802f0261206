import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, noScriptErrors, openConsole } from './support/console';
import { addTourVisit, asRole, providerWithTurbivConsent } from './support/tours';

/**
 * A provider's first tour, planned from the console (docs/services/regional-tours.md): a new
 * regional centre registered in Вінницька громада with Турбів's consent and one visit there has
 * no tour to copy a vehicle, a depot or nights from. Its user fills them in (the depot at a
 * settlement of the service area, a night at typed coordinates), the form refuses what the API
 * would in Ukrainian first, and the planned tour opens. Its own days: demoDay + 49 and + 50.
 */
const D1 = addDays(inject('demoDay'), 49);
const D2 = addDays(D1, 1);
const PROVIDER = 'pivden-css';
const HOME = 'vinnytska';
const TURBIVSKA = 'turbivska';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await providerWithTurbivConsent(
    { id: PROVIDER, name: 'Південний центр соціальних служб' },
    inject('demoDay'),
    addDays(D2, 30),
  );
  await addTourVisit(TURBIVSKA, undefined, {
    providerId: PROVIDER,
    address: 'Турбів, вул. Перша, 1',
    date: D1,
    from: '10:00',
    to: '15:00',
    durationMinutes: 40,
    confidential: false,
    purpose: 'перший візит центру',
  });
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => () => page.locator('#status').textContent();

describe("a provider's first tour from the console", () => {
  it('the user sets the vehicle, the depot and a night, is told in Ukrainian what is missing, and the tour opens; axe passes', async () => {
    const { page } = await openConsole(browser, 'tours', {
      date: D1,
      provider: PROVIDER,
      prepare: asRole('provider'),
    });
    await expect.poll(() => page.locator('#no-tours').count()).toBe(1);
    const form = page.locator('#plan-tour');
    await form.waitFor();
    expect(await form.locator('#plan-tour-title').textContent()).toBe('Спланувати перший тур');
    expect(await form.textContent()).toContain('Це перший тур центру');
    await expectAccessible(page, "a provider's first tour form");

    const submit = form.getByRole('button', { name: 'Спланувати перший тур' });
    await form.getByLabel('З', { exact: true }).fill(D1);
    await form.getByLabel('по', { exact: true }).fill(D2);
    await form.getByLabel('Лише будні').uncheck();
    await form.getByLabel('Назва туру').fill('Перший тур Півдня');
    // nothing filled in yet: the vehicle first
    await submit.click();
    await expect.poll(status(page)).toMatch(/^Вкажіть авто туру/);
    await form.getByLabel('Назва авто').fill('Бригада Півдня');
    await form.getByLabel(/^Номер/).fill('АВ 1234 ВС');
    // the depot has a name but no point
    const depot = form.getByRole('group', { name: /^База/ });
    await depot.getByLabel('Назва').fill('База центру');
    await submit.click();
    await expect
      .poll(status(page))
      .toBe('Вкажіть точку бази: оберіть населений пункт або введіть координати');
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    await depot.getByLabel('Населений пункт').selectOption({ label: 'Вінниця' });
    expect(await depot.getByLabel('Широта').inputValue()).toMatch(/^49\.2/);
    expect(await depot.getByLabel('Назва').inputValue()).toBe('База центру');
    // a two-day tour without a night
    await form.getByRole('button', { name: 'Прибрати: Місце ночівлі 1' }).click();
    await submit.click();
    await expect.poll(status(page)).toBe('Тур на кілька днів потребує хоча б одного місця ночівлі');
    // hours ending before they start
    await form.getByRole('button', { name: 'Додати місце ночівлі' }).click();
    await form.getByLabel('Робочий день з').fill('18:00');
    await form.getByLabel('до', { exact: true }).fill('08:00');
    await submit.click();
    await expect.poll(status(page)).toBe('Робочий день має закінчуватися пізніше, ніж починається');
    await form.getByLabel('Робочий день з').fill('08:00');
    await form.getByLabel('до', { exact: true }).fill('18:00');
    // a night at typed coordinates: out of Ukraine first
    const night = form.getByRole('group', { name: 'Місце ночівлі 1' });
    await night.getByLabel('Назва').fill('Гостьова кімната Турбова');
    await night.getByLabel('Широта').fill('49,34');
    await night.getByLabel('Довгота').fill('95');
    await submit.click();
    await expect
      .poll(status(page))
      .toBe('Довгота місця ночівлі «Гостьова кімната Турбова» має бути від 22 до 41 (Україна)');
    await night.getByLabel('Довгота').fill('28,72');
    await expectAccessible(page, 'the first tour form filled in');
    await submit.click();
    await expect.poll(status(page), { timeout: 60_000 }).toBe('Тур сплановано');

    const tour = page.locator('section.tour');
    await expect.poll(() => tour.locator('#tour-title').textContent()).toBe('Тур: Перший тур Півдня');
    const days = tour.locator('#tour-days > li');
    expect(await days.count()).toBe(2);
    const first = (await days.nth(0).textContent())!;
    expect(first).toContain('база: База центру →');
    expect(first).toContain('Гостьова кімната Турбова');
    expect(first).toContain('перший візит центру');
    expect(await page.locator('#tours li').count()).toBe(1);

    const { items } = await callApi<{
      items: {
        name: string;
        hromadaId: string;
        vehicle: unknown;
        overnightPlaces: { location: unknown }[];
      }[];
    }>('GET', `/providers/${PROVIDER}/tours`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: 'Перший тур Півдня',
      hromadaId: HOME,
      vehicle: { name: 'Бригада Півдня', plate: 'АВ 1234 ВС' },
      overnightPlaces: [{ location: { lat: 49.34, lon: 28.72 } }],
    });
    noScriptErrors(page);
    await page.context().close();
  });
  it("then the form starts from that tour, and the API's 400 is shown in Ukrainian with the fields named", async () => {
    const { page } = await openConsole(browser, 'tours', {
      date: D1,
      provider: PROVIDER,
      prepare: async (p) => {
        await asRole('provider')(p);
        await p.route(`**/providers/${PROVIDER}/tours`, (route) =>
          route.request().method() === 'POST'
            ? route.fulfill({
                status: 400,
                contentType: 'application/json',
                body: JSON.stringify({
                  error: {
                    code: 'validation',
                    message: 'invalid tour',
                    issues: [
                      { path: 'overnightPlaces.0.location.lat', message: 'Too big' },
                      { path: 'days.1.end', message: 'the working day must end after it starts' },
                    ],
                  },
                }),
              })
            : route.fallback(),
        );
      },
    });
    const form = page.locator('#plan-tour');
    await expect.poll(() => form.locator('#plan-tour-title').textContent()).toBe('Спланувати тур');
    expect(await form.getByLabel('Назва авто').inputValue()).toBe('Бригада Півдня');
    const depot = form.getByRole('group', { name: /^База/ });
    expect(await depot.getByLabel('Назва').inputValue()).toBe('База центру');
    expect(await form.getByRole('group', { name: 'Місце ночівлі 1' }).getByLabel('Назва').inputValue()).toBe(
      'Гостьова кімната Турбова',
    );
    await form.getByLabel('З', { exact: true }).fill(D1);
    await form.getByLabel('по', { exact: true }).fill(D2);
    await form.getByLabel('Лише будні').uncheck();
    await form.getByRole('button', { name: 'Спланувати тур' }).click();
    await expect.poll(status(page)).toBe('Перевірте дані форми: точка місця ночівлі, години робочого дня');
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    await expectAccessible(page, 'the tour form after a refusal');
    noScriptErrors(page);
    await page.context().close();
  });
});
