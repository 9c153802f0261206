// The day's requests: window, service, resident, status; confirm, cancel (asked first), and a
// request booked after planning put into the plan.
import { api, hromadaPath } from './api.js';
import { session } from './auth.js';
import { html } from './html.js';
import { when } from './kyiv.js';
import { vehicleName } from './load.js';
import { insertIntoPlan } from './plan-actions.js';
import { OPEN, SERVICES, statusText } from './words.js';

export function RequestTable({ hromada, date, names, day, reloadDay, run, say }) {
  const plan = day?.plan;
  const inPlan = (r) => plan?.routes.some((route) => route.stops.some((s) => s.requestId === r.id));
  const changeStatus = (r, action) =>
    run(async () => {
      if (action === 'cancel') {
        const who = names.residents.get(r.residentId)?.name ?? r.residentId;
        if (
          !confirm(
            `Скасувати заявку: ${who}, ${when(r.window.start)}–${when(r.window.end)}? Отримувач отримає SMS.`,
          )
        )
          return;
      }
      await api('POST', `${hromadaPath(hromada)}/requests/${r.id}/${action}`, { version: r.version });
      say(action === 'confirm' ? 'Підтверджено, SMS піде отримувачу' : 'Скасовано, SMS піде отримувачу');
      await reloadDay();
    });
  const insert = (r) =>
    run(async () => {
      const out = await insertIntoPlan(hromada, date, plan, r.id);
      say(
        out.vehicleId
          ? `Додано в маршрут: ${vehicleName(names, out.vehicleId)}${out.messages ? '; водій отримає SMS' : ''}`
          : 'Не вміщується в план: див. «Поза планом»',
        !out.vehicleId,
      );
      await reloadDay();
    });
  const rows = day?.requests ?? [];
  return html`<h3>Заявки дня</h3>
    <table>
      <thead><tr><th scope="col">Вікно</th><th scope="col">Послуга</th><th scope="col">Отримувач</th>
        <th scope="col">Стан</th><th scope="col">Дії</th></tr></thead>
      <tbody id="requests">
        ${rows.length === 0 && html`<tr><td colspan="5">Заявок немає</td></tr>`}
        ${rows.map((r) => {
          const open = session.offers.dispatch && OPEN.includes(r.status);
          const who = names.residents.get(r.residentId)?.name ?? r.residentId;
          return html`<tr key=${r.id}>
            <td>${when(r.window.start)}–${when(r.window.end)}</td>
            <td>${SERVICES[r.serviceType] ?? r.serviceType}${r.confidential ? ' (конфіденційно)' : ''}</td>
            <td>${who}</td>
            <td>${statusText(r)}</td>
            <td>${
              open &&
              html`
              ${
                r.status !== 'confirmed' &&
                !r.confirmedAt &&
                html`<button type="button" onClick=${() => changeStatus(r, 'confirm')} aria-label=${`Підтвердити: ${who}`}>Підтвердити</button> `
              }
              <button type="button" onClick=${() => changeStatus(r, 'cancel')} aria-label=${`Скасувати: ${who}`}>Скасувати</button>
              ${plan && !inPlan(r) && html` <button type="button" onClick=${() => insert(r)} aria-label=${`Додати в план: ${who}`}>Додати в план</button>`}`
            }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}
