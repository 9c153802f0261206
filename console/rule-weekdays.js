// The weekdays of a rule (rules.dispatchHours.days, ISO: 1 = Monday): one checkbox a day.
import { html } from './html.js';
import { FieldError, IssueText, issuesAt } from './issue-words.js';

const DAYS = ['понеділок', 'вівторок', 'середа', 'четвер', "п'ятниця", 'субота', 'неділя'];

export const weekdaysShown = (value) => (Array.isArray(value) ? [...value] : []);

export function weekdaysRead(shown, field) {
  if (shown.length === 0) throw new FieldError(field.path, 'оберіть хоча б один день', field.label);
  return [...shown].sort((a, b) => a - b);
}

export function WeekdaysInput({ field, shown, set, name, issues }) {
  const mine = issuesAt(issues, field.path);
  return html`<fieldset class="rule-days" data-path=${field.path}
    aria-describedby=${mine.length ? `${name}-issue` : undefined}>
    <legend>${field.label}</legend>
    ${DAYS.map(
      (words, i) => html`<label key=${words}><input type="checkbox" name=${name} value=${i + 1}
        checked=${shown.includes(i + 1)}
        onChange=${(e) => set(e.currentTarget.checked ? [...shown, i + 1] : shown.filter((d) => d !== i + 1))} />
        ${' '}${words}</label> `,
    )}
    <${IssueText} id=${`${name}-issue`} issues=${mine} />
  </fieldset>`;
}
