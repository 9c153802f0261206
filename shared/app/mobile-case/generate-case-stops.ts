import type { Actor } from '../../domain/actor';
import { type CaseSchedule, scheduleDates, scheduledStopId } from '../../domain/case-schedule';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { requireHromada } from '../registry';
import { newCaseStop, stopPlaceAndVehicle } from './case-stops';

export interface GeneratedStops {
  /** Ids of the stops this run created. */
  created: string[];
  /** Ids that already existed (an earlier run, or a race): left as they are. */
  existing: string[];
}

/**
 * The stops of a recurring schedule: one per date of its recurrence, with the deterministic id
 * `<scheduleId>-<date>`, each created (with its audit entry) only if it does not exist, so a
 * second run, or two at once, creates nothing twice. A stop already there is never overwritten
 * (a dispatcher may have changed or cancelled it).
 */
export async function generateCaseStops(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  schedule: CaseSchedule,
  actor: Actor,
): Promise<GeneratedStops> {
  const hromada = await requireHromada(ports, hromadaId);
  const { settlement } = await stopPlaceAndVehicle(ports, hromadaId, schedule);
  const { scheduleId, recurrence, start, until, ...fields } = schedule;
  const out: GeneratedStops = { created: [], existing: [] };
  const dates = scheduleDates(recurrence, start, until);
  const known = new Set((await ports.entities.caseStops.between(hromadaId, start, until)).map((s) => s.id));
  for (const date of dates) {
    const id = scheduledStopId(scheduleId, date);
    if (known.has(id)) {
      out.existing.push(id);
      continue;
    }
    const now = ports.clock.now().toISOString();
    const stop = newCaseStop(hromada, settlement, { ...fields, date }, { id, now, scheduleId });
    try {
      await ports.entities.commit([
        { op: 'create', entity: 'CaseStop', item: stop },
        auditChange(ports, hromada, actor, 'create', 'CaseStop', id, ['scheduleId', 'date']),
      ]);
      out.created.push(id);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      out.existing.push(id);
    }
  }
  return out;
}
