// The curfew (rules.curfew, Kyiv time): on or off, from and to (overnight allowed: 23:00–05:00).
// Off: the rule is removed.
import { html } from './html.js';
import { IssueText, issuesAt } from './issue-words.js';

export const curfewShown = (value) => ({
  on: value !== undefined && value !== null,
  from: value?.from ?? '00:00',
  to: value?.to ?? '05:00',
});

export const curfewRead = (shown) => (shown.on ? { from: shown.from, to: shown.to } : undefined);

export function CurfewInput({ field, shown, set, name, issues }) {
  const at = (key) => issuesAt(issues, `${field.path}.${key}`);
  const describe = (key) => `${name}-hint${at(key).length ? ` ${name}-${key}-issue` : ''}`;
  return html`<fieldset class="rule-curfew" data-path=${field.path}>
    <legend>${field.label}</legend>
    <p class="muted" id=${`${name}-hint`}>Зупинок у ці години не плануємо, запис на цей час відхиляється.
      Може тривати через північ, напр. 23:00–05:00.</p>
    <label><input type="checkbox" name=${`${name}-on`} checked=${shown.on}
      onChange=${(e) => set({ ...shown, on: e.currentTarget.checked })} /> Діє комендантська година</label>
    ${['from', 'to'].map(
      (
        key,
      ) => html`<label key=${key}>${key === 'from' ? 'Комендантська година з' : 'Комендантська година до'}${' '}
        <input type="time" name=${`${name}-${key}`} required value=${shown[key]} disabled=${!shown.on}
          aria-describedby=${describe(key)} aria-invalid=${at(key).length ? 'true' : undefined}
          onInput=${(e) => set({ ...shown, [key]: e.currentTarget.value })} /></label>
        <${IssueText} id=${`${name}-${key}-issue`} issues=${at(key)} /> `,
    )}
    <${IssueText} id=${`${name}-issue`} issues=${issues.filter((i) => i.path === field.path)} />
  </fieldset>`;
}
