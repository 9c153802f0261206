// Air-raid alerts (docs/services/wartime.md) in the console: the bar on every view (a red banner
// while one is in force, with «Відбій тривоги»; else «Повітряна тривога», confirmed in one more
// step) and the log view. Both read one list, kept here, so that either sees the other's change.
// Only for the roles the API admits (console/auth.js `wartime`).
import { useEffect, useRef, useState } from 'preact/hooks';
import { retryAfter, SpreadRetry } from './air-raid-retry.js';
import { effectsWords, endedWords, LEVELS, setByWords, startedWords } from './air-raid-words.js';
import { api, hromadaPath } from './api.js';
import { session } from './auth.js';
import { html } from './html.js';
import { stamp, when } from './kyiv.js';

/** The hromada's alerts, newest first, as last read; each view showing them is told of a change. */
let shown = { hromada: undefined, items: undefined };
const listeners = new Set();

export async function reloadAirRaids(hromada) {
  const page = await api('GET', `${hromadaPath(hromada)}/air-raids?limit=50`);
  shown = { hromada, items: page.items };
  for (const listener of listeners) listener(shown);
}

/** The alerts of the hromada (undefined until read). */
export function useAirRaids(hromada) {
  const [state, setState] = useState(shown);
  useEffect(() => {
    listeners.add(setState);
    return () => listeners.delete(setState);
  }, []);
  return state.hromada === hromada ? state.items : undefined;
}

const activeOf = (items) => items?.find((a) => !a.endedAt);
const areaWords = (a) => `${LEVELS[a.area.level] ?? a.area.level} ${a.area.id}`;

/** The step that confirms «Повітряна тривога»: the area, then «Так, оголосити». */
function ConfirmStart({ start, cancel }) {
  const [level, setLevel] = useState('hromada');
  const yes = useRef(undefined);
  useEffect(() => yes.current?.focus(), []);
  const onKeyDown = (e) => {
    if (e.key === 'Escape') cancel();
  };
  return html`<div id="air-raid-confirm" role="group" aria-labelledby="air-raid-question" onKeyDown=${onKeyDown}>
    <p id="air-raid-question"><strong>Оголосити повітряну тривогу?</strong> Водіям у дорозі піде SMS, маршрути
      стануть на паузу, нетермінові SMS чекатимуть відбою.</p>
    <label>Територія <select value=${level} onChange=${(e) => setLevel(e.currentTarget.value)}>
      ${Object.entries(LEVELS).map(([id, words]) => html`<option value=${id}>${words}</option>`)}
    </select></label>
    ${' '}<button type="button" class="danger" ref=${yes} onClick=${() => start(level)}>Так, оголосити тривогу</button>
    ${' '}<button type="button" onClick=${cancel}>Скасувати</button>
  </div>`;
}

/** On every view: the alert in force (red) with «Відбій тривоги», or the control to start one. */
export function AirRaidBar({ hromada, run, say, reloadDay, pollMs }) {
  const allowed = session.offers.wartime;
  const items = useAirRaids(hromada);
  const [asking, setAsking] = useState(false);
  /** A raion or oblast start that failed in some hromady: {level, failed} (air-raid-retry.js). */
  const [retry, setRetry] = useState(undefined);
  useEffect(() => setRetry(undefined), [hromada]);
  useEffect(() => {
    if (!allowed) return;
    reloadAirRaids(hromada).catch(() => {});
    const timer = setInterval(() => reloadAirRaids(hromada).catch(() => {}), pollMs);
    return () => clearInterval(timer);
  }, [hromada, allowed, pollMs]);
  if (!allowed || !items) return null;
  const active = activeOf(items);
  const base = `${hromadaPath(hromada)}/air-raids`;
  const start = (level) =>
    run(async () => {
      // a new Idempotency-Key each press: pressed again, it reaches the hromady that failed
      const alert = await api('POST', base, { level });
      setAsking(false);
      setRetry(retryAfter(alert, level));
      say(startedWords(alert, when(alert.startedAt), level));
      await reloadAirRaids(hromada);
    });
  const end = () =>
    run(async () => {
      say('Відбій… перепланування дня');
      const alert = await api('POST', `${base}/end`);
      setRetry(undefined);
      say(endedWords(alert));
      await reloadAirRaids(hromada);
      await reloadDay();
    });
  // only while the alert it came from is in force: after that a press would start a new one
  const again =
    retry && active ? html`<${SpreadRetry} retry=${retry} again=${() => start(retry.level)} />` : null;
  if (active)
    return html`<div id="air-raid-banner" class="air-raid-banner" role="alert">
      <strong>ПОВІТРЯНА ТРИВОГА</strong> з ${when(active.startedAt)} (${areaWords(active)}${
        active.startedFrom ? `; оголосив ${setByWords(active)}` : ''
      }): маршрути на паузі,
      нетермінові SMS чекають відбою.
      ${' '}<button type="button" onClick=${end}>Відбій тривоги</button>
    </div>${again}`;
  return html`<div class="air-raid-bar">
    ${
      asking
        ? html`<${ConfirmStart} start=${start} cancel=${() => setAsking(false)} />`
        : html`<button type="button" id="air-raid-start" class="danger" onClick=${() => setAsking(true)}>
          Повітряна тривога</button>`
    }
  </div>`;
}

/** The log: every alert with what it did. */
export function AirRaidsView({ hromada, run }) {
  const items = useAirRaids(hromada);
  useEffect(() => {
    if (session.offers.wartime) run(() => reloadAirRaids(hromada));
  }, [hromada]);
  if (!session.offers.wartime)
    return html`<section aria-labelledby="air-raids-title"><h2 id="air-raids-title">Тривоги</h2>
      <p>Журнал тривог бачать диспетчери й адміністратори.</p></section>`;
  return html`<section aria-labelledby="air-raids-title">
    <h2 id="air-raids-title">Журнал повітряних тривог</h2>
    ${items && !items.length && html`<p>Тривог ще не було.</p>`}
    <ol id="air-raid-log" class="air-raid-log">
      ${(items ?? []).map(
        (a) => html`<li key=${a.id}>
          <h3>${stamp(a.startedAt)} — ${a.endedAt ? `відбій ${stamp(a.endedAt)}` : 'триває'}</h3>
          <p>Територія: ${areaWords(a)}; оголосив ${setByWords(a)} (${a.startedBy})${
            a.endedBy ? `; відбій: ${a.endedBy}` : ''
          }</p>
          <ul>${effectsWords(a).map((line) => html`<li>${line}</li>`)}</ul>
          ${a.effects.replanError && html`<p class="detail">Причина: <span lang="en">${a.effects.replanError}</span></p>`}
        </li>`,
      )}
    </ol>
  </section>`;
}
