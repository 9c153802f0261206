import type { Alert } from '../../../domain/entities/alert';
import { INDEX } from '../table-schema';
import { indexKeys, inHromada } from './layout';

/** Pattern A1: a day's alerts, newest first: all of them (gsi2), or only open or handled ones (gsi1). */
export const alertsByDay = {
  all: { index: INDEX.alertsByDay, pk: (hromadaId: string, date: string) => `ALERTS#${hromadaId}#${date}` },
  byState: {
    index: INDEX.alertsByState,
    pk: (hromadaId: string, date: string, handled: boolean) =>
      `ALERTS#${hromadaId}#${date}#${handled ? 'handled' : 'open'}`,
  },
} as const;

/** An alert: in its hromada's partition; handling it moves it from the open to the handled listing. */
export const alertLayout = inHromada<Alert>('Alert', 'ALERT', (a) => ({
  ...indexKeys(alertsByDay.all.index, alertsByDay.all.pk(a.hromadaId, a.date), `${a.at}#${a.id}`),
  ...indexKeys(
    alertsByDay.byState.index,
    alertsByDay.byState.pk(a.hromadaId, a.date, a.handled),
    `${a.at}#${a.id}`,
  ),
}));
