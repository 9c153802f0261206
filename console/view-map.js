// The day on a map (Leaflet, loaded when the map is first shown): settlements, depots, the day's
// stops and each route as a line. Tiles come from a configured URL (?tiles=… or the saved one);
// with none, the offline default, it draws on a plain background. A confidential stop shows no
// address. Each route is drawn straight at once, then along the road when the API has it
// (openrouteservice Directions, around the danger zones). The danger zones in force that day are
// red polygons (console/danger-zones.js).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, hromadaPath } from './api.js';
import { drawZones, useZones, ZonePanel } from './danger-zones.js';
import { html } from './html.js';
import { when } from './kyiv.js';
import { vehicleName } from './load.js';
import { STOPS } from './words.js';

const COLOURS = ['#0057b7', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#5d4037', '#37474f'];

/** The tile URL template, or undefined (offline). */
export function tileUrl() {
  const given = new URLSearchParams(location.search).get('tiles');
  if (given) localStorage.setItem('tileUrl', given);
  return given ?? localStorage.getItem('tileUrl') ?? undefined;
}

function stopPoint(stop, request) {
  const place = stop.kind === 'dropoff' ? request?.dropoff : request?.pickup;
  return place?.location ? [place.location.lat, place.location.lon] : undefined;
}

/** The route's road as [lat, lon] points, or undefined (straight lines, or no answer). */
async function roadOf(ctx, vehicleId) {
  const path = `${hromadaPath(ctx.hromada)}/plans/${ctx.date}/routes/${encodeURIComponent(vehicleId)}/geometry`;
  const line = await api('GET', path).catch(() => undefined);
  if (line?.properties?.source !== 'ors') return undefined;
  return line.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
}

function draw(L, node, ctx) {
  const { names, day } = ctx;
  const map = L.map(node, { zoomSnap: 0.25 });
  const tiles = tileUrl();
  if (tiles) L.tileLayer(tiles, { maxZoom: 18, attribution: '© OpenStreetMap' }).addTo(map);
  const points = [];
  for (const s of names.settlements) {
    const p = [s.location.lat, s.location.lon];
    points.push(p);
    L.circleMarker(p, { radius: 3, color: '#555', weight: 1 }).bindTooltip(s.name).addTo(map);
  }
  for (const d of names.depots) {
    const p = [d.location.lat, d.location.lon];
    L.circleMarker(p, { radius: 8, color: '#000', fillColor: '#ffd500', fillOpacity: 1 })
      .bindPopup(`Депо: ${d.name}`)
      .addTo(map);
  }
  (day?.plan?.routes ?? []).forEach((route, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const depot = names.depots.find((d) => d.id === names.vehicles.get(route.vehicleId)?.depotId);
    const home = depot ? [[depot.location.lat, depot.location.lon]] : [];
    const line = [...home];
    for (const stop of route.stops) {
      const request = day.byId.get(stop.requestId);
      const p = stopPoint(stop, request);
      if (!p) continue;
      line.push(p);
      const where = request?.confidential
        ? 'конфіденційно'
        : (stop.kind === 'dropoff' ? request.dropoff : request.pickup).address;
      const marker = L.circleMarker(p, { radius: 6, color: colour, fillOpacity: 0.8 });
      // text only: Leaflet puts a string popup in as HTML, a text node as text
      marker
        .bindPopup(document.createTextNode(`${when(stop.arrival)} ${STOPS[stop.kind]} — ${where}`))
        .addTo(map);
    }
    line.push(...home);
    if (line.length > 1) {
      const drawn = L.polyline(line, { color: colour, weight: 3 })
        .bindTooltip(vehicleName(names, route.vehicleId))
        .addTo(map);
      roadOf(ctx, route.vehicleId).then((road) => {
        if (road && map.hasLayer(drawn)) drawn.setLatLngs(road);
      });
    }
  });
  if (points.length) map.fitBounds(points, { padding: [20, 20] });
  else map.setView([49.56, 27.96], 10);
  return map;
}

export function MapView(ctx) {
  const node = useRef(undefined);
  /** Leaflet and the map drawn, once loaded; `drawn` counts the maps drawn (the zones follow). */
  const leaflet = useRef(undefined);
  const [drawn, setDrawn] = useState(0);
  const [zones, reloadZones] = useZones(ctx.hromada, ctx.run);
  useEffect(() => {
    let map;
    let gone = false;
    import('leaflet').then((L) => {
      // the view left (or re-rendered without its map) before Leaflet arrived: nothing to draw on
      if (gone || !node.current?.isConnected) return;
      map = draw(L, node.current, ctx);
      leaflet.current = { L, map };
      setDrawn((n) => n + 1);
    });
    return () => {
      gone = true;
      leaflet.current = undefined;
      map?.remove();
    };
  }, [ctx.names, ctx.day]);
  useEffect(() => {
    const m = leaflet.current;
    if (!m || !zones) return;
    const layer = drawZones(m.L, m.map, zones, ctx.date);
    return () => layer.remove();
  }, [drawn, zones, ctx.date]);
  const routes = ctx.day?.plan?.routes ?? [];
  return html`<section aria-labelledby="map-title">
    <link rel="stylesheet" href="vendor/leaflet.css" />
    <h2 id="map-title">Карта дня</h2>
    <div id="map" ref=${node} class=${tileUrl() ? '' : 'offline'} role="region" aria-label="Карта маршрутів"></div>
    <ul class="legend">
      ${routes.map(
        (r, i) => html`<li><span class="swatch" style=${`background:${COLOURS[i % COLOURS.length]}`}></span>
          ${vehicleName(ctx.names, r.vehicleId)}: ${r.stops.length} зупинок</li>`,
      )}
    </ul>
    <${ZonePanel} ...${ctx} zones=${zones} reload=${reloadZones} />
  </section>`;
}
