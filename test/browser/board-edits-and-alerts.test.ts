import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole, planThroughJob } from './support/console';

/**
 * The day board's edits and the alerts panel against the real local platform: a day of its own
 * (a weekday within the booking horizon, after the days other files use), rides booked for three
 * demo residents and for one registered here, whose next trip is that day (so that a НІ cancels it).
 */
interface Stop {
  requestId: string;
  kind: string;
  locked: boolean;
}
interface Plan {
  version: number;
  status: string;
  routes: { vehicleId: string; inService: boolean; stops: Stop[] }[];
  unassigned: { requestId: string; reason: string }[];
}
interface Resident {
  id: string;
  name: string;
  phone: string | null;
  address: string;
  location: unknown;
  settlementId: string;
}
interface Alert {
  id: string;
  kind: string;
  text: string;
  requestId?: string;
  handled: boolean;
  note?: string;
}

/** The first Monday–Friday on or after `date` (the demo fleet's shifts). */
function weekdayFrom(date: string): string {
  let d = date;
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

const day = weekdayFrom(addDays(inject('demoDay'), 23));
const path = `/hromady/${HROMADA}/plans/${day}`;
const planNow = () => callApi<Plan>('GET', path);
const vehicleOf = (plan: Plan, requestId: string) =>
  plan.routes.find((r) => r.stops.some((s) => s.requestId === requestId))?.vehicleId;

let browser: Browser;
/** The rides of the day by the rider's name. */
const rides = new Map<string, string>();
/** The demo resident who replies НІ. */
let replier: Resident;

async function book(resident: Resident, time: string) {
  const r = await callApi<{ id: string }>('POST', `/hromady/${HROMADA}/requests`, {
    serviceType: 'social-taxi',
    residentId: resident.id,
    date: day,
    pickup: { home: true },
    dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5596, lon: 27.9575 } },
    requestedTime: { kind: 'pickup', time },
    purpose: 'medical',
  });
  rides.set(resident.name, r.id);
}

/** A resident registered for this file: no other trip, so the day's ride is their next trip. */
async function newResident(): Promise<Resident> {
  const { items } = await callApi<{ items: Resident[] }>(
    'GET',
    `/hromady/${HROMADA}/callers?phone=0501110002`,
  );
  const neighbour = items[0]!;
  return callApi<Resident>('POST', `/hromady/${HROMADA}/residents`, {
    name: 'Галина Остапівна Лисенко',
    phone: '+380671119901',
    settlementId: neighbour.settlementId,
    address: neighbour.address.replace(/, .*$/, ', вул. Лісова, 8'),
    location: neighbour.location,
    mobility: { wheelchair: false, needsRamp: false, escort: false },
    smsConsent: true,
    categories: ['aged-80-plus'],
  });
}

beforeAll(async () => {
  browser = await launch();
  for (const [phone, time] of [
    // hours apart, so that either car can take any of them
    ['0671110001', '09:00'], // Ганна Петрівна Шевчук, a wheelchair: only the car with a ramp
    ['0501110002', '13:00'], // Микола Іванович Ткач, walks
    ['0961110003', '15:00'], // Олена Степанівна Кравець, with an escort
  ] as const) {
    const { items } = await callApi<{ items: Resident[] }>(
      'GET',
      `/hromady/${HROMADA}/callers?phone=${phone}`,
    );
    await book(items[0]!, time);
  }
  replier = await newResident();
  await book(replier, '11:00');
  // planning is a background job: poll it to its end (as the console does)
  await planThroughJob(HROMADA, day, { seconds: 1 });
});
afterAll(async () => {
  await browser?.close();
});

/** The stop of a rider on the board, chosen by keyboard: its actions. */
async function chooseStopOf(page: Page, name: string) {
  const stop = page.locator('#routes .stop', { hasText: name }).first();
  await stop.focus();
  await page.keyboard.press('Enter');
  return page.getByRole('group', { name: 'Дії із зупинкою' });
}
const row = (page: Page, vehicleId: string) => page.locator(`#routes > li[data-vehicle="${vehicleId}"]`);
const status = (page: Page) => page.locator('#status').textContent();

describe('the day board and the alerts panel on the local platform', () => {
  it('moves a request to another car by keyboard and back by dragging; the plan the API keeps follows', async () => {
    const { page } = await openConsole(browser, 'board', { date: day });
    const requestId = rides.get('Микола Іванович Ткач')!;
    const from = vehicleOf(await planNow(), requestId)!;
    const to = from === 'taxi-1' ? 'taxi-2' : 'taxi-1';

    await chooseStopOf(page, 'Микола Іванович Ткач');
    const moveHere = row(page, to).getByRole('button', { name: 'Перемістити сюди' });
    await moveHere.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toMatch(/^Перенесено: Соцтаксі/);
    expect(vehicleOf(await planNow(), requestId)).toBe(to);
    await expect.poll(() => row(page, to).textContent()).toContain('Микола Іванович Ткач');
    // the board re-reads the day after a move: drag only once it has (a re-render mid-drag drops
    // it), with both rows on screen (a page scrolled in the middle of an HTML drag loses the drop)
    await page.waitForLoadState('networkidle');
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.evaluate(() => window.scrollTo(0, 0));

    await row(page, to).locator('.stop', { hasText: 'Микола Іванович Ткач' }).first().dragTo(row(page, from));
    await expect.poll(async () => vehicleOf(await planNow(), requestId)).toBe(from);
    await expect.poll(() => row(page, from).textContent()).toContain('Микола Іванович Ткач');
    await expectAccessible(page, 'board after a move');
    noScriptErrors(page);
  });

  it("shows the checker's Ukrainian reason when a wheelchair ride is moved to a car without a ramp; nothing changes", async () => {
    const { page } = await openConsole(browser, 'board', { date: day });
    const before = await planNow();
    const requestId = rides.get('Ганна Петрівна Шевчук')!;
    expect(vehicleOf(before, requestId)).toBe('taxi-1');
    await chooseStopOf(page, 'Ганна Петрівна Шевчук');
    await row(page, 'taxi-2').getByRole('button', { name: 'Перемістити сюди' }).click();
    await expect.poll(() => status(page)).toContain('не має пандуса для візка');
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    const after = await planNow();
    expect([after.version, vehicleOf(after, requestId)]).toEqual([before.version, 'taxi-1']);
  });

  it('a request locked to its car stays there, locked, when the day is planned again', async () => {
    const { page } = await openConsole(browser, 'board', { date: day });
    const requestId = rides.get('Микола Іванович Ткач')!;
    const other = vehicleOf(await planNow(), requestId) === 'taxi-1' ? 'taxi-2' : 'taxi-1';
    await chooseStopOf(page, 'Микола Іванович Ткач');
    await row(page, other).getByRole('button', { name: 'Перемістити сюди' }).click();
    await expect.poll(() => status(page)).toMatch(/^Перенесено/);
    const actions = await chooseStopOf(page, 'Микола Іванович Ткач');
    await actions.getByRole('button', { name: 'Закріпити' }).click();
    await expect.poll(() => status(page)).toBe('Закріплено');
    await expect.poll(() => row(page, other).locator('.stop.locked').count()).toBe(2);

    const version = (await planNow()).version;
    await page.getByRole('button', { name: 'Спланувати' }).click();
    await expect.poll(() => status(page)).toMatch(/^План готовий/);
    const replanned = await planNow();
    expect(replanned.version).toBeGreaterThan(version);
    const stops = replanned.routes.flatMap((r) =>
      r.stops.filter((s) => s.requestId === requestId).map((s) => [r.vehicleId, s.locked]),
    );
    expect(stops).toEqual([
      [other, true],
      [other, true],
    ]);
    await expect.poll(() => row(page, other).locator('.stop.locked').count()).toBe(2);
    noScriptErrors(page);
  });

  it('a car taken out of service is left out when the day is planned again, until it is back', async () => {
    const { page } = await openConsole(browser, 'board', { date: day });
    // Микола stays locked to his car: unlock him so that the car can go empty
    const actions = await chooseStopOf(page, 'Микола Іванович Ткач');
    await actions.getByRole('button', { name: 'Відкріпити' }).click();
    await expect.poll(() => status(page)).toBe('Відкріплено');

    await row(page, 'taxi-2').getByRole('button', { name: 'Вивести зі служби' }).click();
    await expect.poll(() => status(page)).toBe('Авто виведено зі служби');
    await expect.poll(() => row(page, 'taxi-2').textContent()).toContain('поза службою');
    await page.getByRole('button', { name: 'Спланувати' }).click();
    await expect.poll(() => status(page)).toMatch(/^План готовий/);
    const replanned = await planNow();
    const taxi2 = replanned.routes.find((r) => r.vehicleId === 'taxi-2');
    expect([taxi2?.inService, taxi2?.stops.length]).toEqual([false, 0]);
    expect(replanned.routes.some((r) => r.vehicleId === 'taxi-1' && r.stops.length > 0)).toBe(true);
    await expect.poll(() => row(page, 'taxi-2').locator('.stop').count()).toBe(0);
    await expectAccessible(page, 'board with a car out of service');

    await row(page, 'taxi-2').getByRole('button', { name: 'Повернути в службу' }).click();
    await expect.poll(() => status(page)).toBe('Авто повернуто в службу');
    // back in the pool: an empty route in service is not kept in the plan
    expect((await planNow()).routes.find((r) => r.vehicleId === 'taxi-2')?.inService).not.toBe(false);
    await expect.poll(() => row(page, 'taxi-2').textContent()).not.toContain('поза службою');
    noScriptErrors(page);
  });

  it("a change made meanwhile by someone else is refused as someone else's change", async () => {
    const { page } = await openConsole(browser, 'board', { date: day });
    const plan = await planNow();
    const actions = await chooseStopOf(page, 'Олена Степанівна Кравець');
    // another dispatcher locks a stop meanwhile: the page still holds the version before it
    const other = plan.routes.flatMap((r) => r.stops)[0]!.requestId;
    await callApi('POST', `${path}/locks`, { version: plan.version, requestId: other, locked: true });
    await actions.getByRole('button', { name: 'Зняти з маршруту' }).click();
    await expect.poll(() => status(page)).toBe('Хтось інший змінив це. Перезавантажте й повторіть');
    expect((await planNow()).version).toBe(plan.version + 1);
  });

  it("a resident's НІ after the routes were sent arrives as an alert, handled with a note", async () => {
    const { page } = await openConsole(browser, 'board', { date: day });
    await page.getByRole('button', { name: 'Надіслати водіям' }).click();
    await expect.poll(() => status(page)).toMatch(/^Надіслано водіям: \d+ SMS/);
    await callApi('POST', '/_local/inbound-sms', { from: replier.phone, text: 'НІ' });

    await page.getByRole('link', { name: 'Сповіщення' }).click();
    // her ride was already sent to its driver: the alert says so (and the driver got the new route)
    await expect
      .poll(() => page.locator('#alerts').textContent())
      .toContain('Мешканець скасував після розсилки');
    const alert = page.locator('#alerts li', { hasText: 'Мешканець скасував після розсилки' });
    expect(await alert.textContent()).toContain('Скасування після розсилки');
    expect(await alert.textContent()).toContain('заявка 10:45-11:15'); // her ride, not her name
    await expectAccessible(page, 'alerts with a resident reply');
    await alert.getByLabel('Примітка').fill('Передзвонила, поїздку перенесено');
    await alert.getByRole('button', { name: 'Опрацьовано' }).click();
    await expect.poll(() => status(page)).toBe('Опрацьовано');
    await expect.poll(() => alert.count()).toBe(0);

    const handled = await callApi<{ items: Alert[] }>(
      'GET',
      `/hromady/${HROMADA}/alerts?date=${day}&handled=true`,
    );
    expect(
      handled.items
        .filter((a) => a.kind === 'cancel-after-publish')
        .map((a) => [a.requestId, a.handled, a.note]),
    ).toEqual([[rides.get(replier.name), true, 'Передзвонила, поїздку перенесено']]);
    noScriptErrors(page);
  });
});
