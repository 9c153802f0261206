import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/constructs/app-function';
import { consoleCsp } from '../../infra/constructs/console-hosting';
import { expectAccessible, launch } from './support/browser';
import { noScriptErrors, openConsole } from './support/console';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What an API call from the page's own api.js answers: the data, or the error's status. */
const callFromPage = (path: string) =>
  `import('/console/api.js').then((m) => m.api('GET', '${path}').then(() => 200, (e) => e.status))`;

describe('the console on the local platform: the role it acts as (console/auth.js)', () => {
  it('acts as an admin by default, with the role selector at the foot of the page', async () => {
    const { page } = await openConsole(browser, 'board');
    const roles: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/hromady')) roles.push(r.headers()['x-local-role'] ?? '');
    });
    const selector = page.getByLabel('Роль (лише локально)');
    expect(await selector.inputValue()).toBe('admin');
    expect(await page.evaluate(callFromPage('/hromady'))).toBe(200); // admins only
    expect(roles).toContain('admin');
    await expectAccessible(page, 'the console with the local role selector');
    noScriptErrors(page);
  });

  it("as a dispatcher: the hromada's day, but not the admins' routes; kept across reloads", async () => {
    const { page } = await openConsole(browser, 'board');
    await page.getByLabel('Роль (лише локально)').selectOption({ label: 'Диспетчер' });
    await page.waitForFunction(() => document.documentElement.dataset.role === 'dispatcher');
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'Завантаження…');
    expect(await page.locator('#status').getAttribute('class')).not.toBe('error');
    expect(await page.evaluate(callFromPage('/hromady/khmilnytska/residents?limit=1'))).toBe(200);
    expect(await page.evaluate(callFromPage('/hromady'))).toBe(403);
    await page.reload();
    expect(await page.getByLabel('Роль (лише локально)').inputValue()).toBe('dispatcher');
    await page.getByLabel('Роль (лише локально)').selectOption({ label: 'Адміністратор' });
    await page.waitForFunction(() => document.documentElement.dataset.role === 'admin');
    noScriptErrors(page);
  });
});

describe('the console under the deployed Content-Security-Policy (infra/constructs/console-hosting.ts)', () => {
  it('loads and draws the board and the map with no CSP violation (the import map allowed by its hash)', async () => {
    const violations: string[] = [];
    const indexHtml = readFileSync(join(REPO_ROOT, 'console/index.html'), 'utf8');
    const { page } = await openConsole(browser, 'board', {
      prepare: async (p) => {
        p.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        await p.addInitScript(() =>
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
          ),
        );
        await p.route('**/console/**', async (route) => {
          const response = await route.fetch();
          const csp = consoleCsp({ indexHtml, apiOrigin: new URL(route.request().url()).origin });
          await route.fulfill({
            response,
            headers: { ...response.headers(), 'content-security-policy': csp },
          });
        });
      },
    });
    await expect.poll(() => page.locator('#requests tr').count()).toBeGreaterThan(1);
    await page.goto(page.url().replace('#/board', '#/map'));
    await page.waitForFunction(() => document.querySelector('.leaflet-container') !== null);
    expect(await page.evaluate(() => document.documentElement.dataset.role)).toBe('admin');
    expect(violations).toEqual([]);
    noScriptErrors(page);
  });
});
