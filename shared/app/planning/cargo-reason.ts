/**
 * Why a parcel is left out when each van could carry it alone but the day's parcels fill them: the
 * engine reports the request it could not fit as a time-window miss (it diagnoses one request at a
 * time), which misleads a dispatcher. Pure.
 */
import type { PlanRoute } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { DayPoints } from './day-points';

export const CARGO_FULL = 'вантажні авто вже повні: не вистачає кг або літрів';

/**
 * True when `request` carries a parcel and every vehicle of the day that could take it (delivery,
 * a cold box for a cold parcel) would go over its kilograms or litres with it on board.
 */
export function cargoFull(day: DayPoints, routes: PlanRoute[], request: ServiceRequest): boolean {
  const parcel = request.parcel;
  if (!parcel) return false;
  const byId = new Map(day.requests.map((r) => [r.id, r]));
  const able = day.vehicles.filter(
    ({ vehicle }) => vehicle.services.includes('delivery') && (!parcel.cold || vehicle.features.coldBox),
  );
  if (able.length === 0) return false;
  return able.every(({ vehicle }) => {
    const stops = routes.find((r) => r.vehicleId === vehicle.id)?.stops ?? [];
    let kg = parcel.kg;
    let litres = parcel.litres;
    for (const s of stops) {
      const p = byId.get(s.requestId)?.parcel;
      kg += p?.kg ?? 0;
      litres += p?.litres ?? 0;
    }
    return kg > vehicle.capacity.cargoKg || litres > vehicle.capacity.cargoLitres;
  });
}
