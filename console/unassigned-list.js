// The requests no route of the plan takes, with the engine's reason; each can be put on a vehicle.
import { html } from './html.js';
import { vehicleName } from './load.js';

export function UnassignedList({ names, plan, byId, vehicleIds, moveTo }) {
  return html`<h3>Поза планом</h3>
    ${plan && !plan.unassigned.length && html`<p>Усі заявки дня в плані.</p>`}
    <ul id="unassigned">
      ${(plan?.unassigned ?? []).map((u) => {
        const r = byId.get(u.requestId);
        const who = r?.confidential
          ? 'конфіденційно'
          : (names.residents.get(r?.residentId)?.name ?? u.requestId);
        return html`<li key=${u.requestId} class="error">Не в плані: ${who} — ${u.reason}
          ${
            moveTo &&
            html`<label> на авто <select onChange=${(e) => e.currentTarget.value && moveTo(e.currentTarget.value)(u.requestId)}>
            <option value="">— оберіть —</option>
            ${vehicleIds.map((id) => html`<option value=${id}>${vehicleName(names, id)}</option>`)}
          </select></label>`
          }</li>`;
      })}
    </ul>`;
}
