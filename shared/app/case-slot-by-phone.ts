import { CASE_REASONS } from '../domain/case-booking-reasons';
import type { Hromada } from '../domain/entities/hromada';
import type { Resident } from '../domain/entities/resident';
import { ConflictError } from '../domain/errors';
import { maskPhone } from '../domain/phone';
import type { Ports } from '../ports/ports';
import { bookCaseSlot, stopsAhead } from './mobile-case/book-case-slot';

export type CaseSlotOutcome = 'booked' | 'already' | 'no-stop' | 'full';

/**
 * On the phone line: the first free slot at the next mobile-case stop in the caller's village,
 * confirmed with its time by the usual SMS (the time varies, so it is not said). A caller who
 * already holds a slot there keeps it (a second press in the same call lands here too).
 */
export async function bookCaseSlotByPhone(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromada: Hromada,
  resident: Resident,
  callerE164: string,
): Promise<CaseSlotOutcome> {
  const [stop] = await stopsAhead(ports, hromada, resident.settlementId);
  if (!stop) return 'no-stop';
  try {
    await bookCaseSlot(ports, {
      hromadaId: hromada.id,
      stopId: stop.id,
      residentId: resident.id,
      actor: `phone:${maskPhone(callerE164)}`,
    });
    return 'booked';
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return error.reason === CASE_REASONS.alreadyBooked ? 'already' : 'full';
  }
}
