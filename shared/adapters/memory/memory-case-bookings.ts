import type { CaseBooking } from '../../domain/entities/case-stop';
import type { Change } from '../../ports/entity-repository';
import { type CaseBookingChange, explainCaseBooking } from '../case-booking-conflict';

/** The mobile-case slot and booking items in memory, with the conditions DynamoDB puts on them. */
export class MemoryCaseBookings {
  readonly slots = new Map<string, CaseBooking>();
  readonly bookings = new Map<string, CaseBooking>();

  forStop(hromadaId: string, stopId: string): CaseBooking[] {
    return [...this.bookings.values()]
      .filter((b) => b.hromadaId === hromadaId && b.stopId === stopId)
      .sort((a, b) => a.slot - b.slot)
      .map((b) => structuredClone(b));
  }

  get(hromadaId: string, stopId: string, residentId: string): CaseBooking | undefined {
    const b = this.bookings.get(`${hromadaId}|${stopId}|${residentId}`);
    return b ? structuredClone(b) : undefined;
  }

  /** Throws the ConflictError DynamoDB would when any condition fails. */
  check(changes: Change[]): void {
    for (const c of changes) {
      if (c.op !== 'case-slot-take' && c.op !== 'case-slot-free' && c.op !== 'case-booking') continue;
      if (!this.holds(c)) throw explainCaseBooking(c);
    }
  }

  private holds(c: CaseBookingChange): boolean {
    const b = c.booking;
    if (c.op === 'case-slot-take') return !this.slots.has(slotKey(b));
    if (c.op === 'case-slot-free') return this.slots.get(slotKey(b))?.residentId === b.residentId;
    const found = this.bookings.get(bookingKey(b));
    return c.expectedVersion === undefined ? !found : found?.version === c.expectedVersion;
  }

  apply(c: CaseBookingChange): void {
    const b = structuredClone(c.booking);
    if (c.op === 'case-slot-take') this.slots.set(slotKey(b), b);
    else if (c.op === 'case-slot-free') this.slots.delete(slotKey(b));
    else if (c.remove) this.bookings.delete(bookingKey(b));
    else this.bookings.set(bookingKey(b), b);
  }
}

const slotKey = (b: CaseBooking) => `${b.hromadaId}|${b.stopId}|${b.slot}`;
const bookingKey = (b: CaseBooking) => `${b.hromadaId}|${b.stopId}|${b.residentId}`;
