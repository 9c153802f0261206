import type { BookedWindow, ResidentDay } from '../domain/entities/resident-day';
import { isFinal, type ServiceRequest } from '../domain/entities/service-request';
import { ConflictError } from '../domain/errors';
import { addDays, localTimeLabel, localToUtc } from '../domain/time';
import type { Change } from '../ports/entity-repository';
import type { Ports } from '../ports/ports';

/** The guard is kept a few days past its date: after that no booking can reach it. */
const GUARD_DAYS_AFTER = 3;

const overlaps = (a: BookedWindow, b: BookedWindow) => a.start < b.end && b.start < a.end;

/**
 * The resident-day guard's change for a new booking or a new window of an edited one (its own
 * earlier window is replaced, never an overlap with itself), after the overlap check: a resident has at
 * most one live booking (not cancelled, done or no-show) for any moment, unless the dispatcher
 * says `allowOverlap` (two different services at once, rarely). Every booking of the resident and
 * date rewrites the guard conditionally on the version read here, so concurrent bookings are
 * serialised: the loser's transaction fails and its next attempt sees the winner. Statuses are
 * read consistently; a status only ever moves to final, so a stale read can only refuse.
 */
export async function guardResidentDay(
  ports: Pick<Ports, 'entities' | 'clock'>,
  booked: ServiceRequest | ServiceRequest[],
  allowOverlap: boolean,
  timeZone: string,
): Promise<Change> {
  // several: a ride and its linked return, booked together (one guard write for both)
  const requests = Array.isArray(booked) ? booked : [booked];
  const { hromadaId, residentId, date } = requests[0]!;
  const ids = new Set(requests.map((r) => r.id));
  const day = await ports.entities.residentDays.get(hromadaId, residentId, date);
  const others = (day?.windows ?? []).filter((w) => !ids.has(w.requestId));
  const live = await liveWindows(ports, hromadaId, others);
  const mine: BookedWindow[] = requests.map((r) => ({
    requestId: r.id,
    start: r.window.start,
    end: r.window.end,
  }));
  const clash = live.find((w) => mine.some((m) => overlaps(w, m)));
  if (clash && !allowOverlap) {
    const span = `${localTimeLabel(new Date(clash.start), timeZone)}–${localTimeLabel(new Date(clash.end), timeZone)}`;
    throw new ConflictError(
      `Resident ${residentId} already has a live booking at an overlapping time on ${date}: ` +
        `request ${clash.requestId}, ${span}; send allowOverlap: true to book both`,
      undefined,
      {
        reason:
          `У мешканця вже є запис на цей час (${span}). Якщо це справді дві різні послуги, ` +
          'дозвольте накладання',
      },
    );
  }
  const next: ResidentDay = {
    hromadaId,
    residentId,
    date,
    version: (day?.version ?? 0) + 1,
    windows: [...live, ...mine],
    updatedAt: ports.clock.now().toISOString(),
    expiresAt: Math.floor(localToUtc(addDays(date, GUARD_DAYS_AFTER), '00:00', timeZone).getTime() / 1000),
  };
  return {
    op: 'resident-day',
    day: next,
    ...(day ? { expectedVersion: day.version } : {}),
  };
}

/** The guard's windows whose requests are still live (read consistently, one by one). */
async function liveWindows(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  windows: BookedWindow[],
): Promise<BookedWindow[]> {
  const reads = await Promise.all(windows.map((w) => ports.entities.requests.get(hromadaId, w.requestId)));
  return windows.filter((_w, i) => {
    const found = reads[i];
    return found !== undefined && !isFinal(found.status);
  });
}
