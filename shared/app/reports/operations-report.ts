import type { Vehicle } from '../../domain/entities/vehicle';
import { countKey, type ReportDay, round } from '../../domain/report-day';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/**
 * The fleet's work over a period, from the planned routes of each day's last published plan
 * (drivers report no km by SMS, so every km here is planned) and the done rides' riders.
 */
export interface OperationsReport extends ReportPeriod {
  hromadaId: string;
  /** Riders (residents and escorts) of done social-taxi rides. */
  riders: number;
  /** Planned hours of the routes that carried riders (had a pickup). */
  rideVehicleHours: number;
  /** riders ÷ rideVehicleHours, two decimals; null without such hours. */
  ridersPerVehicleHour: number | null;
  /** Σ seats × km of the routes that carried riders. */
  seatKm: number;
  /** Σ requests on board × km of each leg (one rider per request: escorts are not in the plan). */
  riderKm: number;
  /** riderKm ÷ seatKm, two decimals; null without seat-km. */
  seatKmShare: number | null;
  byVehicle: Array<{ vehicleId: string; days: number; km: number; hours: number }>;
  byDriver: Array<{ driverId: string; days: number; km: number }>;
  /**
   * Km of staff on brigade and mobile-case trips (travel compensation): the km of each day's
   * route of a vehicle serving the mobile brigade or the mobile case that made a visit, counted
   * for its driver, the one staff member the plan knows (brigade members riding along are not).
   */
  staffKm: Array<{ driverId: string; km: number }>;
}

const STAFF_SERVICES = new Set(['mobile-brigade', 'mobile-case']);

export function operationsReport(
  input: { hromadaId: string; period: ReportPeriod },
  days: readonly ReportDay[],
  vehicles: ReadonlyMap<string, Pick<Vehicle, 'capacity' | 'services'>>,
): OperationsReport {
  let riders = 0;
  let rideHours = 0;
  let seatKm = 0;
  let riderKm = 0;
  const byVehicle = new Map<string, { days: number; km: number; hours: number }>();
  const byDriver = new Map<string, { days: number; km: number }>();
  const staff = new Map<string, number>();
  for (const day of days) {
    riders += day.counts[countKey.riders('social-taxi')] ?? 0;
    for (const [vehicleId, route] of Object.entries(day.planned ?? {})) {
      const v = byVehicle.get(vehicleId) ?? { days: 0, km: 0, hours: 0 };
      byVehicle.set(vehicleId, { days: v.days + 1, km: v.km + route.km, hours: v.hours + route.hours });
      const vehicle = vehicles.get(vehicleId);
      if (route.pickups > 0) {
        rideHours += route.hours;
        seatKm += (vehicle?.capacity.seats ?? 0) * route.km;
        riderKm += route.riderKm;
      }
      if (!route.driverId) continue;
      const d = byDriver.get(route.driverId) ?? { days: 0, km: 0 };
      byDriver.set(route.driverId, { days: d.days + 1, km: d.km + route.km });
      if (route.visits > 0 && vehicle?.services.some((s) => STAFF_SERVICES.has(s))) {
        staff.set(route.driverId, (staff.get(route.driverId) ?? 0) + route.km);
      }
    }
  }
  const byId = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    hromadaId: input.hromadaId,
    ...input.period,
    riders,
    rideVehicleHours: round(rideHours, 2),
    ridersPerVehicleHour: rideHours > 0 ? round(riders / rideHours, 2) : null,
    seatKm: round(seatKm, 1),
    riderKm: round(riderKm, 1),
    seatKmShare: seatKm > 0 ? round(riderKm / seatKm, 2) : null,
    byVehicle: byId(byVehicle).map(([vehicleId, v]) => ({
      vehicleId,
      days: v.days,
      km: round(v.km, 1),
      hours: round(v.hours, 2),
    })),
    byDriver: byId(byDriver).map(([driverId, d]) => ({ driverId, days: d.days, km: round(d.km, 1) })),
    staffKm: byId(staff).map(([driverId, km]) => ({ driverId, km: round(km, 1) })),
  };
}

/** One row per figure, vehicle, driver and staff member: `Показник; Об'єкт; Значення`. */
export function operationsTable(r: OperationsReport): Table {
  const period = `${r.from} – ${r.to}`;
  return {
    headers: ['Показник', "Об'єкт", 'Значення'],
    rows: [
      ['Пасажирів (соціальне таксі)', period, r.riders],
      ['Годин роботи авто з пасажирами (план)', period, r.rideVehicleHours],
      ['Пасажирів на авто-годину', period, r.ridersPerVehicleHour],
      ['Місце-км (план)', period, r.seatKm],
      ['Пасажиро-км (план)', period, r.riderKm],
      ['Частка використаних місце-км', period, r.seatKmShare],
      ...r.byVehicle.map((v) => ['Км авто (план)', v.vehicleId, v.km]),
      ...r.byDriver.map((d) => ['Км водія (план)', d.driverId, d.km]),
      ...r.staffKm.map((s) => ['Км працівника: бригада, мобільний кейс (план)', s.driverId, s.km]),
    ],
  };
}
