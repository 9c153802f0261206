import type { Page } from 'playwright-core';
import { callApi } from './console';

/** Before the page loads: the local console's user takes `role` (dispatcher, provider, brigade…). */
export const asRole = (role: string) => (page: Page) =>
  page.addInitScript((r) => localStorage.setItem('hromada.localRole', r), role);

/**
 * A tour visit booked through the API in a settlement of the hromada: the one named, or its first
 * one when no name is given. Gives the visit's id.
 */
export async function addTourVisit(
  hromadaId: string,
  settlementName: string | undefined,
  visit: Record<string, unknown>,
): Promise<string> {
  const { items } = await callApi<{ items: { id: string; name: string }[] }>(
    'GET',
    `/hromady/${hromadaId}/settlements?limit=${settlementName ? 200 : 10}`,
  );
  const settlement = settlementName ? items.find((s) => s.name === settlementName) : items[0];
  if (!settlement) throw new Error(`no settlement ${settlementName ?? ''} in ${hromadaId}`);
  const created = await callApi<{ id: string }>('POST', `/hromady/${hromadaId}/tour-visits`, {
    ...visit,
    settlementId: settlement.id,
  });
  return created.id;
}

/** Every text the status line shows from now on, in order (each change, as a screen reader hears it). */
export async function recordStatusChanges(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('sawStatus', (text: string) => seen.push(text));
  await page.evaluate(() => {
    const node = document.getElementById('status')!;
    new MutationObserver(() =>
      (window as unknown as { sawStatus: (t: string) => void }).sawStatus(node.textContent ?? ''),
    ).observe(node, { childList: true, characterData: true, subtree: true });
  });
  return seen;
}

/**
 * A regional centre registered in Вінницька громада for mobile brigades (a 2 s tour budget), with
 * Турбів's consent from the demo day until `validTo`.
 */
export async function providerWithTurbivConsent(
  provider: { id: string; name: string },
  demoDay: string,
  validTo: string,
): Promise<void> {
  await callApi('POST', '/hromady/vinnytska/providers', {
    ...provider,
    kind: 'social-services-centre',
    services: ['mobile-brigade'],
    tourSeconds: 2,
  });
  await callApi('POST', '/hromady/turbivska/service-agreements', {
    providerId: provider.id,
    providerHromadaId: 'vinnytska',
    services: ['mobile-brigade'],
    consent: { by: 'Селищний голова Турбова', on: demoDay },
    validFrom: demoDay,
    validTo,
  });
}
