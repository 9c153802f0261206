/**
 * Reading a tour. The provider (its dispatchers and brigade) reads all of it, every visit in
 * clear. A hromada reads only its own visits on it: another hromada's stop is shown as «візит в
 * іншій громаді» with its times only (no person, address, settlement or visit id), and another
 * hromada's unassigned visits are not shown at all. A hromada's own confidential visit is shown in
 * clear only to an admin or a reader of the provider that serves it (as for the day's requests).
 * Every read that returns a confidential visit leaves one `read-confidential` audit entry in that
 * visit's hromada (pattern B1: who, which visits, which fields were shown in clear).
 */
import type { Tour } from '../../domain/entities/tour';
import type { TourVisit } from '../../domain/entities/tour-visit';
import { NotFoundError } from '../../domain/errors';
import type { Viewer } from '../../domain/viewer';
import { auditChange } from '../audit';
import { requireHromada, type TourReadPorts, type TourWritePorts } from './tour-ports';

export const OTHER_HROMADA = 'візит в іншій громаді';
const CONFIDENTIAL = 'конфіденційно';
const CLEAR_FIELDS = ['address', 'residentName', 'purpose'];

export interface VisitView {
  visitId: string;
  hromadaId: string;
  settlementName: string;
  date: string;
  window: { from: string; to: string };
  durationMinutes: number;
  confidential: boolean;
  address?: string;
  residentName?: string;
  purpose?: string;
}

export type StopView =
  | ({ arrival: string; departure: string; kind: 'visit' } & VisitView)
  | { arrival: string; departure: string; kind: 'other-hromada'; label: string };

export interface TourView extends Omit<Tour, 'days' | 'unassigned'> {
  days: Array<Omit<Tour['days'][number], 'stops'> & { stops: StopView[] }>;
  unassigned: Array<{ reason: string } & VisitView>;
}

function visitView(v: TourVisit, clear: boolean): VisitView {
  return {
    visitId: v.id,
    hromadaId: v.hromadaId,
    settlementName: v.settlementName,
    date: v.date,
    window: { from: v.from, to: v.to },
    durationMinutes: v.durationMinutes,
    confidential: v.confidential,
    ...(clear || !v.confidential
      ? {
          ...(v.address ? { address: v.address } : {}),
          ...(v.residentName ? { residentName: v.residentName } : {}),
          ...(v.purpose ? { purpose: v.purpose } : {}),
        }
      : { address: CONFIDENTIAL }),
  };
}

async function loadTour(ports: TourReadPorts, id: string, owns: (t: Tour) => boolean): Promise<Tour> {
  const tour = await ports.entities.tours.get(id);
  if (!tour || !owns(tour)) throw new NotFoundError('Tour', id);
  return tour;
}

/** The visits a reader may see, by id. */
async function visitsOf(ports: TourReadPorts, tour: Tour, keep: (hromadaId: string) => boolean) {
  const refs = [...tour.days.flatMap((d) => d.stops), ...tour.unassigned].filter((r) => keep(r.hromadaId));
  const found = await Promise.all(refs.map((r) => ports.entities.tours.visit(r.hromadaId, r.visitId)));
  return new Map(found.filter((v): v is TourVisit => v !== undefined).map((v) => [v.id, v]));
}

function view(tour: Tour, visits: Map<string, TourVisit>, clear: boolean): TourView {
  return {
    ...tour,
    days: tour.days.map((d) => ({
      ...d,
      stops: d.stops.map((s): StopView => {
        const v = visits.get(s.visitId);
        return v
          ? { arrival: s.arrival, departure: s.departure, kind: 'visit', ...visitView(v, clear) }
          : { arrival: s.arrival, departure: s.departure, kind: 'other-hromada', label: OTHER_HROMADA };
      }),
    })),
    unassigned: tour.unassigned.flatMap((u) => {
      const v = visits.get(u.visitId);
      return v ? [{ reason: u.reason, ...visitView(v, clear) }] : [];
    }),
  };
}

/** B1 for a tour: one `read-confidential` entry per hromada whose confidential visits were read. */
async function auditRead(
  ports: TourWritePorts,
  viewer: Viewer,
  visits: Map<string, TourVisit>,
  clear: boolean,
): Promise<void> {
  const byHromada = new Map<string, string[]>();
  for (const v of visits.values())
    if (v.confidential) byHromada.set(v.hromadaId, [...(byHromada.get(v.hromadaId) ?? []), v.id]);
  for (const [hromadaId, ids] of byHromada) {
    const hromada = await ports.entities.hromady.get(hromadaId);
    if (!hromada) continue;
    const shown = clear ? CLEAR_FIELDS : [];
    const { entry } = auditChange(
      ports,
      hromada,
      viewer.id,
      'read-confidential',
      'TourVisit',
      ids[0] ?? '',
      shown,
    );
    await ports.entities.audit.append({ ...entry, itemIds: ids });
  }
}

/** The whole tour, for its provider. */
export async function providerTourView(
  ports: TourWritePorts,
  providerId: string,
  id: string,
  viewer: Viewer,
): Promise<TourView> {
  const tour = await loadTour(ports, id, (t) => t.providerId === providerId);
  const visits = await visitsOf(ports, tour, () => true);
  await auditRead(ports, viewer, visits, true);
  return view(tour, visits, true);
}

/** A provider's tours (without their visits' details). */
export async function listProviderTours(
  ports: TourReadPorts,
  providerId: string,
): Promise<{ items: Tour[] }> {
  return { items: await ports.entities.tours.ofProvider(providerId) };
}

/** The tour as one hromada may read it: its own visits only. */
export async function hromadaTourView(
  ports: TourWritePorts,
  hromadaId: string,
  id: string,
  viewer: Viewer,
): Promise<TourView> {
  const tour = await loadTour(ports, id, (t) => t.hromadaIds.includes(hromadaId));
  const clear = viewer.role === 'admin' || viewer.providerId === tour.providerId;
  const visits = await visitsOf(ports, tour, (h) => h === hromadaId);
  await auditRead(ports, viewer, visits, clear);
  return { ...view(tour, visits, clear), hromadaIds: [hromadaId] };
}

/** A visit as a list shows it: a confidential one without person, address, purpose or point for a reader not entitled. */
export type ListedVisit = Omit<TourVisit, 'location'> & { location?: TourVisit['location'] };

/**
 * A hromada's tour visits of a period (RT4). As on a tour, a confidential visit is shown in clear
 * only to an admin or a reader of the provider that serves it; anyone else gets its date, window,
 * settlement and state, with «конфіденційно» for the address and no person, purpose, point or
 * cancellation reason. A read that returns confidential visits is audited (B1).
 */
export async function listTourVisits(
  ports: TourWritePorts,
  viewer: Viewer,
  hromadaId: string,
  from: string,
  to: string,
): Promise<{ items: ListedVisit[] }> {
  await requireHromada(ports, hromadaId);
  const visits = await ports.entities.tours.visitsOf(hromadaId, from, to);
  const clearFor = (v: TourVisit) => viewer.role === 'admin' || viewer.providerId === v.providerId;
  const items = visits.map((v): ListedVisit => {
    if (!v.confidential || clearFor(v)) return v;
    // nor which resident: the id would open the resident's card (the tour view omits it too)
    const {
      address: _a,
      residentName: _n,
      residentId: _r,
      purpose: _p,
      location: _l,
      locationNote: _ln,
      ...rest
    } = v;
    // a cancellation's reason is free text about the resident: only that it was cancelled is shown
    const cancelled = v.cancelled ? { cancelled: { at: v.cancelled.at, by: v.cancelled.by } } : {};
    return { ...rest, ...cancelled, address: CONFIDENTIAL };
  });
  const confidential = visits.filter((v) => v.confidential);
  const clear = confidential.filter(clearFor);
  const masked = confidential.filter((v) => !clearFor(v));
  if (clear.length > 0) await auditRead(ports, viewer, new Map(clear.map((v) => [v.id, v])), true);
  if (masked.length > 0) await auditRead(ports, viewer, new Map(masked.map((v) => [v.id, v])), false);
  return { items };
}
