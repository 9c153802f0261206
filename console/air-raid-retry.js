// After a raion or oblast «Тривога» that could not start in some hromady: the control that starts
// it there (the same level POSTed again, with a new Idempotency-Key: the API starts nothing twice,
// docs/services/wartime.md). Shown under the banner, since «Повітряна тривога» is not on screen
// while the dispatcher's own hromada is under the alert.
import { RETRY_LABEL, unitWords } from './air-raid-words.js';
import { html } from './html.js';

/** What to offer after a start's answer: the level pressed and the hromady that failed, or none. */
export const retryAfter = (answer, level) =>
  answer.spread?.failed.length ? { level, failed: answer.spread.failed } : undefined;

/** The hromady the alert could not reach, and the control that tries them again. */
export function SpreadRetry({ retry, again }) {
  return html`<p id="air-raid-retry" class="air-raid-retry">
    <span id="air-raid-retry-what">Тривогу ${unitWords(retry.level)} не вдалося оголосити в: ${retry.failed.join(', ')}.</span>
    ${' '}<button type="button" id="air-raid-retry-button" class="danger" aria-describedby="air-raid-retry-what"
      onClick=${again}>${RETRY_LABEL}</button>
  </p>`;
}
