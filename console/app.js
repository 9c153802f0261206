// The dispatcher console: one page of ES modules, no build step (preact + htm, vendored). This
// module holds what the page shows (hromada, day, view) and the status line; each view is its
// own module.
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AirRaidBar } from './air-raid.js';
import { session } from './auth.js';
import { html } from './html.js';
import { kyivToday, kyivTomorrow } from './kyiv.js';
import { loadDay, loadNames } from './load.js';
import { PROVIDER_VIEWS, VIEWS, ViewNav } from './view-nav.js';

const params = new URLSearchParams(location.search);
/** A regional provider's user works with its tours only: no hromada's registry or day is read. */
const PROVIDER = session.providerId;
const OFFERED = PROVIDER ? PROVIDER_VIEWS : VIEWS;
const viewOf = () =>
  OFFERED.some((v) => v.id === location.hash.slice(2)) ? location.hash.slice(2) : OFFERED[0].id;
/** While the day on screen is under way, the board refreshes itself this often (ms). */
const POLL_MS = Number(params.get('poll')) || 30_000;

function App() {
  const [hromada, setHromada] = useState(params.get('h') ?? 'khmilnytska');
  const [date, setDate] = useState(params.get('date') ?? kyivTomorrow());
  const [view, setView] = useState(viewOf());
  const [status, setStatus] = useState({ text: 'Завантаження…', error: false });
  const [names, setNames] = useState(undefined);
  const [day, setDay] = useState(undefined);
  const [shown, setShown] = useState({ hromada, date });

  const say = useCallback((text, error = false) => setStatus({ text, error }), []);
  /** A dispatcher's action: its failure, in words, on the status line. */
  const run = useCallback(
    async (action) => {
      say('');
      try {
        await action();
      } catch (e) {
        say(e.message, true);
      }
    },
    [say],
  );
  const reloadDay = useCallback(async () => setDay(await loadDay(shown.hromada, shown.date)), [shown]);
  /** After a registry change: the names every view shows and offers. */
  const reloadNames = useCallback(async () => setNames(await loadNames(shown.hromada)), [shown]);

  useEffect(() => {
    const onHash = () => setView(viewOf());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (PROVIDER) {
      say('');
      return;
    }
    run(async () => {
      say('Завантаження…');
      setNames(undefined);
      setDay(undefined);
      try {
        const [loaded, loadedDay] = await Promise.all([
          loadNames(shown.hromada),
          loadDay(shown.hromada, shown.date),
        ]);
        setNames(loaded);
        setDay(loadedDay);
        say('');
      } catch (e) {
        if (e.code === 'not-found') throw new Error(`Громаду «${shown.hromada}» не знайдено`);
        throw e;
      }
    });
  }, [shown, run, say]);
  useEffect(() => {
    if (!names || shown.date !== kyivToday()) return;
    const timer = setInterval(() => reloadDay().catch(() => {}), POLL_MS);
    return () => clearInterval(timer);
  }, [names, shown, reloadDay]);

  const onShow = (e) => {
    e.preventDefault();
    setShown({ hromada: hromada.trim(), date });
  };
  const View = OFFERED.find((v) => v.id === view).component;
  const ctx = {
    providerId: PROVIDER,
    hromada: shown.hromada,
    date: shown.date,
    names,
    day,
    setDay,
    reloadDay,
    reloadNames,
    run,
    say,
  };
  return html`
    <header>
      <h1>Диспетчерська</h1>
      ${
        PROVIDER
          ? html`<p id="provider">Надавач: <strong>${PROVIDER}</strong></p>`
          : html`<form id="day" onSubmit=${onShow}>
        <label>Громада <input name="hromada" required size="14" value=${hromada}
          onInput=${(e) => setHromada(e.currentTarget.value)} /></label>
        <label>День <input name="date" type="date" required value=${date}
          onInput=${(e) => setDate(e.currentTarget.value)} /></label>
        <button type="submit">Показати</button>
      </form>`
      }
      <${ViewNav} current=${view} views=${OFFERED} />
    </header>
    ${names ? html`<${AirRaidBar} hromada=${shown.hromada} run=${run} say=${say} reloadDay=${reloadDay} pollMs=${POLL_MS} />` : null}
    <p id="status" role="status" aria-live="polite" class=${status.error ? 'error' : ''}>${status.text}</p>
    <main id="view">
      ${names || PROVIDER ? html`<${View} ...${ctx} />` : null}
    </main>
  `;
}

render(html`<${App} />`, document.getElementById('app'));
