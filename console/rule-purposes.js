// The purposes each service takes (rules.allowedPurposes): a list per service, purposes added from
// the ones not yet in it and removed one by one. An empty list: the service takes every purpose
// (it is not listed in the rule).
import { useState } from 'preact/hooks';
import { html } from './html.js';
import { IssueText, issuesAt } from './issue-words.js';
import { PURPOSES, SERVICES } from './words.js';

/** What the lists show: per service, its purposes ([] = every purpose). */
export function purposesShown(value) {
  return Object.fromEntries(
    Object.keys(SERVICES).map((s) => [s, Array.isArray(value?.[s]) ? [...value[s]] : []]),
  );
}

/** The rule's value: the services whose list is not empty. */
export function purposesRead(shown) {
  return Object.fromEntries(Object.entries(shown).filter(([, list]) => list.length > 0));
}

function ServicePurposes({ service, words, list, set, name, issues }) {
  const left = Object.keys(PURPOSES).filter((p) => !list.includes(p));
  const [adding, setAdding] = useState('');
  const chosen = left.includes(adding) ? adding : left[0];
  const selectId = `${name}-${service}-add`;
  const remove = (p) => {
    set(list.filter((x) => x !== p));
    // the focus stays in the list's controls, not lost with the removed button
    setTimeout(() => document.getElementById(selectId)?.focus());
  };
  return html`<fieldset data-service=${service}>
    <legend>${words}</legend>
    ${
      list.length === 0
        ? html`<p class="muted">Приймає будь-яку мету</p>`
        : html`<ul class="purpose-list" aria-label=${`Мети: ${words}`}>
          ${list.map(
            (
              p,
            ) => html`<li key=${p}>${PURPOSES[p] ?? p}${' '}<button type="button" onClick=${() => remove(p)}>
              Прибрати<span class="visually-hidden"> «${PURPOSES[p] ?? p}» зі списку «${words}»</span></button></li>`,
          )}</ul>`
    }
    <label>Додати мету (${words})${' '}<select id=${selectId} value=${chosen ?? ''} disabled=${!chosen}
      onChange=${(e) => setAdding(e.currentTarget.value)}>
      ${left.map((p) => html`<option value=${p} key=${p}>${PURPOSES[p]}</option>`)}
    </select></label>${' '}
    <button type="button" disabled=${!chosen} onClick=${() => chosen && set([...list, chosen])}>
      Додати<span class="visually-hidden"> мету до «${words}»</span></button>
    <${IssueText} id=${`${name}-${service}-issue`} issues=${issues} />
  </fieldset>`;
}

export function PurposesInput({ field, shown, set, name, issues }) {
  return html`<fieldset class="rule-lists" data-path=${field.path} aria-describedby=${`${name}-hint`}>
    <legend>${field.label}</legend>
    <p class="muted" id=${`${name}-hint`}>Які мети поїздки чи візиту приймає кожна послуга.
      Порожній список: будь-яка мета.</p>
    ${Object.entries(SERVICES).map(
      ([s, words]) => html`<${ServicePurposes} key=${s} service=${s} words=${words} list=${shown[s]}
        name=${name} issues=${issuesAt(issues, `${field.path}.${s}`)}
        set=${(list) => set({ ...shown, [s]: list })} />`,
    )}
    <${IssueText} id=${`${name}-issue`} issues=${issues.filter((i) => i.path === field.path)} />
  </fieldset>`;
}
