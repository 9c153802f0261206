// The alerts panel: the day's alerts not yet handled, newest first; one handled with a note
// (docs/services/alerts-and-notices.md).
import { useEffect, useState } from 'preact/hooks';
import { api, hromadaPath } from './api.js';
import { html } from './html.js';
import { stamp } from './kyiv.js';

const KINDS = {
  'cancel-after-publish': 'Скасування після розсилки',
  'edit-after-publish': 'Зміна після розсилки',
  'driver-problem': 'Проблема водія',
  'no-show': 'Не вийшов',
  welfare: 'Стан отримувача',
  'sms-failed': 'SMS не надіслано',
  unassigned: 'Поза планом',
  'resident-reply': 'Відповідь отримувача',
  callback: 'Передзвонити',
  'air-raid': 'Повітряна тривога',
};

export function AlertsView({ hromada, date, day, run, say }) {
  const [alerts, setAlerts] = useState(undefined);
  const [notes, setNotes] = useState({});
  const load = async () => {
    const page = await api('GET', `${hromadaPath(hromada)}/alerts?date=${date}&handled=false`);
    setAlerts(page.items);
  };
  useEffect(() => {
    run(load);
  }, [hromada, date, day]);
  const handle = (a) =>
    run(async () => {
      await api('POST', `${hromadaPath(hromada)}/alerts/${a.id}/handle`, {
        version: a.version,
        ...(notes[a.id] ? { note: notes[a.id] } : {}),
      });
      say('Опрацьовано');
      await load();
    });
  return html`<section aria-labelledby="alerts-title">
    <h2 id="alerts-title">Сповіщення</h2>
    ${alerts && !alerts.length && html`<p>Нових сповіщень немає.</p>`}
    <ul id="alerts">
      ${(alerts ?? []).map(
        (a) => html`<li key=${a.id}>
          <strong>${KINDS[a.kind] ?? a.kind}</strong> ${stamp(a.at)}: ${a.text}${a.phone ? `, ${a.phone}` : ''}
          <label> Примітка <input value=${notes[a.id] ?? ''} onInput=${(e) => setNotes({ ...notes, [a.id]: e.currentTarget.value })} /></label>
          <button type="button" onClick=${() => handle(a)}>Опрацьовано</button>
        </li>`,
      )}
    </ul>
  </section>`;
}
