/**
 * A provider's service area (docs/services/regional-tours.md, «Перший тур»): the hromady that
 * agreed to its service, its home hromada, and each one's settlements with a point, so that the
 * provider's user can place a first tour's depot and overnight places without reading any
 * hromada's registry. Geography only: no resident, request or visit is read.
 */
import type { GeoPoint } from '../../domain/common';
import { registryKinds } from '../../domain/registry';
import { listAll } from '../registry';
import type { TourReadPorts } from './tour-ports';

export interface AreaSettlement {
  id: string;
  name: string;
  location: GeoPoint;
}

export interface AreaHromada {
  hromadaId: string;
  name: string;
  /** The provider's home hromada (its registry; the depot is usually there). */
  home: boolean;
  /** The agreement's period and its withdrawal, absent for the home hromada without one. */
  agreement?: { validFrom: string; validTo: string; withdrawnFrom?: string };
  /** The settlements with a point, by name (a settlement without one cannot be a place). */
  settlements: AreaSettlement[];
}

export interface ProviderArea {
  providerId: string;
  /** Where the provider is registered: the `providerHromadaId` of a tour; absent without agreements. */
  providerHromadaId?: string;
  hromady: AreaHromada[];
}

export async function providerArea(ports: TourReadPorts, providerId: string): Promise<ProviderArea> {
  const agreements = await ports.entities.tours.agreementsOfProvider(providerId);
  const home = agreements[0]?.providerHromadaId;
  if (!home) return { providerId, hromady: [] };
  const ids = [home, ...agreements.map((a) => a.hromadaId).filter((h) => h !== home)];
  const hromady: AreaHromada[] = [];
  for (const hromadaId of ids) {
    const hromada = await ports.entities.hromady.get(hromadaId);
    if (!hromada) continue;
    const agreement = agreements.find((a) => a.hromadaId === hromadaId);
    const settlements = (await listAll(ports, registryKinds.settlements, hromadaId))
      .flatMap((s) => (s.location ? [{ id: s.id, name: s.name, location: s.location }] : []))
      .sort((a, b) => a.name.localeCompare(b.name, 'uk'));
    hromady.push({
      hromadaId,
      name: hromada.name,
      home: hromadaId === home,
      ...(agreement
        ? {
            agreement: {
              validFrom: agreement.validFrom,
              validTo: agreement.validTo,
              ...(agreement.withdrawn ? { withdrawnFrom: agreement.withdrawn.from } : {}),
            },
          }
        : {}),
      settlements,
    });
  }
  return { providerId, providerHromadaId: home, hromady };
}
