/**
 * The hromada's curfew applied to a day's problem (shared/domain/curfew.ts): vehicles' shifts
 * and requests' windows lose their part inside it, and a request wholly inside it is left out with
 * its Ukrainian reason. A request kept from a day under way (done, on board) is never touched.
 * Pure.
 */
import { curfewSpans, IN_CURFEW, outsideSpans, shiftOutsideCurfew } from '../../domain/curfew';
import type { Hromada } from '../../domain/entities/hromada';
import type { ServiceRequest } from '../../domain/entities/service-request';

export interface DayCurfew {
  shift(shift: { start: string; end: string }): { start: string; end: string } | undefined;
  requests(
    requests: ServiceRequest[],
    keep: ReadonlySet<string>,
    refused: Array<{ requestId: string; reason: string }>,
  ): ServiceRequest[];
}

const NONE: DayCurfew = { shift: (s) => s, requests: (r) => r };

export function curfewOfDay(hromada: Pick<Hromada, 'timeZone' | 'rules'>, date: string): DayCurfew {
  const curfew = hromada.rules.curfew;
  if (!curfew) return NONE;
  const spans = curfewSpans(curfew, date, hromada.timeZone);
  return {
    shift: (shift) => shiftOutsideCurfew(curfew, date, hromada.timeZone, shift),
    requests: (requests, keep, refused) =>
      requests.flatMap((r) => {
        if (keep.has(r.id)) return [r];
        const window = { startMs: Date.parse(r.window.start), endMs: Date.parse(r.window.end) };
        const free = outsideSpans(window, spans);
        if (!free) {
          refused.push({ requestId: r.id, reason: IN_CURFEW });
          return [];
        }
        if (free.startMs === window.startMs && free.endMs === window.endMs) return [r];
        const clipped = {
          start: new Date(free.startMs).toISOString(),
          end: new Date(free.endMs).toISOString(),
        };
        return [{ ...r, window: clipped }];
      }),
  };
}
