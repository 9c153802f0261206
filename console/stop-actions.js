// What the dispatcher does with the stop chosen on the board: take it off its route, lock it in
// place, record its outcome; moving it is done from the other vehicle's row (or by dragging).
import { useState } from 'preact/hooks';
import { html } from './html.js';
import * as plans from './plan-actions.js';
import { stopLabel } from './vehicle-row.js';
import { WELFARE } from './words.js';

/** Once the driver has the route: what he saw at the door can be recorded. */
const AT_THE_DOOR = ['dispatched', 'on-board', 'done', 'no-show'];

export function StopActions({
  hromada,
  date,
  names,
  plan,
  selected,
  request,
  change,
  select,
  run,
  say,
  reloadDay,
}) {
  const outcome = (value, words) => () =>
    run(async () => {
      await plans.recordOutcome(hromada, request, value);
      say(`Позначено: ${words}`);
      await reloadDay();
    });
  const locked = selected.stop.locked === true;
  const [welfare, setWelfare] = useState('');
  const [note, setNote] = useState('');
  const recordWelfare = (e) => {
    e.preventDefault();
    run(async () => {
      if (!welfare) throw new Error('Оберіть, що водій побачив на місці');
      await plans.recordWelfare(hromada, request, welfare, note.trim());
      say(`Записано стан: ${WELFARE[welfare]}; соціальному працівнику відкрито завдання`);
      await reloadDay();
    });
  };
  return html`<div id="stop-actions" role="group" aria-label="Дії із зупинкою">
    <strong>${stopLabel(names, selected.stop, request)}</strong>
    ${' '}<button type="button" onClick=${() => change(() => plans.unassign(hromada, date, plan, request.id), 'Знято з маршруту')}>
      Зняти з маршруту</button>
    ${' '}<button type="button" onClick=${() =>
      change(
        () => plans.lock(hromada, date, plan, request.id, !locked),
        locked ? 'Відкріплено' : 'Закріплено',
      )}>
      ${locked ? 'Відкріпити' : 'Закріпити'}</button>
    ${' '}<button type="button" onClick=${outcome('done', 'виконано')}>Виконано</button>
    ${' '}<button type="button" onClick=${outcome('no-show', 'не вийшов')}>Не вийшов</button>
    ${' '}<button type="button" onClick=${() => select(undefined)}>Скасувати вибір</button>
    ${
      !AT_THE_DOOR.includes(request.status) && !request.welfare
        ? null
        : request.welfare
          ? html`<p id="welfare">Стан на місці: ${WELFARE[request.welfare.outcome]}${request.welfare.note ? ` (${request.welfare.note})` : ''}</p>`
          : html`<form id="welfare" onSubmit=${recordWelfare} aria-label="Стан отримувача на місці">
          <label>Стан на місці <select value=${welfare} onChange=${(e) => setWelfare(e.currentTarget.value)}>
            <option value="">— оберіть —</option>
            ${Object.entries(WELFARE).map(([v, words]) => html`<option value=${v}>${words}</option>`)}
          </select></label>
          <label>Примітка <input name="note" size="24" maxlength="500" value=${note}
            onInput=${(e) => setNote(e.currentTarget.value)} /></label>
          <button type="submit">Записати стан</button>
        </form>`
    }
    <p class="muted">Щоб перемістити, натисніть «Перемістити сюди» в рядку іншого авто або перетягніть зупинку.</p>
  </div>`;
}
