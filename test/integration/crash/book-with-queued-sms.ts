import { bookServiceRequest } from '../../../shared/app/service-requests';
import type { OutboxMessage } from '../../../shared/domain/entities/outbox-message';
import { addDays, localDate } from '../../../shared/domain/time';
import { HROMADA, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';
import type { freshTable, portsFor } from '../support';

/**
 * The crash tests' start: a resident's taxi booked for tomorrow (the ports' clock) on the table, its
 * confirmation SMS queued in the outbox. Gives that message (its id and version go to the process
 * that dies sending it).
 */
export async function bookWithQueuedSms(
  t: Awaited<ReturnType<typeof freshTable>>,
  ports: ReturnType<typeof portsFor>,
): Promise<OutboxMessage> {
  const now = ports.clock.now();
  const resident = await seedBasics(ports);
  const request = await bookServiceRequest(
    ports,
    HROMADA,
    bookingOf(taxiRequest(resident.id, addDays(localDate(now), 1))),
    'dispatcher',
  );
  return (await t.outbox.get(`book-${request.id}`))!;
}
