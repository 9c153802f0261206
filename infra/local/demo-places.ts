/**
 * Where the demo happens: Хмільницька громада's real settlements and coordinates (see
 * demo-data/ATTRIBUTION.md), and homes placed deterministically near their village's centre.
 */
import { readFile } from 'node:fs/promises';

export const DEMO_HROMADA_ID = 'khmilnytska';
export const DEMO_ACTOR = 'demo-seed';

export interface DemoSettlement {
  name_uk: string;
  type: 'місто' | 'селище' | 'село';
  katottg: string;
  starosta_district: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
}

export interface DemoData {
  name_uk: string;
  katottg: string;
  settlements: DemoSettlement[];
}

/** Deterministic small offset (≤ ~400 m) so homes are not all on the village centre point. */
function near(lat: number, lon: number, i: number) {
  const a = (i * 2.399963) % (2 * Math.PI);
  const r = 0.0015 + ((i * 7) % 5) * 0.0006;
  return {
    lat: Number((lat + r * Math.cos(a)).toFixed(6)),
    lon: Number((lon + r * Math.sin(a) * 1.5).toFixed(6)),
  };
}

/** The demo data, the settlements by name, the town centre, and a home's place near its village. */
export async function demoPlaces() {
  const data = JSON.parse(
    await readFile(new URL('./demo-data/khmilnytska-hromada.json', import.meta.url), 'utf8'),
  ) as DemoData;
  const bySettlement = new Map(data.settlements.map((s) => [s.name_uk, s]));
  const place = (name: string, i: number) => {
    const s = bySettlement.get(name)!;
    return { settlementId: s.katottg, location: near(s.lat!, s.lon!, i) };
  };
  return { data, place, centre: bySettlement.get('Хмільник')! };
}
