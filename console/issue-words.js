// The API's 400 issues (`{path, message}`, the zod path and its English message) in Ukrainian, and
// the console's own check of a field in the same shape: both shown next to the field they name.
import { html } from './html.js';

/** A field the console could not read: its path and the Ukrainian words for what is wrong. */
export class FieldError extends Error {
  constructor(path, words, label = path) {
    super(`Поле «${label}»: ${words}`);
    this.issues = [{ path, message: words, words }];
  }
}

const PATTERNS = [
  [/^Too small: expected number to be >=(\S+)/, (n) => `не менше ${n}`],
  [/^Too small: expected number to be >(\S+)/, (n) => `більше ${n}`],
  [/^Too big: expected number to be <=(\S+)/, (n) => `не більше ${n}`],
  [/^Too big: expected number to be <(\S+)/, (n) => `менше ${n}`],
  [/^Too small: expected array to have >=1 items/, () => 'оберіть хоча б одне'],
  [/^Too big: expected array to have <=(\S+)/, (n) => `не більше ${n} значень`],
  [/expected int/, () => 'потрібне ціле число'],
  [/expected number/, () => 'потрібне число'],
  [/^from must be before to/, () => 'кінець має бути пізніше за початок'],
  [/^from and to must differ/, () => 'початок і кінець мають різнитися'],
  [/HH:MM/, () => 'час у форматі ГГ:ХХ'],
  [/must match pattern \/\^UA/, () => 'код КАТОТТГ: «UA» і 17 цифр'],
  [/^3–11 alphanumeric/, () => '3–11 латинських літер чи цифр'],
  [/^must contain at least one letter/, () => 'потрібна хоча б одна літера'],
  [/must match pattern \/\^\\\+/, () => 'номер у форматі +380…'],
  [/must match pattern|letters, digits/, () => 'неправильний формат'],
  [/^Invalid option|^Invalid input: expected "/, () => 'такого значення немає'],
  [/^Unrecognized key/, () => 'невідоме поле'],
];

/** The Ukrainian words for one issue (the console's own, or the API's English message). */
export function issueWords(issue) {
  if (issue.words) return issue.words;
  for (const [pattern, words] of PATTERNS) {
    const m = pattern.exec(String(issue.message ?? ''));
    if (m) return words(m[1]);
  }
  return 'неправильне значення';
}

/** The issues about the value at `path` or inside it. */
export const issuesAt = (issues, path) =>
  (issues ?? []).filter((i) => i.path === path || i.path?.startsWith(`${path}.`));

/** The issues' words next to a field (`id` for the field's aria-describedby); nothing when none. */
export function IssueText({ id, issues }) {
  if (!issues?.length) return null;
  return html`<span class="error field-issue" id=${id}>${[...new Set(issues.map(issueWords))].join('; ')}</span>`;
}
