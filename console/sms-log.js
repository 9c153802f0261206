// The latest SMS of the hromada, with their status (re-read whenever the day on screen changes).
import { useEffect, useState } from 'preact/hooks';
import { api, hromadaPath } from './api.js';
import { html } from './html.js';
import { stamp } from './kyiv.js';

const STATUS = { pending: 'у черзі', sent: 'надіслано', failed: 'не надіслано', delivered: 'доставлено' };

export function SmsLog({ hromada, day }) {
  const [items, setItems] = useState([]);
  useEffect(() => {
    api('GET', `${hromadaPath(hromada)}/messages?limit=30`)
      .then((page) => setItems(page.items))
      .catch(() => setItems([]));
  }, [hromada, day]);
  return html`<h3>SMS</h3>
    <table>
      <thead><tr><th scope="col">Коли</th><th scope="col">Кому</th><th scope="col">Що</th>
        <th scope="col">Сегм.</th><th scope="col">Стан</th></tr></thead>
      <tbody id="messages">
        ${items.map(
          (m) => html`<tr key=${m.id}><td>${stamp(m.createdAt)}</td><td>${m.to}</td><td>${m.text}</td>
            <td>${m.segments}</td><td class=${m.status === 'failed' ? 'error' : ''}>${STATUS[m.status] ?? m.status}</td></tr>`,
        )}
      </tbody>
    </table>`;
}
