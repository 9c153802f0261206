// The console's views and the links between them (the view is in the address: #/board).
import { useEffect, useState } from 'preact/hooks';
import { AirRaidsView } from './air-raid.js';
import { html } from './html.js';
import { AlertsView } from './view-alerts.js';
import { BoardView } from './view-board.js';
import { IntakeView } from './view-intake.js';
import { ManifestsView } from './view-manifests.js';

/**
 * A view whose module loads when the view is first shown, not with the page: a dispatcher's day
 * starts on the phone and the board (the first load stays small on a village connection).
 */
function lazyView(load, name, loading) {
  return function LazyView(props) {
    const [view, setView] = useState(undefined);
    useEffect(() => {
      let gone = false;
      load().then((m) => {
        if (!gone) setView(() => m[name]);
      });
      return () => {
        gone = true;
      };
    }, []);
    return view ? html`<${view} ...${props} />` : html`<p>${loading}</p>`;
  };
}

const RegistryView = lazyView(() => import('./view-registry.js'), 'RegistryView', 'Завантаження довідників…');
/** The map with Leaflet and the danger zones (danger-zones.js, zone-words.js): only when opened. */
const MapView = lazyView(() => import('./view-map.js'), 'MapView', 'Завантаження карти…');
const ToursView = lazyView(() => import('./view-tours.js'), 'ToursView', 'Завантаження турів…');

export const VIEWS = [
  { id: 'intake', title: 'Дзвінок', component: IntakeView },
  { id: 'board', title: 'День', component: BoardView },
  { id: 'map', title: 'Карта', component: MapView },
  { id: 'manifests', title: 'Маршрутні листи', component: ManifestsView },
  { id: 'registry', title: 'Довідники', component: RegistryView },
  { id: 'alerts', title: 'Сповіщення', component: AlertsView },
  { id: 'air-raids', title: 'Тривоги', component: AirRaidsView },
  { id: 'tours', title: 'Виїзні тури', component: ToursView },
];

/** What a regional provider's user is offered: its tours only (the API admits it nowhere else). */
export const PROVIDER_VIEWS = VIEWS.filter((v) => v.id === 'tours');

export function ViewNav({ current, views = VIEWS }) {
  return html`<nav aria-label="Розділи">
    <ul>
      ${views.map(
        (v) =>
          html`<li><a href=${`#/${v.id}`} aria-current=${v.id === current ? 'page' : undefined}>${v.title}</a></li>`,
      )}
    </ul>
  </nav>`;
}
