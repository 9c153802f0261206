/**
 * Which hromady an air-raid alert's area covers: the hromada itself (its id or its KATOTTG code),
 * or the raion or oblast it lies in (`raionId`, `oblastId` on the hromada: their KATOTTG codes, as
 * the feed's adapter names them; a hromada without them is covered only by an alert naming it).
 */
import type { AirRaidArea } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import { ValidationError } from '../../domain/errors';

export function covers(
  area: AirRaidArea,
  hromada: Pick<Hromada, 'id' | 'raionId' | 'oblastId' | 'katottg'>,
): boolean {
  if (area.level === 'hromada') return area.id === hromada.id || area.id === hromada.katottg;
  if (area.level === 'raion') return area.id === hromada.raionId;
  return area.id === hromada.oblastId;
}

/**
 * The area a dispatcher names: the hromada's own, its raion or its oblast (the id defaults to the
 * hromada's own). Another hromada's area is refused with the reason.
 */
export function dispatcherArea(
  hromada: Pick<Hromada, 'id' | 'raionId' | 'oblastId'>,
  level: AirRaidArea['level'],
): AirRaidArea {
  const id = level === 'hromada' ? hromada.id : level === 'raion' ? hromada.raionId : hromada.oblastId;
  if (!id) {
    const words = level === 'raion' ? 'району' : 'області';
    throw new ValidationError(
      `The hromada has no ${level} id`,
      [{ path: 'level', message: `set the hromada's ${level}Id first` }],
      { reason: `У картці громади не вказано код ${words}: оберіть тривогу по громаді або додайте код` },
    );
  }
  return { level, id };
}
