// The console's views and the links between them (the view is in the address: #/board).
import { useEffect, useState } from 'preact/hooks';
import { AirRaidsView } from './air-raid.js';
import { html } from './html.js';
import { AlertsView } from './view-alerts.js';
import { BoardView } from './view-board.js';
import { IntakeView } from './view-intake.js';
import { ManifestsView } from './view-manifests.js';
import { MapView } from './view-map.js';

/**
 * The registry's forms load when the view is first shown, not with the page: a dispatcher's day
 * starts on the phone and the board (the first load stays small on a village connection).
 */
function RegistryView(props) {
  const [view, setView] = useState(undefined);
  useEffect(() => {
    import('./view-registry.js').then((m) => setView(() => m.RegistryView));
  }, []);
  return view ? html`<${view} ...${props} />` : html`<p>Завантаження довідників…</p>`;
}

export const VIEWS = [
  { id: 'intake', title: 'Дзвінок', component: IntakeView },
  { id: 'board', title: 'День', component: BoardView },
  { id: 'map', title: 'Карта', component: MapView },
  { id: 'manifests', title: 'Маршрутні листи', component: ManifestsView },
  { id: 'registry', title: 'Довідники', component: RegistryView },
  { id: 'alerts', title: 'Сповіщення', component: AlertsView },
  { id: 'air-raids', title: 'Тривоги', component: AirRaidsView },
];

export function ViewNav({ current }) {
  return html`<nav aria-label="Розділи">
    <ul>
      ${VIEWS.map(
        (v) =>
          html`<li><a href=${`#/${v.id}`} aria-current=${v.id === current ? 'page' : undefined}>${v.title}</a></li>`,
      )}
    </ul>
  </nav>`;
}
