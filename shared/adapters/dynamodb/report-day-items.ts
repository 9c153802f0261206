import type { TransactionCanceledException, Update } from '@aws-sdk/client-dynamodb';
import type { PlannedRoute, ReportDay, ReportDayDelta } from '../../domain/report-day';
import type { Change } from '../../ports/entity-repository';
import { hromadaPk } from './entities/layout';

/*
 * Pattern RP1/RP2: a hromada's report day, `HROMADA#<h>` / `REPORTDAY#<date>`. Each counter is a
 * number attribute `c.<name>`, each set a string set `s.<name>` (ADD creates both), the planned
 * routes one map `planned` (SET: the last published plan of the date replaces it).
 */

export const reportDayKey = (hromadaId: string, date: string) => ({
  pk: hromadaPk(hromadaId),
  sk: `REPORTDAY#${date}`,
});

/** Counts, not personal data, but they name residents (delivered sets): kept 3 years. */
export const reportDayTtl = (date: string): number =>
  Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + 1095 * 86400;

type TransactUpdate = Omit<Update, 'ExpressionAttributeValues' | 'Key'> & {
  Key: Record<string, unknown>;
  ExpressionAttributeValues: Record<string, unknown>;
};

/** One UpdateItem (unconditional: the change set's own conditions make it happen once). */
export function reportDayUpdate(TableName: string, delta: ReportDayDelta): TransactUpdate {
  const names: Record<string, string> = { '#entity': 'entity', '#h': 'hromadaId', '#date': 'date' };
  const values: Record<string, unknown> = {
    ':entity': 'ReportDay',
    ':h': delta.hromadaId,
    ':date': delta.date,
    ':ttl': reportDayTtl(delta.date),
  };
  const adds: string[] = [];
  Object.entries(delta.add).forEach(([name, n], i) => {
    if (n === 0) return;
    names[`#c${i}`] = `c.${name}`;
    values[`:c${i}`] = n;
    adds.push(`#c${i} :c${i}`);
  });
  Object.entries(delta.sets).forEach(([name, members], i) => {
    if (members.length === 0) return;
    names[`#s${i}`] = `s.${name}`;
    values[`:s${i}`] = new Set(members);
    adds.push(`#s${i} :s${i}`);
  });
  const sets = [
    '#entity = :entity',
    '#h = :h',
    '#date = :date',
    'expiresAt = if_not_exists(expiresAt, :ttl)',
  ];
  if (delta.planned) {
    names['#planned'] = 'planned';
    values[':planned'] = delta.planned;
    sets.push('#planned = :planned');
  }
  return {
    TableName,
    Key: reportDayKey(delta.hromadaId, delta.date),
    UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** A stored report day as the domain reads it. */
export function parseReportDay(item: Record<string, unknown>): ReportDay {
  const counts: Record<string, number> = {};
  const sets: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k.startsWith('c.') && typeof v === 'number') counts[k.slice(2)] = v;
    if (k.startsWith('s.') && v instanceof Set) sets[k.slice(2)] = [...v].map(String).sort();
  }
  return {
    hromadaId: String(item.hromadaId),
    date: String(item.date),
    counts,
    sets,
    planned: (item.planned as Record<string, PlannedRoute> | undefined) ?? null,
  };
}

/** Tries of a change set cancelled only because another transaction held its report day. */
export const REPORT_DAY_ATTEMPTS = 6;

export function lostOnReportDay(error: TransactionCanceledException, changes: Change[]): boolean {
  const reasons = error.CancellationReasons ?? [];
  const failed = reasons.flatMap((r, i) => (r.Code && r.Code !== 'None' ? [i] : []));
  return (
    failed.length > 0 &&
    failed.every((i) => reasons[i]?.Code === 'TransactionConflict') &&
    failed.some((i) => changes[i]?.op === 'report-day')
  );
}

/**
 * The single table, typed: each read names its access pattern and parses what it found with the
 * entity's schema (here, once); every write goes through `commit`, one TransactWriteItems.
 */
