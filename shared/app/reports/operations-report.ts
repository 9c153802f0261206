import type { Vehicle } from '../../domain/entities/vehicle';
import { countKey, type ReportDay, round } from '../../domain/report-day';
import type { Table } from './csv';
import type { ReportPeriod } from './report-period';

/**
 * The fleet's work over a period, from the planned routes of each day's last published plan and
 * the done rides' riders. Drivers report no km (their SMS are `N OK`, `N NS`, `N ?`): every km
 * here is planned, and the km as reported is given as null with a note, never made up.
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
  byVehicle: Array<{ vehicleId: string; days: number; km: number; hours: number; reportedKm: null }>;
  /**
   * By the route's driver: the one the plan names, else the driver whose vehicles include the
   * route's vehicle (who is sent the route by SMS; the planner names none).
   */
  byDriver: Array<{ driverId: string; days: number; km: number; reportedKm: null }>;
  /**
   * Km of staff on brigade and mobile-case trips (travel compensation): the km of each day's
   * route of a vehicle serving the mobile brigade or the mobile case that made a visit, counted
   * for its driver (the route's, else its vehicle's: see `byDriver`), the one staff member known
   * (brigade members riding along are not).
   */
  staffKm: Array<{ driverId: string; km: number; reportedKm: null }>;
  /** Why every `reportedKm` is null (for the dispatcher, Ukrainian). */
  reportedKmNote: string;
}

export const REPORTED_KM_NOTE =
  'Водії не надсилають кілометраж (SMS лише «N OK», «N NS», «N ?»): км за звітом не обліковуються, показано плановий км.';

const STAFF_SERVICES = new Set(['mobile-brigade', 'mobile-case']);

export function operationsReport(
  input: { hromadaId: string; period: ReportPeriod },
  days: readonly ReportDay[],
  vehicles: ReadonlyMap<
    string,
    { capacity: Pick<Vehicle['capacity'], 'seats'>; services: Vehicle['services'] }
  >,
  driverOfVehicle: ReadonlyMap<string, string> = new Map(),
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
      const driverId = route.driverId ?? driverOfVehicle.get(vehicleId);
      if (!driverId) continue;
      const d = byDriver.get(driverId) ?? { days: 0, km: 0 };
      byDriver.set(driverId, { days: d.days + 1, km: d.km + route.km });
      if (route.visits > 0 && vehicle?.services.some((s) => STAFF_SERVICES.has(s))) {
        staff.set(driverId, (staff.get(driverId) ?? 0) + route.km);
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
      reportedKm: null,
    })),
    byDriver: byId(byDriver).map(([driverId, d]) => ({
      driverId,
      days: d.days,
      km: round(d.km, 1),
      reportedKm: null,
    })),
    staffKm: byId(staff).map(([driverId, km]) => ({ driverId, km: round(km, 1), reportedKm: null })),
    reportedKmNote: REPORTED_KM_NOTE,
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
      ...r.byVehicle.flatMap((v) => [
        ['Км авто (план)', v.vehicleId, v.km],
        ['Км авто (за звітом)', v.vehicleId, v.reportedKm],
      ]),
      ...r.byDriver.flatMap((d) => [
        ['Км водія (план)', d.driverId, d.km],
        ['Км водія (за звітом)', d.driverId, d.reportedKm],
      ]),
      ...r.staffKm.flatMap((s) => [
        ['Км працівника: бригада, мобільний кейс (план)', s.driverId, s.km],
        ['Км працівника: бригада, мобільний кейс (за звітом)', s.driverId, s.reportedKm],
      ]),
      ['Примітка', r.reportedKmNote, null],
    ],
  };
}
