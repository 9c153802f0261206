import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, noScriptErrors, openConsole } from './support/console';
import { providerWithTurbivConsent } from './support/tours';

/**
 * A brigade's week is not uniform (console/tour-hours-fields.js): a regional centre of its own in
 * Вінницька громада, with Турбів's consent, plans a three-day tour where the first day starts late
 * (11:00, after the drive from the depot), the second is short (08:00–12:30) and the third is
 * dropped, each day in its own fieldset, by keyboard. The form refuses a day ending before it
 * starts, naming it; the planned tour shows each day's own hours and its stops within them, and
 * the afternoon visit of the short day left out. Its own days: demoDay + 91 … + 93.
 */
const D1 = addDays(inject('demoDay'), 91);
const D2 = addDays(D1, 1);
const D3 = addDays(D1, 2);
const PROVIDER = 'skhid-css';
const TURBIVSKA = 'turbivska';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  await providerWithTurbivConsent(
    { id: PROVIDER, name: 'Східний центр соціальних служб' },
    inject('demoDay'),
    addDays(D3, 30),
  );
  const settlement = (
    await callApi<{ items: { id: string }[] }>('GET', `/hromady/${TURBIVSKA}/settlements?limit=10`)
  ).items[0]!;
  const visit = (date: string, from: string, to: string, purpose: string) =>
    callApi('POST', `/hromady/${TURBIVSKA}/tour-visits`, {
      providerId: PROVIDER,
      settlementId: settlement.id,
      address: 'Турбів, вул. Друга, 2',
      date,
      from,
      to,
      durationMinutes: 40,
      confidential: false,
      purpose,
    });
  await visit(D1, '09:00', '15:00', 'ранковий візит першого дня');
  await visit(D2, '08:30', '11:00', 'ранковий візит короткого дня');
  await visit(D2, '13:00', '16:00', 'пообідній візит короткого дня');
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => () => page.locator('#status').textContent();
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe("a tour with each day's own hours, from the console", () => {
  it('a late first day, a short second, the third dropped: the tour keeps each day to its hours; axe passes', async () => {
    const { page } = await openConsole(browser, 'tours', {
      date: D1,
      provider: PROVIDER,
      prepare: (p) => p.addInitScript(() => localStorage.setItem('hromada.localRole', 'provider')),
    });
    const form = page.locator('#plan-tour');
    await form.waitFor();
    await form.getByLabel('З', { exact: true }).fill(D1);
    await form.getByLabel('по', { exact: true }).fill(D3);
    await form.getByLabel('Лише будні').uncheck();
    await form.getByLabel('Назва туру').fill('Нерівний тиждень');
    await form.getByLabel('Назва авто').fill('Бригада Сходу');
    const depot = form.getByRole('group', { name: /^База/ });
    await depot.getByLabel('Назва').fill('База Сходу');
    await depot.getByLabel('Населений пункт').selectOption({ label: 'Вінниця' });
    const night = form.getByRole('group', { name: 'Місце ночівлі 1' });
    await night.getByLabel('Назва').fill('Гостьова кімната Турбова');
    await night.getByLabel('Широта').fill('49,34');
    await night.getByLabel('Довгота').fill('28,72');

    // one fieldset per day of the period, its date in the legend, on the quick setting's hours
    const day = (date: string) => form.getByRole('group', { name: new RegExp(`\\(${date}\\)$`) });
    for (const d of [D1, D2, D3]) expect(await day(d).getByLabel('Початок').inputValue()).toBe('08:00');
    await day(D1).getByLabel('Початок').fill('11:00');
    // a short day typed the wrong way round first: refused, the day named, the field marked
    const end2 = day(D2).getByLabel('Кінець');
    await end2.fill('07:30');
    expect(await end2.getAttribute('aria-invalid')).toBe('true');
    expect(await day(D2).textContent()).toContain('Кінець має бути пізніше за початок');
    const submit = form.getByRole('button', { name: 'Спланувати перший тур' });
    await submit.click();
    await expect
      .poll(status(page))
      .toMatch(new RegExp(`^Робочий день .*\\(${D2}\\) має закінчуватися пізніше`));
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    // the keyboard is taken to the field to put right, not left on the button
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`tour-day-${D2}-end`);
    await end2.fill('12:30');
    expect(await end2.getAttribute('aria-invalid')).toBeNull();
    // the third day dropped from the keyboard
    await day(D3).getByLabel('Бригада працює цього дня').focus();
    await page.keyboard.press('Space');
    expect(await day(D3).getByLabel('Початок').isDisabled()).toBe(true);
    await expectAccessible(page, "the tour form with each day's own hours");

    await submit.click();
    await expect.poll(status(page), { timeout: 60_000 }).toBe('Тур сплановано');
    const tour = page.locator('section.tour');
    await expect.poll(() => tour.locator('#tour-title').textContent()).toBe('Тур: Нерівний тиждень');
    const days = tour.locator('#tour-days > li');
    expect(await days.count()).toBe(2);
    const hours = { [D1]: ['11:00', '18:00'], [D2]: ['08:00', '12:30'] };
    for (const [date, [start, end]] of Object.entries(hours)) {
      const shown = tour.locator(`#tour-days > li[data-date="${date}"]`);
      expect(await shown.textContent()).toContain(`робочі години ${start}–${end}`);
      const stops = await shown.locator('li.tour-stop').allTextContents();
      expect(stops.length, date).toBe(1);
      for (const stop of stops) {
        const [, from, to] = /^(\d\d:\d\d)–(\d\d:\d\d)/.exec(stop.trim())!;
        expect(minutes(from!)).toBeGreaterThanOrEqual(minutes(start!));
        expect(minutes(to!)).toBeLessThanOrEqual(minutes(end!));
      }
    }
    expect(await tour.locator(`li[data-date="${D2}"]`).textContent()).toContain(
      'ранковий візит короткого дня',
    );
    await expect
      .poll(() => tour.locator('#tour-unassigned').textContent())
      .toContain('пообідній візит короткого дня — не вміщується в робочий день туру');
    await expectAccessible(page, 'a tour planned with its days’ own hours');

    const { items } = await callApi<{ items: { days: { date: string; start: string; end: string }[] }[] }>(
      'GET',
      `/providers/${PROVIDER}/tours`,
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.days.map(({ date, start, end }) => ({ date, start, end }))).toEqual([
      { date: D1, start: '11:00', end: '18:00' },
      { date: D2, start: '08:00', end: '12:30' },
    ]);
    noScriptErrors(page);
    await page.context().close();
  });
});
