import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays } from '../../console/kyiv.js';
import { expectAccessible, launch } from './support/browser';
import { callApi, HROMADA, noScriptErrors, openConsole } from './support/console';

/**
 * The hromada's rules of their own shape (console/rules-complex.js): the eligibility matrix, the
 * purposes per service, the curfew, the retention table and the KATOTTG codes of the air-raid feed.
 * Every test leaves the hromada as it found it.
 */
interface Hromada {
  version: number;
  katottg?: string;
  oblastId?: string;
  raionId?: string;
  rules: Record<string, unknown> & {
    eligibleCategories: Record<string, string[]>;
    allowedPurposes: Record<string, string[]>;
    retentionDays: { requests: number; messages: number; audit: number };
    dispatchHours: { days: number[]; from: string; to: string };
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const hromada = () => callApi<Hromada>('GET', `/hromady/${HROMADA}`);
const status = (page: Page) => page.locator('#status').textContent();

/** The hromada's rules in the registry, as a role, on this file's own day. */
async function rulesPage(role: string) {
  const { page } = await openConsole(browser, 'registry', {
    date: addDays(inject('demoDay'), 56),
    prepare: (p) => p.addInitScript((r) => localStorage.setItem('hromada.localRole', r), role),
  });
  await page.locator('#kind').selectOption({ label: 'Правила громади' });
  const form = page.locator('#edit');
  await expect.poll(() => form.count()).toBe(1);
  return { page, form };
}

/** Puts the hromada's rules and codes back as they were. */
async function restore(before: Hromada) {
  const now = await hromada();
  const codes = Object.fromEntries(
    (['katottg', 'oblastId', 'raionId'] as const).filter((k) => before[k]).map((k) => [k, before[k]]),
  );
  await callApi('PATCH', `/hromady/${HROMADA}`, { version: now.version, rules: before.rules, ...codes });
  const back = await hromada();
  expect(back.rules).toEqual(before.rules);
  expect([back.katottg, back.oblastId, back.raionId]).toEqual([
    before.katottg,
    before.oblastId,
    before.raionId,
  ]);
}

describe("the hromada's rules of their own shape", () => {
  it('an admin changes one rule of each editor; the API reads back each change', async () => {
    const before = await hromada();
    try {
      const { page, form } = await rulesPage('admin');
      // eligibility: delivery, open to all, becomes for veterans only
      await form.getByLabel('Доставка: усі мешканці').uncheck();
      await form.getByLabel('Доставка: ветеран війни').check();
      // purposes: the social taxi takes the doctor and the ЦНАП, then the ЦНАП is removed by keyboard
      const add = form.getByRole('button', { name: 'Додати мету до «Соцтаксі»' });
      await form.getByLabel('Додати мету (Соцтаксі)').selectOption('medical');
      await add.click();
      await form.getByLabel('Додати мету (Соцтаксі)').selectOption('cnap');
      await add.click();
      await form.getByRole('button', { name: 'Прибрати «ЦНАП» зі списку «Соцтаксі»' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('rules-allowedPurposes-social-taxi-add');
      // the curfew, overnight
      await form.getByLabel('Діє комендантська година').check();
      await form.getByLabel('Комендантська година з').fill('23:00');
      await form.getByLabel('Комендантська година до').fill('05:00');
      // the audit trail kept longer, its minimum shown beside it
      expect(await form.locator('#rules-retentionDays-audit-min').textContent()).toBe('365');
      await form.getByLabel('Журнал дій (аудит), днів').fill('1200');
      // the dispatcher also on Saturdays; the hromada's own SMS sender; travel times without network
      await form.getByLabel('субота').check();
      await form.getByLabel(/^Відправник SMS/).fill('Khmilnyk');
      await form.getByLabel('Час у дорозі для планування').selectOption('offline');
      // the raion's code: checked for its format before it is sent
      await form.getByLabel('Код КАТОТТГ району').fill('UA0502');
      await form.getByRole('button', { name: 'Зберегти' }).click();
      await expect.poll(() => status(page)).toContain('неправильний формат');
      expect(await form.locator('#raionId-issue').textContent()).toContain('UA');
      expect(await form.getByLabel('Код КАТОТТГ району').getAttribute('aria-invalid')).toBe('true');
      expect((await hromada()).version).toBe(before.version);
      await form.getByLabel('Код КАТОТТГ району').fill('UA05020000000026686');
      await expectAccessible(page, "the hromada's rules of their own shape");
      await form.getByRole('button', { name: 'Зберегти' }).click();
      await expect.poll(() => status(page)).toBe('Збережено');

      const after = await hromada();
      expect(after.raionId).toBe('UA05020000000026686');
      expect(after.rules).toEqual({
        ...before.rules,
        eligibleCategories: { ...before.rules.eligibleCategories, delivery: ['veteran'] },
        allowedPurposes: { ...before.rules.allowedPurposes, 'social-taxi': ['medical'] },
        curfew: { from: '23:00', to: '05:00' },
        retentionDays: { ...before.rules.retentionDays, audit: 1200 },
        dispatchHours: { ...before.rules.dispatchHours, days: [...before.rules.dispatchHours.days, 6] },
        smsSenderId: 'Khmilnyk',
        travelTimes: 'offline',
      });
      noScriptErrors(page);
    } finally {
      await restore(before);
    }
  });

  it("the API's refusal is shown in Ukrainian next to the field; a change made elsewhere first, with a reload", async () => {
    const before = await hromada();
    try {
      const { page, form } = await rulesPage('admin');
      // below the audit trail's minimum: the API's 400 names the row
      await form.getByLabel('Журнал дій (аудит), днів').fill('100');
      await form.getByLabel(/^Відправник SMS/).fill('12');
      await form.getByRole('button', { name: 'Зберегти' }).click();
      await expect
        .poll(() => form.locator('#rules-retentionDays-audit-issue').textContent())
        .toBe('не менше 365');
      expect(await form.locator('#rules-smsSenderId-issue').textContent()).toContain(
        '3–11 латинських літер чи цифр',
      );
      expect(await status(page)).toContain('Перевірте дані форми');
      await expectAccessible(page, 'a rule refused by the API');

      // meanwhile another admin changes the rules
      await callApi('PATCH', `/hromady/${HROMADA}`, {
        version: before.version,
        rules: { ...before.rules, retentionDays: { ...before.rules.retentionDays, messages: 60 } },
      });
      await form.getByLabel(/^Відправник SMS/).fill(String(before.rules.smsSenderId ?? ''));
      await form.getByLabel('Журнал дій (аудит), днів').fill('1100');
      await form.getByRole('button', { name: 'Зберегти' }).click();
      await expect
        .poll(() => form.getByRole('alert').textContent())
        .toContain('Хтось інший змінив цей запис');
      await form.getByRole('button', { name: 'Перезавантажити' }).click();
      await expect.poll(() => form.getByLabel('SMS-повідомлення, днів').inputValue()).toBe('60');
      expect(await form.getByLabel('Журнал дій (аудит), днів').inputValue()).toBe(
        String(before.rules.retentionDays.audit),
      );
      noScriptErrors(page);
    } finally {
      await restore(before);
    }
  });

  it('a dispatcher sees them read-only', async () => {
    const { page, form } = await rulesPage('dispatcher');
    expect(await form.textContent()).toContain('Лише перегляд');
    expect(await form.getByRole('button', { name: 'Зберегти' }).count()).toBe(0);
    for (const label of [
      'Соцтаксі: усі мешканці',
      'Соцтаксі: вік 80+',
      'Додати мету (Соцтаксі)',
      'Діє комендантська година',
      'Журнал дій (аудит), днів',
      'Код КАТОТТГ громади',
      'Код КАТОТТГ області',
      'субота',
      'Час у дорозі для планування',
    ])
      expect(await form.getByLabel(label).isDisabled(), label).toBe(true);
    expect(await form.getByRole('button', { name: 'Додати мету до «Соцтаксі»' }).isDisabled()).toBe(true);
    await expectAccessible(page, "the hromada's rules, read-only");
    noScriptErrors(page);
  });
});
