/**
 * A driver's route by SMS, readable on a feature phone and as short as it can be: it is the
 * longest message the platform sends, every day, to every driver. Pure text code.
 *
 * "02.12 АВ1234ВС, 4 зуп. Звіт: 3 OK/NS/?
 *  1 7:56 пос. Березна, Шевченка 12 (візок)
 *  2 8:16 вис. Хмільник, Монастирська 71 (лікарня)
 *  3 8:31 пос. Великий Митник, Миру 3
 *  4 8:47 вис. як 2"
 *
 * What makes it short, measured on the demo day by `npm run bench:route-sms` (docs/benchmarks.md):
 * no settlement or street type words (`с.`, `м.`, `вул.`), the house number after the street
 * without a comma, `там само` for the place of the stop before and `як 2` for a place already
 * named on line 2 (the hospital, again), the settlement left out while
 * the car stays in it, `пос.`/`вис.` for pickup and drop-off, no leading zero in the hour. A
 * driver may ask for Latin letters (GSM-7: 160 characters a segment instead of 70), and a hromada
 * may make that its drivers' default (`rules.routeSmsLatin`).
 */

/**
 * How a delivery is handed over, as the driver's route shows it (never the code): `код` when the
 * receiver must say the one-time code, `особисто` in person, else the trusted person's name.
 */
export interface HandoverText {
  code: boolean;
  trustedName?: string;
}

function handoverWords(h: HandoverText): string {
  const who = h.trustedName ? `віддати: ${h.trustedName.slice(0, 30)}` : 'особисто';
  return h.code ? `${who}, код` : who;
}

/** One stop on a driver's route SMS. `place` is undefined for a confidential case. */
export interface RouteStopText {
  /** The stop's number on the route, as the driver reports it (`3 OK`). */
  n: number;
  /** `09:05` */
  time: string;
  kind: 'pickup' | 'dropoff' | 'visit';
  place: string | undefined;
  wheelchair?: boolean;
  escorts?: number;
  /** A delivery's parcel: kilograms, and whether it goes in the cold box. */
  parcelKg?: number;
  cold?: boolean;
  /** A delivery: pieces to hand over (shown when more than one), and who may receive it. */
  parcelCount?: number;
  handover?: HandoverText;
}

const stopWord: Record<RouteStopText['kind'], string> = {
  pickup: 'пос.',
  dropoff: 'вис.',
  visit: 'візит',
};

/** Longest text of one route message (the outbox limit; SNS takes up to 1600). */
export const ROUTE_MESSAGE_MAX = 1000;

/** Settlement type words a driver does not need: the name is enough. */
const SETTLEMENT_TYPE = /^(?:м\.|с\.|смт\.?|сел\.|с-ще|селище|село|місто)\s*/i;
/** Street type words, kept short where they tell streets apart (пров., просп., пл.). */
const STREET_TYPES: Array<[RegExp, string]> = [
  [/(^|,\s*)(?:вул\.|вулиця)\s*/gi, '$1'],
  [/(^|,\s*)(?:провулок)\s*/gi, '$1пров. '],
  [/(^|,\s*)(?:проспект)\s*/gi, '$1просп. '],
  [/(^|,\s*)(?:площа)\s*/gi, '$1пл. '],
  [/,\s*(?:буд\.|будинок)\s*/gi, ', '],
];

/**
 * An address as short as a driver still reads it: "м. Хмільник, вул. Монастирська, 71 (лікарня)"
 * → "Хмільник, Монастирська 71 (лікарня)".
 */
export function shortPlace(address: string): string {
  let place = address.trim().replace(SETTLEMENT_TYPE, '');
  for (const [pattern, to] of STREET_TYPES) place = place.replace(pattern, to);
  // "Шевченка, 12" → "Шевченка 12": the house number follows its street
  return place.replace(/,\s*(\d+[\p{L}\d/-]*)(?=\s|,|$)/gu, ' $1').replace(/\s+/g, ' ');
}

/** The settlement of a short place: what comes before its first comma. */
const settlementOf = (place: string): string | undefined => {
  const i = place.indexOf(',');
  return i > 0 ? place.slice(0, i) : undefined;
};

/** 09:05 → 9:05 */
const shortTime = (time: string): string => time.replace(/^0(\d:)/, '$1');

function placeText(s: RouteStopText, previous: string | undefined, seen: Map<string, number>): string {
  if (s.place === undefined) return 'адресу дасть диспетчер';
  const place = shortPlace(s.place);
  if (previous !== undefined && place === previous) return 'там само';
  // a place named on an earlier line (the hospital, again): the driver scrolls up to it
  const first = seen.get(place);
  if (first !== undefined) return `як ${first}`;
  seen.set(place, s.n);
  if (previous === undefined) return place;
  const here = settlementOf(place);
  return here !== undefined && here === settlementOf(previous) ? place.slice(here.length + 2) : place;
}

function notes(s: RouteStopText): string {
  return [
    s.wheelchair ? 'візок' : '',
    s.escorts ? `+${s.escorts}` : '',
    s.parcelKg ? `${s.parcelKg} кг` : '',
    s.cold ? 'холод' : '',
    s.parcelCount && s.parcelCount > 1 ? `${s.parcelCount} шт` : '',
    s.handover ? handoverWords(s.handover) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The driver's day, one line per stop. A confidential stop shows only its time and kind: the
 * dispatcher gives the address by phone (and the next stop names its place in full). Split at
 * line ends into "(1/2) …" parts when longer than ROUTE_MESSAGE_MAX.
 */
export function driverRoute(day: string, plate: string, stops: RouteStopText[]): string[] {
  const header = `${day} ${plate}, ${stops.length} зуп. Звіт: 3 OK/NS/?`;
  let previous: string | undefined;
  const seen = new Map<string, number>();
  const lines = stops.map((s) => {
    const place = placeText(s, previous, seen);
    previous = s.place === undefined ? undefined : shortPlace(s.place);
    const extra = notes(s);
    return `${s.n} ${shortTime(s.time)} ${stopWord[s.kind]} ${place}${extra ? ` (${extra})` : ''}`;
  });
  const parts: string[][] = [[header]];
  let size = header.length;
  const room = ROUTE_MESSAGE_MAX - '(9/9) '.length;
  for (const line of lines) {
    const piece = line.slice(0, room - 1);
    if (size + 1 + piece.length > room) {
      parts.push([]);
      size = -1;
    }
    parts.at(-1)!.push(piece);
    size += 1 + piece.length;
  }
  if (parts.length === 1) return [parts[0]!.join('\n')];
  return parts.map((p, i) => `(${i + 1}/${parts.length}) ${p.join('\n')}`);
}
