import type { Actor } from '../../domain/actor';
import {
  type StandingOrder,
  standingOrderCreateSchema,
  standingOrderFields,
} from '../../domain/entities/standing-order';
import { ValidationError } from '../../domain/errors';
import type { RegistryPatch } from '../../domain/registry';
import type { Ports } from '../../ports/ports';
import { createStandingOrder, editStandingOrder } from '../standing-orders/standing-orders';
import { type CellReader, text } from './cells';
import type { ImportColumn, ImportKind } from './import-kinds';

/**
 * Regular rides (standing orders) from a sheet: one row per order, matched by an `id` (external id)
 * column, else by its natural key — the resident (by phone), the weekdays and the time — so that a
 * second import of the same file changes nothing. The pickup is the resident's home; the drop-off a
 * place the hromada knows, by name.
 */

type StorePorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

const WEEKDAYS: Record<string, number> = {
  пн: 1,
  понеділок: 1,
  mon: 1,
  вт: 2,
  вівторок: 2,
  tue: 2,
  ср: 3,
  середа: 3,
  wed: 3,
  чт: 4,
  четвер: 4,
  thu: 4,
  пт: 5,
  "п'ятниця": 5,
  fri: 5,
  сб: 6,
  субота: 6,
  sat: 6,
  нд: 7,
  неділя: 7,
  sun: 7,
};

/** `пн, ср, пт` or `1,3,5`: ISO weekdays, sorted. */
const weekdays: CellReader = (cell) => {
  if (cell === '') return undefined;
  const days: number[] = [];
  for (const part of cell.split(/[,;/|\s]+/).filter((p) => p !== '')) {
    const name = part
      .toLowerCase()
      .replace(/[ʼ’`']/g, "'")
      .replace(/\.$/, '');
    const day = /^[1-7]$/.test(name) ? Number(name) : WEEKDAYS[name];
    if (day === undefined) return { error: `невідомий день тижня: «${part}»` };
    days.push(day);
  }
  return { value: [...days].sort((a, b) => a - b) };
};

const time =
  (kind: 'pickup' | 'arrive-by'): CellReader =>
  (cell) => {
    if (cell === '') return undefined;
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(cell.trim());
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { error: `невірний час: «${cell}» (ГГ:ХХ)` };
    return { value: { kind, time: `${m[1]!.padStart(2, '0')}:${m[2]}` } };
  };

const date: CellReader = (cell) => {
  if (cell === '') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  const ua = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cell);
  if (iso) return { value: cell };
  if (ua) return { value: `${ua[3]}-${ua[2]!.padStart(2, '0')}-${ua[1]!.padStart(2, '0')}` };
  return { error: `невірна дата: «${cell}» (ДД.ММ.РРРР)` };
};

const returnTrip: CellReader = (cell) => {
  if (cell === '') return undefined;
  if (/^(за дзвінком|на дзвінок|will-call)$/i.test(cell.trim())) return { value: { mode: 'will-call' } };
  const at = time('pickup')(cell, undefined as never);
  if (at && 'error' in at) return at;
  return at && { value: { mode: 'fixed', time: (at.value as { time: string }).time } };
};

const PURPOSES: Record<string, string> = {
  лікування: 'medical',
  медичні: 'medical',
  лікарня: 'medical',
  цнап: 'cnap',
  банк: 'bank',
  'соціальні послуги': 'social-services',
  'пенсійний фонд': 'pension-fund',
  інше: 'other',
};
const purpose: CellReader = (cell) =>
  cell === '' ? undefined : { value: PURPOSES[cell.toLowerCase().trim()] ?? cell.toLowerCase().trim() };

const residentByPhone: CellReader = (cell, lookups) => (cell === '' ? undefined : lookups.resident(cell));
const placeByName: CellReader = (cell, lookups) =>
  cell === ''
    ? undefined
    : (() => {
        const found = lookups.place(cell);
        return found && 'value' in found ? { value: { placeId: found.value } } : found;
      })();

const col = (path: string, read: CellReader, ...names: string[]): ImportColumn => ({ names, path, read });

export const standingOrderImport: ImportKind = {
  registry: {
    create: standingOrderCreateSchema,
    fields: standingOrderFields,
  } as unknown as ImportKind['registry'],
  columns: [
    col('id', text, 'id', 'ідентифікатор', 'зовнішній id', 'external id'),
    col('residentId', residentByPhone, 'phone', 'телефон', 'телефон отримувача', 'resident phone'),
    col('weekdays', weekdays, 'weekdays', 'дні', 'дні тижня'),
    col('requestedTime', time('pickup'), 'time', 'час', 'час подачі', 'pickup'),
    col('requestedTime', time('arrive-by'), 'arrive by', 'прибуття до', 'час прибуття'),
    col('dropoff', placeByName, 'to', 'куди', 'місце', 'place'),
    col('return', returnTrip, 'return', 'повернення', 'назад'),
    col('from', date, 'from', 'з', 'від', 'початок'),
    col('to', date, 'until', 'до', 'по', 'кінець'),
    col('purpose', purpose, 'purpose', 'мета'),
  ],
  naturalKeys: (f) => {
    const t = (f.requestedTime as { time?: string } | undefined)?.time;
    return typeof f.residentId === 'string' && Array.isArray(f.weekdays) && t
      ? [`order:${f.residentId}|${[...(f.weekdays as number[])].sort().join(',')}|${t}`]
      : [];
  },
  nullWhenAbsent: [],
  defaults: { pickup: { home: true } },
  store: {
    list: async (ports, hromadaId) => {
      const all: StandingOrder[] = [];
      let cursor: string | undefined;
      do {
        const page = await ports.entities.standingOrders.list(hromadaId, cursor ? { cursor } : {});
        all.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return all.filter((o) => o.status === 'active') as never[];
    },
    create: async (ports, hromadaId, fields, actor) =>
      (
        await createStandingOrder(
          ports as StorePorts,
          hromadaId,
          standingOrderCreateSchema.parse(fields),
          actor,
        )
      ).item,
    update: (ports, hromadaId, id, patch, actor) =>
      editStandingOrder(ports as StorePorts, hromadaId, id, editOf(patch), actor),
  },
};

/** Fields an edit cannot change (the resident, the service, the first date): a new order instead. */
const FIXED = ['residentId', 'serviceType', 'from'];

function editOf(patch: RegistryPatch) {
  const fixed = Object.keys(patch).filter((k) => FIXED.includes(k));
  if (fixed.length > 0)
    throw new ValidationError(
      `a standing order's ${fixed.join(', ')} cannot change: cancel it and import a new one`,
      fixed.map((path) => ({ path, message: 'cannot change' })),
      { reason: 'Отримувача, послугу чи дату початку не змінити: скасуйте замовлення й імпортуйте нове' },
    );
  return patch as never;
}

export type { Actor };
