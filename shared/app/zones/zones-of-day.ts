/**
 * The zones a day's plan must avoid, as obstacles: every active zone whose validity covers the
 * date, its polygons together. Pure but for the one read.
 */
import { zoneInForce } from '../../domain/entities/danger-zone';
import type { Ports } from '../../ports/ports';
import type { ZonePolygons } from '../../routing/geometry/zone-map';

export async function zonesOfDay(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
): Promise<ZonePolygons> {
  const zones = await ports.entities.dangerZones.all(hromadaId);
  // positions are validated as [lon, lat] pairs (danger-zone.ts)
  return zones.filter((z) => zoneInForce(z, date)).flatMap((z) => z.geometry.coordinates) as ZonePolygons;
}
