/** A live booking's window, as the resident-day guard remembers it (UTC ISO instants). */
export interface BookedWindow {
  requestId: string;
  start: string;
  end: string;
}

/**
 * One resident's bookings on one service date: the guard every booking of that resident and day
 * writes conditionally on its `version`, so that two bookings cannot both pass the overlap check.
 * `windows` lists the bookings made through the guard; a listed request that has since become
 * final (cancelled, done, no-show) no longer blocks anything and is dropped at the next booking.
 */
export interface ResidentDay {
  hromadaId: string;
  residentId: string;
  /** The local (Kyiv) service date. */
  date: string;
  version: number;
  windows: BookedWindow[];
  updatedAt: string;
  /** TTL, epoch seconds: a few days after the date, when no booking can reach it any more. */
  expiresAt: number;
}
