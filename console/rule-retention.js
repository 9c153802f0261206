// How many days each kind of data is kept (rules.retentionDays), as a table with the least and the
// most days the API accepts (hromadaRulesSchema: the legal minimums for requests, messages and the
// audit trail; test/unit/console/rule-retention.test.ts keeps them equal).
import { html } from './html.js';
import { FieldError, IssueText, issuesAt } from './issue-words.js';

export const RETENTION = [
  { key: 'requests', label: 'Заявки та поїздки', min: 30, max: 3650 },
  { key: 'messages', label: 'SMS-повідомлення', min: 7, max: 3650 },
  { key: 'audit', label: 'Журнал дій (аудит)', min: 365, max: 3650 },
];

export const retentionShown = (value) =>
  Object.fromEntries(RETENTION.map((r) => [r.key, value?.[r.key] === undefined ? '' : String(value[r.key])]));

/** The days typed, as numbers (the API checks the range and says so next to the row). */
export function retentionRead(shown, field) {
  const out = {};
  for (const r of RETENTION) {
    const text = String(shown[r.key]).trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n))
      throw new FieldError(`${field.path}.${r.key}`, 'потрібне число днів', r.label);
    out[r.key] = n;
  }
  return out;
}

export function RetentionInput({ field, shown, set, name, issues }) {
  return html`<fieldset class="rule-table" data-path=${field.path}>
    <legend>${field.label}</legend>
    <table>
      <thead><tr><th scope="col">Дані</th><th scope="col">Зберігати, днів</th>
        <th scope="col">Не менше (мінімум за правилами)</th><th scope="col">Не більше</th></tr></thead>
      <tbody>
        ${RETENTION.map((r) => {
          const rowIssues = issuesAt(issues, `${field.path}.${r.key}`);
          const id = `${name}-${r.key}`;
          const described = `${id}-min${rowIssues.length ? ` ${id}-issue` : ''}`;
          return html`<tr key=${r.key}><th scope="row" id=${`${id}-label`}>${r.label}</th>
            <td><input id=${id} name=${id} inputmode="numeric" size="6" value=${shown[r.key]}
              aria-label=${`${r.label}, днів`} aria-describedby=${described}
              aria-invalid=${rowIssues.length ? 'true' : undefined}
              onInput=${(e) => set({ ...shown, [r.key]: e.currentTarget.value })} />
              <${IssueText} id=${`${id}-issue`} issues=${rowIssues} /></td>
            <td id=${`${id}-min`}>${r.min}</td><td>${r.max}</td></tr>`;
        })}
      </tbody>
    </table>
  </fieldset>`;
}
