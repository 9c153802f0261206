// Danger zones and closed roads on the map (docs/services/danger-zones.md): the active ones read
// from the API, those in force on the day drawn as red polygons, a GeoJSON file uploaded (the
// API's 400 shown issue by issue), a zone switched off with the version read. Drawing by hand is
// left to GIS tools (QGIS, geojson.io).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, create, hromadaPath } from './api.js';
import { session } from './auth.js';
import { html } from './html.js';
import { appliesOn, ZONE_KINDS, zoneDates, zoneIssueWords } from './zone-words.js';

const zonesPath = (hromada) => `${hromadaPath(hromada)}/danger-zones`;

/** The hromada's active zones (undefined until read, or for a role the API does not admit). */
export function useZones(hromada, run) {
  const [zones, setZones] = useState(undefined);
  const reload = async () => setZones((await api('GET', `${zonesPath(hromada)}?active=true`)).items);
  useEffect(() => {
    if (session.offers.wartime) run(reload);
  }, [hromada]);
  return [zones, reload];
}

/** The zones in force on `date` as red polygons on the map; the layer, to remove. */
export function drawZones(L, map, zones, date) {
  const layer = L.layerGroup();
  for (const zone of zones.filter((z) => appliesOn(z, date))) {
    const rings = zone.geometry.coordinates.map((polygon) =>
      polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon])),
    );
    L.polygon(rings, {
      color: '#b00020',
      fillColor: '#e53935',
      fillOpacity: 0.35,
      weight: 2,
      className: 'danger-zone',
    })
      // text only: a string tooltip would be put in as HTML
      .bindTooltip(document.createTextNode(`${ZONE_KINDS[zone.kind] ?? zone.kind}: ${zone.name}`))
      .addTo(layer);
  }
  return layer.addTo(map);
}

/** The file's text as JSON, or a Ukrainian error. */
async function readGeoJson(file) {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(`Файл «${file.name}» не є GeoJSON (JSON не читається)`);
  }
}

/** Below the map: the zones (in force that day or not), the upload and «Вимкнути». */
export function ZonePanel({ hromada, date, zones, reload, run, say }) {
  const [issues, setIssues] = useState([]);
  if (!session.offers.wartime) return null;
  const upload = (e) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    run(async () => {
      setIssues([]);
      try {
        const out = await create(zonesPath(hromada), await readGeoJson(file));
        say(`Додано зон: ${out.items.length}`);
        await reload();
      } catch (error) {
        if (error instanceof ApiError && error.status === 400 && error.body?.error?.issues?.length) {
          setIssues(error.body.error.issues.map(zoneIssueWords));
          throw new Error(`Файл «${file.name}» не прийнято: нічого не додано, див. помилки під картою`);
        }
        throw error;
      } finally {
        input.value = '';
      }
    });
  };
  const deactivate = (zone) =>
    run(async () => {
      await api('POST', `${zonesPath(hromada)}/${encodeURIComponent(zone.id)}/deactivate`, {
        version: zone.version,
      });
      say(`Зону «${zone.name}» вимкнено`);
      await reload();
    });
  return html`<section class="zones" aria-labelledby="zones-title">
    <h3 id="zones-title">Небезпечні зони й перекриті дороги</h3>
    <p><label>Завантажити зони (GeoJSON) <input type="file" id="zone-file"
      accept=".geojson,.json,application/geo+json,application/json" onChange=${upload} /></label></p>
    ${
      issues.length > 0 &&
      html`<div class="issues" role="alert"><p>Помилки у файлі (нічого не додано):</p>
        <ul id="zone-issues">${issues.map((i) => html`<li>${i}</li>`)}</ul></div>`
    }
    ${zones && !zones.length && html`<p>Активних зон немає.</p>`}
    <ul id="zones">
      ${(zones ?? []).map(
        (z) => html`<li key=${z.id}>
          <strong>${ZONE_KINDS[z.kind] ?? z.kind}: ${z.name}</strong> (${zoneDates(z)}${
            appliesOn(z, date) ? '' : ', цього дня не діє'
          })
          ${' '}<button type="button" aria-label=${`Вимкнути зону «${z.name}»`} onClick=${() => deactivate(z)}>
            Вимкнути</button>
        </li>`,
      )}
    </ul>
  </section>`;
}
