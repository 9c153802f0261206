import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, noScriptErrors, openConsole } from './support/console';
import { asRole, recordStatusChanges } from './support/tours';

/**
 * The provider's tour planning job followed from the console (console/tour-plan.js): a job lost
 * from sight (the connection gone while polling) is kept, also across a reload, and «Перевірити
 * планування» follows the same job — no second POST, so no second tour for the same vehicle and
 * dates; the status line (a live region) says only the job's state changes while a labelled
 * `<progress>` shows its progress; «Закрити тур» gives the focus back to «Відкрити». The API's
 * job is stubbed; its days (demoDay + 63 and + 64) are no other file's, and nothing is written.
 */
const D1 = addDays(inject('demoDay'), 63);
const D2 = addDays(D1, 1);
const PROVIDER = 'ocss';

let browser: Browser;
/** A tour the demo planned: the stubbed job names it. */
let demoTour: { id: string; name: string };
beforeAll(async () => {
  browser = await launch();
  demoTour = (await callApi<{ items: { id: string; name: string }[] }>('GET', `/providers/${PROVIDER}/tours`))
    .items[0]!;
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => () => page.locator('#status').textContent();

/** The provider's console with the planning POST answered 202 and its job answered by `job`. */
async function withJob(job: (poll: number) => { abort: true } | Record<string, unknown>) {
  const posts: string[] = [];
  let polls = 0;
  const opened = await openConsole(browser, 'tours', {
    date: D1,
    prepare: async (p) => {
      await asRole('provider')(p);
      await p.route(`**/providers/${PROVIDER}/tours`, (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        posts.push(route.request().headers()['idempotency-key'] ?? '');
        return route.fulfill({
          status: 202,
          headers: { 'content-type': 'application/json', location: `/providers/${PROVIDER}/tour-jobs/j63` },
          body: JSON.stringify({ id: 'j63', state: 'queued', seconds: 5 }),
        });
      });
      await p.route(`**/providers/${PROVIDER}/tour-jobs/j63`, (route) => {
        const answer = job(++polls);
        if ('abort' in answer) return route.abort('internetdisconnected');
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
      });
    },
  });
  return { ...opened, posts };
}

async function submitPlan(page: Page) {
  await page.locator('#tours li').first().waitFor();
  const form = page.locator('#plan-tour');
  await form.getByLabel('З', { exact: true }).fill(D1);
  await form.getByLabel('по', { exact: true }).fill(D2);
  await form.getByLabel('Лише будні').uncheck();
  await form.getByRole('button', { name: 'Спланувати тур' }).click();
}

describe('a tour job followed to its end from the console', () => {
  it('the connection lost while polling: the job is kept across a reload and checked again, never planned twice; axe passes', async () => {
    let online = false;
    const { page, posts } = await withJob(() =>
      online ? { id: 'j63', state: 'done', tourId: demoTour.id } : { abort: true },
    );
    await submitPlan(page);
    await expect.poll(status(page), { timeout: 30_000 }).toContain('Перевірити планування');
    const check = page.getByRole('button', { name: 'Перевірити планування' });
    expect(await check.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Спланувати тур' }).count()).toBe(0);
    await expectAccessible(page, 'a tour job to check again');

    // a reload keeps the job: still no new plan offered, only the check
    await page.reload();
    await check.waitFor();
    expect(await page.getByRole('button', { name: 'Спланувати тур' }).count()).toBe(0);

    online = true;
    await check.click();
    await expect.poll(status(page), { timeout: 30_000 }).toBe('Тур сплановано');
    await expect.poll(() => page.locator('#tour-title').textContent()).toBe(`Тур: ${demoTour.name}`);
    expect(posts).toHaveLength(1);
    // resolved: a new plan is offered again, and nothing is kept
    expect(await page.getByRole('button', { name: 'Спланувати тур' }).isVisible()).toBe(true);
    expect(await check.count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    noScriptErrors(page);
    await page.context().close();
  });

  it('the status line says the job state once per change; the progress is a labelled <progress>; axe passes', async () => {
    let finish = false;
    const { page } = await withJob((poll) =>
      finish
        ? { id: 'j63', state: 'done', tourId: demoTour.id }
        : { id: 'j63', state: 'running', seconds: 5, progress: { elapsedMs: poll * 1000, unassigned: 1 } },
    );
    const seen = await recordStatusChanges(page);
    await submitPlan(page);
    const bar = page.getByRole('progressbar', { name: 'Хід планування туру' });
    await expect.poll(() => bar.getAttribute('value'), { timeout: 30_000 }).toBe('3');
    expect(await bar.getAttribute('max')).toBe('5');
    expect(await page.locator('#tour-progress-words').textContent()).toContain('3 с з 5, поза туром 1');
    // the progress text is outside any live region
    expect(
      await page.locator('#tour-progress-words').evaluate((n) => n.closest('[aria-live],[role="status"]')),
    ).toBeNull();
    await expectAccessible(page, 'a tour job in progress');
    finish = true;
    await expect.poll(status(page), { timeout: 30_000 }).toBe('Тур сплановано');
    const changes = seen.filter((t, i) => t !== seen[i - 1]);
    // sent, queued (the 202), running (three polls: said once), done
    expect(changes.filter((t) => t !== '')).toEqual([
      'Планую тур…',
      'Тур у черзі на планування…',
      'Планую тур…',
      'Тур сплановано',
    ]);
    expect(await bar.count()).toBe(0);
    noScriptErrors(page);
    await page.context().close();
  });

  it('«Закрити тур» gives the focus back to the «Відкрити» button that opened it', async () => {
    const { page } = await withJob(() => ({ id: 'j63', state: 'done', tourId: demoTour.id }));
    const open = page.getByRole('button', { name: `Відкрити тур «${demoTour.name}»` });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tour-title');
    await page.getByRole('button', { name: 'Закрити тур' }).click();
    expect(await page.locator('section.tour').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Відкрити тур «${demoTour.name}»`,
    );
    noScriptErrors(page);
    await page.context().close();
  });
});
