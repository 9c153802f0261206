import { normalisePhone } from '../../domain/phone';
import type { CellValue, Lookups } from './cells';

type Named = { id: string; name: string; katottg?: string | undefined };

/**
 * Names a sheet uses for items the hromada already has, to their ids: by id, by KATOTTG code, or
 * by name (case and a leading `с.`/`смт`/`м.` do not matter). A name two items share is refused
 * rather than guessed.
 */
export function lookupsOf(items: {
  settlements?: Named[];
  depots?: Named[];
  providers?: Named[];
  residents?: Array<{ id: string; phone?: string | null | undefined }>;
  places?: Named[];
}): Lookups {
  return {
    settlement: finder(items.settlements ?? [], 'населений пункт'),
    depot: finder(items.depots ?? [], 'базу'),
    provider: finder(items.providers ?? [], 'надавача'),
    place: finder(items.places ?? [], 'місце'),
    resident: (cell) => {
      const check = normalisePhone(cell, { requireMobile: false });
      const phone = check.ok ? check.e164 : cell;
      const found = (items.residents ?? []).filter((r) => r.phone === phone);
      if (found.length === 1) return { value: found[0]!.id };
      return {
        error:
          found.length > 1
            ? `кілька отримувачів з номером «${cell}»`
            : `не знайдено отримувача з номером «${cell}»`,
      };
    },
  };
}

const PREFIX = /^(с\.|с-ще|селище|село|смт\.?|м\.|місто)\s*/u;
const simplify = (name: string) => name.normalize('NFC').toLowerCase().trim().replace(PREFIX, '').trim();

function finder(items: Named[], what: string): (cell: string) => CellValue {
  const byName = new Map<string, Named[]>();
  for (const item of items) {
    const key = simplify(item.name);
    byName.set(key, [...(byName.get(key) ?? []), item]);
  }
  return (cell) => {
    const exact = items.find((i) => i.id === cell || i.katottg === cell);
    if (exact) return { value: exact.id };
    const found = byName.get(simplify(cell)) ?? [];
    if (found.length === 1) return { value: found[0]!.id };
    if (found.length > 1) return { error: `кілька збігів для «${cell}»: вкажіть id або код КАТОТТГ` };
    return { error: `не знайдено ${what} «${cell}» у громаді` };
  };
}
