import type { Actor } from '../../domain/actor';
import { type RegistryPatch, registryKinds } from '../../domain/registry';
import type { Ports } from '../../ports/ports';
import {
  bool,
  type CellReader,
  depotRef,
  list,
  lowerText,
  mobilePhone,
  number,
  providerRef,
  settlementRef,
  text,
} from './cells';
import { standingOrderImport } from './standing-order-import';

/** One column of a sheet: the names it goes by (Ukrainian and English) and the field it fills. */
export interface ImportColumn {
  names: string[];
  /** Where the value goes, e.g. `mobility.wheelchair`. */
  path: string;
  read: CellReader;
}

/** Where a kind that is not a registry kind (standing orders) is read and written. */
export interface ImportStore {
  list(ports: ImportPorts, hromadaId: string): Promise<never[]>;
  create(
    ports: ImportPorts,
    hromadaId: string,
    fields: Record<string, unknown>,
    actor: Actor,
  ): Promise<{ id: string }>;
  update(
    ports: ImportPorts,
    hromadaId: string,
    id: string,
    patch: RegistryPatch,
    actor: Actor,
  ): Promise<unknown>;
}

export type ImportPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** A kind that can be imported: its columns and how a row finds the item it is (its natural key). */
export interface ImportKind {
  /** The schema a row is checked with (`create`) and the fields compared with what is stored. */
  registry: Pick<(typeof registryKinds)[RegistryImportable], 'create' | 'fields'>;
  /** Absent: a registry kind, written with the registry's use cases. */
  store?: ImportStore;
  /** Values a new item takes when its file has no column for them (a standing order's pickup: home). */
  defaults?: Record<string, unknown>;
  columns: ImportColumn[];
  /**
   * The keys that identify an item besides its id, strongest first (a row matches the item of its
   * first key found); none means the row can only be created.
   */
  naturalKeys(fields: Record<string, unknown>): string[];
  /**
   * Fields that are null when their columns are empty (`location` from lat/lon, a resident's
   * phone), or absent from a file that creates the item.
   */
  nullWhenAbsent: string[];
}

export type RegistryImportable = 'residents' | 'drivers' | 'settlements' | 'vehicles';
export type ImportablePlural = RegistryImportable | 'standing-orders';

const col = (path: string, read: CellReader, ...names: string[]): ImportColumn => ({ names, path, read });

const idColumn = col('id', text, 'id', 'ідентифікатор', 'зовнішній id', 'external id');
const nameColumn = (...more: string[]) => col('name', text, 'name', 'назва', ...more);
const latColumn = col('location.lat', number, 'lat', 'latitude', 'широта');
const lonColumn = col('location.lon', number, 'lon', 'lng', 'longitude', 'довгота');

const serviceAliases: Record<string, string> = {
  'соціальне таксі': 'social-taxi',
  'мобільна бригада': 'mobile-brigade',
  'мобільний кейс': 'mobile-case',
  доставка: 'delivery',
};

/** Who a resident or driver is: an id, a full name, a mobile (optional for residents). */
const personColumns = (o: { phoneOptional: boolean }) => [
  idColumn,
  nameColumn('піб', "прізвище, ім'я, по батькові", "ім'я"),
  col('phone', mobilePhone({ nullable: o.phoneOptional }), 'phone', 'телефон', 'мобільний'),
];

/** A kind of person (resident, driver): who they are, then the kind's own columns. */
function personKind(
  registry: (typeof registryKinds)['residents' | 'drivers'],
  phone: { phoneOptional: boolean },
  own: ImportColumn[],
  matching: Pick<ImportKind, 'naturalKeys' | 'nullWhenAbsent'>,
): ImportKind {
  return { registry, columns: [...personColumns(phone), ...own], ...matching };
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');

export const importKinds: Record<ImportablePlural, ImportKind> = {
  residents: personKind(
    registryKinds.residents,
    { phoneOptional: true },
    [
      col('settlementId', settlementRef, 'settlement', 'населений пункт', 'село'),
      col('address', text, 'address', 'адреса'),
      latColumn,
      lonColumn,
      col('mobility.wheelchair', bool, 'wheelchair', 'візок', 'крісло колісне'),
      col('mobility.needsRamp', bool, 'ramp', 'needsramp', 'пандус'),
      col('mobility.escort', bool, 'escort', 'супровід'),
      col('smsConsent', bool, 'smsconsent', 'sms consent', 'згода на sms', 'згода на смс'),
      col('confidential', bool, 'confidential', 'конфіденційно'),
      col('nearNoticeOptIn', bool, 'nearnoticeoptin', 'near notice', 'повідомляти про прибуття'),
    ],
    {
      // The phone when there is one; otherwise who and where, which a person without a phone keeps.
      naturalKeys: (f) => [
        typeof f.phone === 'string'
          ? `phone:${f.phone}`
          : `person:${lower(f.name)}|${f.settlementId}|${lower(f.address)}`,
      ],
      nullWhenAbsent: ['location', 'phone'],
    },
  ),
  drivers: personKind(
    registryKinds.drivers,
    { phoneOptional: false },
    [
      col('transliterateSms', bool, 'transliteratesms', 'sms латиницею', 'транслітерація'),
      col('active', bool, 'active', 'активний'),
    ],
    { naturalKeys: (f) => (typeof f.phone === 'string' ? [`phone:${f.phone}`] : []), nullWhenAbsent: [] },
  ),
  settlements: {
    registry: registryKinds.settlements,
    columns: [
      idColumn,
      nameColumn('населений пункт'),
      col('type', lowerText, 'type', 'тип'),
      col('katottg', text, 'katottg', 'катоттг', 'код катоттг'),
      col('starostaDistrict', text, 'starostadistrict', 'старостинський округ', 'округ'),
      latColumn,
      lonColumn,
      col('population', number, 'population', 'населення', 'кількість жителів'),
      // the strategy report's remote villages (docs/data-model.md, RP3)
      col('remote', bool, 'remote', 'віддалений', 'віддалене', 'віддалений населений пункт'),
    ],
    // A settlement stored before its KATOTTG code was known is still found by its name.
    naturalKeys: (f) => [
      ...(typeof f.katottg === 'string' ? [`katottg:${f.katottg}`] : []),
      `name:${lower(f.name)}`,
    ],
    nullWhenAbsent: ['location'],
  },
  vehicles: {
    registry: registryKinds.vehicles,
    columns: [
      idColumn,
      nameColumn(),
      col('plate', text, 'plate', 'номер', 'держномер', 'номерний знак'),
      col('depotId', depotRef, 'depot', 'база', 'гараж'),
      col('providerId', providerRef, 'provider', 'надавач', 'установа'),
      col('services', list(serviceAliases), 'services', 'послуги'),
      col('capacity.seats', number, 'seats', 'місця', 'місць'),
      col('capacity.wheelchairPlaces', number, 'wheelchairplaces', 'місця для візків', 'візки'),
      col('capacity.cargoKg', number, 'cargokg', 'вантаж, кг', 'вантаж'),
      col('capacity.cargoLitres', number, 'cargolitres', 'вантаж, л', "об'єм, л"),
      col('features.ramp', bool, 'ramp', 'пандус'),
      col('features.coldBox', bool, 'coldbox', 'холодильник'),
      col('active', bool, 'active', 'активний'),
    ],
    naturalKeys: (f) => (typeof f.plate === 'string' ? [`plate:${f.plate.toUpperCase()}`] : []),
    nullWhenAbsent: [],
  },
  'standing-orders': standingOrderImport,
};

export function isImportablePlural(value: string): value is ImportablePlural {
  return Object.hasOwn(importKinds, value);
}

/** Header cells as people write them: case, spaces, apostrophes and a stray BOM do not matter. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ʼ’`']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
