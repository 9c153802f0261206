import type { ReportDay, ReportDayDelta } from '../../domain/report-day';
import type { ReportDayStore } from '../../ports/stores';

/** In-memory report days (RP1, RP2): the DynamoDB adapter's ADD and SET, by `<hromada>|<date>`. */
export class MemoryReportDays implements ReportDayStore {
  readonly days = new Map<string, ReportDay>();

  apply(delta: ReportDayDelta): void {
    const key = `${delta.hromadaId}|${delta.date}`;
    const day: ReportDay = this.days.get(key) ?? {
      hromadaId: delta.hromadaId,
      date: delta.date,
      counts: {},
      sets: {},
      planned: null,
    };
    for (const [k, n] of Object.entries(delta.add)) day.counts[k] = (day.counts[k] ?? 0) + n;
    for (const [k, v] of Object.entries(delta.sets)) {
      if (v.length > 0) day.sets[k] = [...new Set([...(day.sets[k] ?? []), ...v])].sort();
    }
    if (delta.planned) day.planned = structuredClone(delta.planned);
    this.days.set(key, day);
  }

  async between(hromadaId: string, from: string, to: string): Promise<ReportDay[]> {
    return [...this.days.values()]
      .filter((d) => d.hromadaId === hromadaId && d.date >= from && d.date <= to)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((d) => structuredClone(d));
  }
}
