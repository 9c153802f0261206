// What the dispatcher does with the stop chosen on the board: take it off its route, lock it in
// place, record its outcome; moving it is done from the other vehicle's row (or by dragging).
import { html } from './html.js';
import * as plans from './plan-actions.js';
import { stopLabel } from './vehicle-row.js';

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
    <p class="muted">Щоб перемістити, натисніть «Перемістити сюди» в рядку іншого авто або перетягніть зупинку.</p>
  </div>`;
}
