// The console's views and the links between them (the view is in the address: #/board).
import { html } from './html.js';
import { AlertsView } from './view-alerts.js';
import { BoardView } from './view-board.js';
import { IntakeView } from './view-intake.js';
import { ManifestsView } from './view-manifests.js';
import { MapView } from './view-map.js';
import { RegistryView } from './view-registry.js';

export const VIEWS = [
  { id: 'intake', title: 'Дзвінок', component: IntakeView },
  { id: 'board', title: 'День', component: BoardView },
  { id: 'map', title: 'Карта', component: MapView },
  { id: 'manifests', title: 'Маршрутні листи', component: ManifestsView },
  { id: 'registry', title: 'Довідники', component: RegistryView },
  { id: 'alerts', title: 'Сповіщення', component: AlertsView },
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
