// The working hours of a tour plan form: the quick «same hours every day» setting, and each day
// of the period in its own fieldset (its date as the legend): «Бригада працює цього дня» (off: the
// day is dropped from the tour), «Початок» and «Кінець» (Kyiv time). A day whose end is not after
// its start says so next to the field (aria-invalid, aria-describedby); the form's status line
// announces the problem when the form is sent (console/tour-hours.js checks it).
import { html } from './html.js';
import {
  anyOwnHours,
  dayFieldId,
  dayFlagged,
  dayName,
  dayRows,
  hoursWrong,
  noDayRowsWords,
  withCommonHoursOn,
  withDay,
  withSameHoursEveryDay,
} from './tour-hours.js';

const END_AFTER_START = 'Кінець має бути пізніше за початок';

function DayHours({ row, setForm, form }) {
  const id = `tour-day-${row.date}`;
  // a day on the quick setting is not marked when the setting is wrong: the setting is
  const wrong = dayFlagged(row);
  const change = (key) => (e) => setForm(withDay(form, row.date, { [key]: e.currentTarget.value }));
  return html`<fieldset class="tour-day-hours" data-date=${row.date}>
    <legend>${dayName(row.date)}</legend>
    <label><input type="checkbox" id=${dayFieldId(row.date, 'on')} checked=${!row.off}
      onChange=${(e) => setForm(withDay(form, row.date, { off: !e.currentTarget.checked }))} />
      Бригада працює цього дня</label>
    <label>Початок <input type="time" id=${dayFieldId(row.date, 'start')} required value=${row.start} disabled=${row.off}
      onInput=${change('start')} /></label>
    <label>Кінець <input type="time" id=${dayFieldId(row.date, 'end')} required value=${row.end} disabled=${row.off}
      aria-invalid=${wrong ? 'true' : undefined} aria-describedby=${wrong ? `${id}-issue` : undefined}
      onInput=${change('end')} /></label>
    ${wrong ? html`<span class="error field-issue" id=${`${id}-issue`}>${END_AFTER_START}</span>` : null}
    ${
      row.own
        ? html`<button type="button" aria-label=${`Години як щодня: ${dayName(row.date)}`}
            onClick=${() => setForm(withCommonHoursOn(form, row.date))}>Як щодня</button>`
        : null
    }
  </fieldset>`;
}

/**
 * `dates`: the period's working days (undefined while the period is not one: no day rows, and
 * `periodProblem` says why).
 */
export function TourHoursFields({ form, setForm, dates, periodProblem }) {
  const set = (key) => (e) => setForm({ ...form, [key]: e.currentTarget.value });
  const commonWrong = hoursWrong({ start: form.start, end: form.end });
  return html`<fieldset class="tour-hours">
    <legend>Робочі години (за київським часом)</legend>
    <p class="muted" id="tour-hours-help">Однакові години щодня задають усі дні, крім тих, де ви
      змінили години нижче. Зняти позначку «Бригада працює цього дня» — день без виїзду.</p>
    <label>Робочий день з <input type="time" id="tour-start" required value=${form.start}
      aria-describedby="tour-hours-help" onInput=${set('start')} /></label>
    <label>до <input type="time" id="tour-end" required value=${form.end}
      aria-invalid=${commonWrong ? 'true' : undefined}
      aria-describedby=${commonWrong ? 'tour-hours-help tour-end-issue' : 'tour-hours-help'}
      onInput=${set('end')} /></label>
    ${commonWrong ? html`<span class="error field-issue" id="tour-end-issue">${END_AFTER_START}</span>` : null}
    ${
      dates && anyOwnHours(form, dates)
        ? html`<button type="button" id="tour-same-hours" onClick=${() => setForm(withSameHoursEveryDay(form))}>
            Однакові години для всіх робочих днів</button>`
        : null
    }
    ${
      dates
        ? dayRows(form, dates).map(
            (row) => html`<${DayHours} key=${row.date} row=${row} form=${form} setForm=${setForm} />`,
          )
        : html`<p class="muted" id="tour-days-none">${noDayRowsWords(periodProblem ?? 'Вкажіть період туру')}</p>`
    }
  </fieldset>`;
}
