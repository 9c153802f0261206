// The dispatcher console: one page of ES modules, no build step (preact + htm, vendored). This
// module holds what the page shows (hromada, day, view) and the status line; each view is its
// own module.
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AirRaidBar } from './air-raid.js';
import { html } from './html.js';
import { kyivToday, kyivTomorrow } from './kyiv.js';
import { loadDay, loadNames } from './load.js';
import { VIEWS, ViewNav } from './view-nav.js';

const params = new URLSearchParams(location.search);
const viewOf = () => (VIEWS.some((v) => v.id === location.hash.slice(2)) ? location.hash.slice(2) : 'intake');
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
  const View = VIEWS.find((v) => v.id === view).component;
  const ctx = {
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
      <form id="day" onSubmit=${onShow}>
        <label>Громада <input name="hromada" required size="14" value=${hromada}
          onInput=${(e) => setHromada(e.currentTarget.value)} /></label>
        <label>День <input name="date" type="date" required value=${date}
          onInput=${(e) => setDate(e.currentTarget.value)} /></label>
        <button type="submit">Показати</button>
      </form>
      <${ViewNav} current=${view} />
    </header>
    ${names ? html`<${AirRaidBar} hromada=${shown.hromada} run=${run} say=${say} reloadDay=${reloadDay} pollMs=${POLL_MS} />` : null}
    <p id="status" role="status" aria-live="polite" class=${status.error ? 'error' : ''}>${status.text}</p>
    <main id="view">
      ${names ? html`<${View} ...${ctx} />` : null}
    </main>
  `;
}

render(html`<${App} />`, document.getElementById('app'));
