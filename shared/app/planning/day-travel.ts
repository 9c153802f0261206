/**
 * The day's travel times: one matrix per profile its vehicles drive (cars, heavier vans), from
 * the source the hromada chose, and how they were made, for the plan's record.
 */
import type { PlanTravelTimes } from '../../domain/entities/plan';
import type { TravelMatrix, TravelProfile, TravelTimes } from '../../ports/travel-times';
import type { DayInput, DayPoints } from './day-points';

export type DayMatrices = Partial<Record<TravelProfile, TravelMatrix>>;

export async function dayTravel(
  travel: TravelTimes,
  input: DayInput,
  day: DayPoints,
): Promise<{ matrices: DayMatrices; record: PlanTravelTimes }> {
  const profiles = [...new Set(day.vehicles.map(({ vehicle }) => vehicle.profile ?? 'driving-car'))];
  if (profiles.length === 0) profiles.push('driving-car');
  const source = input.hromada.rules.travelTimes;
  const matrices: DayMatrices = {};
  const record: PlanTravelTimes = { source: 'offline', estimatedCells: 0, calls: 0, cachedCells: 0 };
  for (const profile of profiles) {
    const matrix = await travel.matrix(day.points, profile, {
      ...(source ? { source } : {}),
      ...(input.zones?.length ? { avoid: input.zones } : {}),
    });
    matrices[profile] = matrix;
    if (matrix.stats) {
      record.source = matrix.stats.source;
      record.estimatedCells += matrix.stats.estimatedCells;
      record.calls += matrix.stats.calls;
      record.cachedCells += matrix.stats.cachedCells;
    }
  }
  return { matrices, record };
}
