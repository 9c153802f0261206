/**
 * Every report of the API for a period, read as JSON and as CSV, the way an integrator or Excel
 * would: the report names come from the served description (`GET /openapi.json`), so a new report
 * is read too. A CSV is good when it starts with the UTF-8 byte-order mark (Excel then reads
 * Cyrillic as UTF-8), holds Cyrillic, and decodes and encodes back to the same bytes.
 */
import type { Api, Json } from './demo-day-api';

const REPORT_PATH = '/hromady/{hromadaId}/reports/{report}';
const BOM = [0xef, 0xbb, 0xbf];
const CYRILLIC = /[\u0400-\u04FF]/;

/** The report names the API describes. */
export async function reportNames(api: Api): Promise<string[]> {
  const doc = await api.get('/openapi.json');
  const op = (doc.paths as Record<string, Record<string, Json>>)[REPORT_PATH]?.get;
  const param = (op?.parameters as Json[] | undefined)?.find((p) => p.name === 'report');
  const names = (param?.schema as { enum?: string[] } | undefined)?.enum;
  if (!names?.length) throw new Error(`${REPORT_PATH}: no report names in /openapi.json`);
  return names;
}

export interface CsvCheck {
  bom: boolean;
  cyrillic: boolean;
  roundTrips: boolean;
}

/** Pure: the checks of one CSV answer's bytes. */
export function checkCsv(bytes: Uint8Array): CsvCheck {
  const bom = BOM.every((b, i) => bytes[i] === b);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const back = new TextEncoder().encode(text);
  const roundTrips =
    !text.includes('\uFFFD') && back.length === bytes.length && back.every((b, i) => b === bytes[i]);
  return { bom, cyrillic: CYRILLIC.test(text), roundTrips };
}

export const csvOk = (c: CsvCheck) => c.bom && c.cyrillic && c.roundTrips;

export interface ReportRead {
  name: string;
  jsonStatus: number;
  csvStatus: number;
  csv: CsvCheck;
  json: Json;
}

/** One report as JSON and as CSV (raw bytes: no decoding by the client before the check). */
export async function readReport(
  api: Api,
  hromadaId: string,
  name: string,
  from: string,
  to: string,
): Promise<ReportRead> {
  const path = `/hromady/${hromadaId}/reports/${name}?from=${from}&to=${to}`;
  const asJson = await api.call('GET', path);
  const res = await fetch(new URL(`${path}&format=csv`, api.base));
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    name,
    jsonStatus: asJson.status,
    csvStatus: res.status,
    csv: checkCsv(bytes),
    json: asJson.body,
  };
}
