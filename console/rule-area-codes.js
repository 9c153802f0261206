// The hromada's KATOTTG codes (katottg, oblastId, raionId on the hromada): the air-raid feed names
// an alert's area by them (shared/app/air-raid/air-raid-area.ts). A code typed is checked for its
// format (UA and 17 digits) before it is sent; one left as it was is sent as it was.
import { html } from './html.js';
import { FieldError, IssueText, issuesAt } from './issue-words.js';

export const KATOTTG = /^UA\d{17}$/;
const FORMAT = '«UA» і 17 цифр, напр. UA05120170000013778';

export const codeShown = (value) => ({ text: value ?? '', was: value });

export function codeRead(shown, field) {
  const typed = shown.text.trim();
  if (typed === (shown.was ?? '')) return shown.was;
  const text = typed.toUpperCase();
  if (text === '') throw new FieldError(field.path, 'код не можна стерти; впишіть правильний', field.label);
  if (!KATOTTG.test(text)) throw new FieldError(field.path, `неправильний формат: ${FORMAT}`, field.label);
  return text;
}

export function CodeInput({ field, shown, set, name, issues }) {
  const mine = issuesAt(issues, field.path);
  const described = `${name}-hint${mine.length ? ` ${name}-issue` : ''}`;
  return html`<div class="rule-code" data-path=${field.path}>
    <label>${field.label}${' '}<input name=${name} value=${shown.text} size="22" maxlength="19"
      autocomplete="off" spellcheck="false" aria-describedby=${described}
      aria-invalid=${mine.length ? 'true' : undefined}
      onInput=${(e) => set({ ...shown, text: e.currentTarget.value })} /></label>
    <small class="muted" id=${`${name}-hint`}> ${field.hint} Формат: ${FORMAT}.</small>
    <${IssueText} id=${`${name}-issue`} issues=${mine} />
  </div>`;
}
