// The eligibility matrix (rules.eligibleCategories): for each service, every resident or only the
// resident categories ticked. A service left open to all is not listed in the rule.
import { html } from './html.js';
import { IssueText, issuesAt } from './issue-words.js';
import { CATEGORIES, SERVICES } from './words.js';

/** What the matrix shows: per service, null (every resident) or the categories ticked. */
export function eligibilityShown(value) {
  return Object.fromEntries(
    Object.keys(SERVICES).map((s) => [s, Array.isArray(value?.[s]) ? [...value[s]] : null]),
  );
}

/** The rule's value: the services with categories, each with its categories. */
export function eligibilityRead(shown) {
  return Object.fromEntries(Object.entries(shown).filter(([, categories]) => categories !== null));
}

export function EligibilityInput({ field, shown, set, name, issues }) {
  const services = Object.entries(SERVICES);
  const toggle = (service, category) => (e) => {
    const list = shown[service] ?? [];
    const next = e.currentTarget.checked ? [...list, category] : list.filter((c) => c !== category);
    set({ ...shown, [service]: next });
  };
  const open = (service) => (e) => set({ ...shown, [service]: e.currentTarget.checked ? null : [] });
  const issueId = `${name}-issue`;
  return html`<fieldset class="rule-matrix" data-path=${field.path}
    aria-describedby=${`${name}-hint${issues.length ? ` ${issueId}` : ''}`}>
    <legend>${field.label}</legend>
    <p class="muted" id=${`${name}-hint`}>Позначте, для яких категорій отримувачів кожна послуга.
      «Усі мешканці»: послуга без обмежень. Без жодної позначки послуга недоступна нікому.</p>
    <table>
      <thead><tr><th scope="col">Категорія</th>
        ${services.map(([s, words]) => html`<th scope="col" key=${s}>${words}</th>`)}</tr></thead>
      <tbody>
        <tr><th scope="row">Усі мешканці (без обмежень)</th>
          ${services.map(
            ([s, words]) => html`<td key=${s}><input type="checkbox" name=${`${name}-${s}-all`}
              aria-label=${`${words}: усі мешканці`} checked=${shown[s] === null} onChange=${open(s)} /></td>`,
          )}</tr>
        ${Object.entries(CATEGORIES).map(
          ([c, label]) => html`<tr key=${c}><th scope="row">${label}</th>
            ${services.map(
              ([s, words]) => html`<td key=${s}><input type="checkbox" name=${`${name}-${s}`} value=${c}
                aria-label=${`${words}: ${label}`} disabled=${shown[s] === null}
                checked=${shown[s]?.includes(c) === true} onChange=${toggle(s, c)} /></td>`,
            )}</tr>`,
        )}
      </tbody>
    </table>
    <${IssueText} id=${issueId} issues=${issuesAt(issues, field.path)} />
  </fieldset>`;
}
