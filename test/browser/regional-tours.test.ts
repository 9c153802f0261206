import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch, screenshot } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';
import { addTourVisit, asRole, recordStatusChanges } from './support/tours';

/**
 * «Виїзні тури» against the local platform's demo (infra/local/demo-tours.ts: the oblast centre
 * `ocss` with agreements with Хмільницька, Глуховецька and Турбівська): a hromada's dispatcher
 * sees its agreements, books a confidential visit and later reads the tour with its own visit
 * masked and another hromada's stop as «візит в іншій громаді»; the provider's user plans a tour
 * over a period, whichever answer the API gives (201 with the tour, or 202 with a job, stubbed
 * here as the other engineer's job would answer), and reads it day by day with the visits left
 * out and their reasons. Its own days (demoDay + 42 and + 43: no other file's, and between the
 * demo's tour weeks); no fleet is touched.
 */
const D1 = addDays(inject('demoDay'), 42);
const D2 = addDays(D1, 1);
const PROVIDER = 'ocss';
const TURBIVSKA = 'turbivska';
const RESIDENT = 'Микола Іванович Ткач';
const PURPOSE = 'оцінка потреб браузер';

interface Visit {
  id: string;
  hromadaId: string;
  date: string;
  planned?: { tourId: string; date: string; arrival: string; departure: string };
}
interface Tour {
  id: string;
  name: string;
  days: { date: string; stops: unknown[] }[];
  unassigned: { visitId: string; reason: string }[];
}

let browser: Browser;
/** The tour the provider planned through the console (test 2), read by the tests after it. */
let plannedTourId = '';
beforeAll(async () => {
  browser = await launch();
  // another hromada's visit on the first day, and one of this hromada's no working day can take
  await addTourVisit(TURBIVSKA, undefined, {
    providerId: PROVIDER,
    address: 'Турбів, вул. Чужа, 1',
    date: D1,
    from: '12:00',
    to: '16:00',
    durationMinutes: 45,
    purpose: 'чужа мета',
  });
  await addTourVisit(HROMADA, 'Хмільник', {
    providerId: PROVIDER,
    address: 'Хмільник, вул. Пізня, 9',
    date: D2,
    from: '20:00',
    to: '21:30',
    durationMinutes: 30,
    confidential: false,
    purpose: 'вечірній візит',
  });
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => () => page.locator('#status').textContent();

/** The provider's user on «Виїзні тури». */
async function providerConsole(prepare?: (page: Page) => Promise<unknown>) {
  return openConsole(browser, 'tours', {
    date: D1,
    prepare: async (p) => {
      await asRole('provider')(p);
      await prepare?.(p);
    },
  });
}

describe('«Виїзні тури» for a hromada and for the regional provider', () => {
  it("a hromada's dispatcher sees its agreements and books a confidential visit by keyboard; axe passes", async () => {
    const { page } = await openConsole(browser, 'tours', { date: D1, prepare: asRole('dispatcher') });
    const agreements = page.locator('#agreements');
    // the provider by its name, not its code
    await expect.poll(() => agreements.textContent()).toContain('Обласний центр соціальних служб');
    expect(await agreements.textContent()).not.toContain(`${PROVIDER} `);
    expect(await agreements.textContent()).toContain('Міський голова Хмільника');
    await expectAccessible(page, 'the tours view of a hromada');

    const form = page.locator('#tour-visit-form');
    await form
      .getByRole('combobox', { name: 'Надавач' })
      .selectOption({ label: 'Обласний центр соціальних служб' });
    expect(await form.getByRole('radio', { name: /^Населений пункт/ }).count()).toBe(1);
    await form.getByRole('combobox', { name: /^Мешканець/ }).selectOption({ label: RESIDENT });
    await form.getByLabel('Дата').fill(D1);
    await form.getByLabel('Вікно з').fill('09:00');
    await form.getByLabel('до', { exact: true }).fill('12:00');
    await form.getByLabel('Тривалість, хв').fill('45');
    expect(await form.getByLabel(/Конфіденційно/).isChecked()).toBe(true);
    await form.getByLabel('Мета (коротко)').fill(PURPOSE);
    await form.getByLabel('Мета (коротко)').press('Enter');
    await expect.poll(status(page)).toMatch(/^Візит записано: .*Великий Митник/);

    const { items } = await callApi<{ items: (Visit & { confidential: boolean; purpose: string })[] }>(
      'GET',
      `/hromady/${HROMADA}/tour-visits?from=${D1}&to=${D1}`,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ confidential: true, purpose: PURPOSE, from: '09:00', to: '12:00' });
    // the list shows it, not yet on a tour, and never its purpose to a dispatcher
    const row = page.locator(`#tour-visits tr[data-visit="${items[0]!.id}"]`);
    await expect.poll(() => row.textContent()).toContain('ще не в турі');
    expect(await page.locator('#tour-visits').textContent()).not.toContain(PURPOSE);
    await expectAccessible(page, 'the tours view with a booked visit');
    noScriptErrors(page);
    await page.context().close();
  });

  it('the provider plans a tour over a period (201 or 202, whichever the API gives) and reads it day by day', async () => {
    const answers: number[] = [];
    const { page, calls } = await providerConsole();
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === `/providers/${PROVIDER}/tours`)
        answers.push(r.status());
    });
    // only the provider's own routes: no hromada's registry or day is read
    expect(calls.filter((c) => c.includes('/hromady/'))).toEqual([]);
    expect(await page.locator('#day').count()).toBe(0);
    const tours = page.locator('#tours');
    await expect.poll(() => tours.locator('li').count()).toBeGreaterThan(0);
    await expectAccessible(page, "the provider's tours");

    const form = page.locator('#plan-tour');
    await form.getByLabel('З', { exact: true }).fill(D1);
    await form.getByLabel('по', { exact: true }).fill(D2);
    await form.getByLabel('Лише будні').uncheck();
    await form.getByLabel('Назва туру').fill('Тур браузерного тесту');
    await form.getByLabel('Назва туру').press('Enter');
    await expect.poll(status(page), { timeout: 60_000 }).toBe('Тур сплановано');
    expect([201, 202]).toContain(answers[0]);

    const tour = page.locator('section.tour');
    await expect.poll(() => tour.locator('#tour-title').textContent()).toBe('Тур: Тур браузерного тесту');
    // the heading takes the focus: the keyboard goes on from the tour
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tour-title');
    const days = tour.locator('#tour-days > li');
    expect(await days.count()).toBe(2);
    const first = (await days.nth(0).textContent())!;
    expect(first).toMatch(/база: .* → /);
    expect(first).toContain('Ночівля:');
    // the provider reads every visit in clear: this hromada's confidential one, and Турбів's
    expect(first).toContain(RESIDENT);
    expect(first).toContain(PURPOSE);
    expect(first).toContain('чужа мета');
    expect(first).toMatch(/\d\d:\d\d–\d\d:\d\d: Великий Митник/);
    expect(await days.nth(1).textContent()).toContain('Повернення на базу');
    await expect
      .poll(() => tour.locator('#tour-unassigned').textContent())
      .toContain('вечірній візит — не вміщується в робочий день туру');
    await expectAccessible(page, 'a planned tour, for its provider');
    await screenshot(page, 'tour-provider');

    const { items } = await callApi<{ items: Tour[] }>('GET', `/providers/${PROVIDER}/tours`);
    const saved = items.find((t) => t.name === 'Тур браузерного тесту')!;
    expect(saved.days.map((d) => d.date)).toEqual([D1, D2]);
    expect(saved.unassigned).toHaveLength(1);
    plannedTourId = saved.id;
    noScriptErrors(page);
    await page.context().close();
  });

  it('a 202 with a job: polled at its Location with its progress shown, then the tour it names opens', async () => {
    let polls = 0;
    const { page } = await providerConsole(async (p) => {
      await p.route(`**/providers/${PROVIDER}/tours`, (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 202,
              headers: {
                'content-type': 'application/json',
                location: `/providers/${PROVIDER}/tour-jobs/j1`,
              },
              body: JSON.stringify({ id: 'j1', state: 'queued', seconds: 5 }),
            })
          : route.fallback(),
      );
      await p.route(`**/providers/${PROVIDER}/tour-jobs/j1`, (route) => {
        polls++;
        const job =
          polls < 3
            ? { id: 'j1', state: 'running', seconds: 5, progress: { elapsedMs: polls * 1000, unassigned: 1 } }
            : { id: 'j1', state: 'done', tourId: plannedTourId };
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(job) });
      });
    });
    const seen = await recordStatusChanges(page);
    await page.locator('#tours li').first().waitFor();
    const form = page.locator('#plan-tour');
    await form.getByLabel('З', { exact: true }).fill(D1);
    await form.getByLabel('по', { exact: true }).fill(D2);
    await form.getByRole('button', { name: 'Спланувати тур' }).click();
    await expect.poll(status(page), { timeout: 30_000 }).toBe('Тур сплановано');
    expect(polls).toBe(3);
    // the live status line hears the state, not each poll's progress (a <progress> shows that)
    expect(seen.filter((t) => t.includes(' с з '))).toEqual([]);
    await expect.poll(() => page.locator('#tour-title').textContent()).toBe('Тур: Тур браузерного тесту');
    noScriptErrors(page);
    await page.context().close();
  });

  it('a failed job shows its reason in Ukrainian, and no tour opens', async () => {
    const { page } = await providerConsole(async (p) => {
      await p.route(`**/providers/${PROVIDER}/tours`, (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 202,
              contentType: 'application/json',
              // no Location: the job's own URL is polled
              body: JSON.stringify({
                id: 'j2',
                state: 'running',
                url: `/providers/${PROVIDER}/tour-jobs/j2`,
              }),
            })
          : route.fallback(),
      );
      await p.route(`**/providers/${PROVIDER}/tour-jobs/j2`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            id: 'j2',
            state: 'failed',
            error: { code: 'tour-no-visits', reason: 'у цьому періоді немає візитів' },
          }),
        }),
      );
    });
    await page.locator('#tours li').first().waitFor();
    await page.locator('#plan-tour').getByRole('button', { name: 'Спланувати тур' }).click();
    await expect
      .poll(status(page), { timeout: 30_000 })
      .toBe('Тур не сплановано: у цьому періоді немає візитів');
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    expect(await page.locator('section.tour').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Спланувати тур' }).isEnabled()).toBe(true);
    noScriptErrors(page);
    await page.context().close();
  });

  it("the hromada reads the tour: its own visit masked, another hromada's stop as «візит в іншій громаді»; axe passes", async () => {
    const { page } = await openConsole(browser, 'tours', { date: D1, prepare: asRole('dispatcher') });
    const form = page.locator('#visits-period');
    await form.getByLabel('З', { exact: true }).fill(D1);
    await form.getByLabel('по', { exact: true }).fill(D2);
    await form.getByRole('button', { name: 'Показати візити' }).click();
    const open = page.getByRole('button', { name: new RegExp(`^Відкрити тур візиту ${D1}`) });
    await expect.poll(() => open.count()).toBe(1);
    await open.focus();
    await page.keyboard.press('Enter');
    const tour = page.locator('section.tour');
    await expect.poll(() => tour.locator('#tour-title').textContent()).toBe('Тур: Тур браузерного тесту');
    const first = (await tour.locator('#tour-days > li').first().textContent())!;
    expect(first).toContain('Великий Митник, конфіденційно');
    expect(first).toContain('візит в іншій громаді');
    // nothing of the confidential visit beyond when and where, and nothing of Турбів's visit
    const text = `${await tour.textContent()} ${await page.locator('#tour-visits').textContent()}`;
    for (const hidden of [PURPOSE, RESIDENT, 'вул. Миру', 'чужа мета', 'вул. Чужа'])
      expect(text, hidden).not.toContain(hidden);
    // this hromada's own visit left out, with its reason (not another hromada's)
    expect(await tour.locator('#tour-unassigned').textContent()).toContain(
      'не вміщується в робочий день туру',
    );
    await expectAccessible(page, "a tour as a hromada's dispatcher reads it");
    await screenshot(page, 'tour-hromada');
    await tour.getByRole('button', { name: 'Закрити тур' }).click();
    expect(await tour.count()).toBe(0);
    // the focus is back on the button that opened the tour
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      new RegExp(`^Відкрити тур візиту ${D1}`),
    );
    noScriptErrors(page);
    await page.context().close();
  });
});
