import type { Resident } from '../../domain/entities/resident';
import type { Settlement } from '../../domain/entities/settlement';
import { type ReportDay, setKey } from '../../domain/report-day';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/** The strategy's coverage indicators over a period. */
export interface StrategyReport extends ReportPeriod {
  hromadaId: string;
  /** Starosta districts of the hromada (the centre, a settlement without one, is not counted). */
  starostaDistricts: number;
  /** Districts with a done social-taxi ride picking up in one of their settlements. */
  districtsServedByTaxi: number;
  districtsServedShare: number | null;
  /** Residents registered in a settlement marked `remote`. */
  remoteResidents: number;
  /** Those of them who received at least one delivery (done) in the period. */
  remoteResidentsSupplied: number;
  remoteSuppliedShare: number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) / 100 : null);

export function strategyReport(
  input: { hromadaId: string; period: ReportPeriod },
  days: readonly ReportDay[],
  settlements: readonly Pick<Settlement, 'id' | 'starostaDistrict' | 'remote'>[],
  residents: readonly Pick<Resident, 'id' | 'settlementId'>[],
): StrategyReport {
  const districtOf = new Map(settlements.map((s) => [s.id, s.starostaDistrict]));
  const districts = new Set(settlements.flatMap((s) => (s.starostaDistrict ? [s.starostaDistrict] : [])));
  const served = new Set<string>();
  const supplied = new Set<string>();
  for (const day of days) {
    for (const settlement of day.sets[setKey.taxiSettlements] ?? []) {
      const district = districtOf.get(settlement);
      if (district) served.add(district);
    }
    for (const entry of day.sets[setKey.delivered] ?? []) supplied.add(entry.slice(entry.indexOf('#') + 1));
  }
  const remote = new Set(settlements.filter((s) => s.remote).map((s) => s.id));
  const remoteResidents = residents.filter((r) => remote.has(r.settlementId));
  const remoteSupplied = remoteResidents.filter((r) => supplied.has(r.id)).length;
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    starostaDistricts: districts.size,
    districtsServedByTaxi: served.size,
    districtsServedShare: share(served.size, districts.size),
    remoteResidents: remoteResidents.length,
    remoteResidentsSupplied: remoteSupplied,
    remoteSuppliedShare: share(remoteSupplied, remoteResidents.length),
  };
}

export function strategyTable(r: StrategyReport): Table {
  return {
    headers: [
      'Період',
      'Старостинських округів',
      'Охоплено соціальним таксі',
      'Частка округів',
      'Мешканців віддалених сіл',
      'Отримали доставку',
      'Частка забезпечених',
    ],
    rows: [
      [
        `${r.from} – ${r.to}`,
        r.starostaDistricts,
        r.districtsServedByTaxi,
        r.districtsServedShare,
        r.remoteResidents,
        r.remoteResidentsSupplied,
        r.remoteSuppliedShare,
      ],
    ],
  };
}
