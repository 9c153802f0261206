import { CASE_REASONS } from '../domain/case-booking-reasons';
import { ConflictError } from '../domain/errors';
import type { Change } from '../ports/entity-repository';

/** The changes that write a mobile-case booking's items (patterns MC3). */
export type CaseBookingChange = Extract<Change, { op: 'case-slot-take' | 'case-slot-free' | 'case-booking' }>;

const {
  slotTaken: SLOT_TAKEN,
  alreadyBooked: ALREADY_BOOKED,
  bookingChanged: BOOKING_CHANGED,
} = CASE_REASONS;

/** The domain error of a failed condition on one of these items, with its reason in Ukrainian. */
export function explainCaseBooking(change: CaseBookingChange): ConflictError {
  const b = change.booking;
  if (change.op === 'case-slot-take')
    return new ConflictError(`Slot ${b.slot} of stop ${b.stopId} is taken`, undefined, {
      reason: SLOT_TAKEN,
    });
  if (change.op === 'case-booking' && change.expectedVersion === undefined && !change.remove)
    return new ConflictError(`Resident ${b.residentId} already has a slot at stop ${b.stopId}`, undefined, {
      reason: ALREADY_BOOKED,
    });
  return new ConflictError(`The booking of ${b.residentId} at stop ${b.stopId} was changed`, undefined, {
    reason: BOOKING_CHANGED,
  });
}
