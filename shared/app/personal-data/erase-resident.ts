import type { Actor } from '../../domain/actor';
import type { GeoPoint } from '../../domain/common';
import type { Hromada } from '../../domain/entities/hromada';
import type { Resident } from '../../domain/entities/resident';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { withoutDeliveryPersonalData } from '../deliveries/erase-delivery';
import { requireHromada } from '../registry';
import { ordersToErase, stripStandingOrders } from '../standing-orders/erase-standing-orders';
import { collect } from './read-all';

/** What an erased resident's name and every erased address read. */
export const ERASED = 'знеособлено';
/** The geographic centre of Ukraine: an erased place whose settlement has no location. */
const NOWHERE: GeoPoint = { lat: 48.3794, lon: 31.1656 };
/**
 * Requests per transaction: TransactWriteItems takes 100 items, and a request never counted in its
 * report day yet (written before report days existed) brings its day's counter along (RP1).
 */
export const ERASE_BATCH = 50;

const RESIDENT_FIELDS = ['name', 'phone', 'address', 'location', 'mobility', 'smsConsent'];

export interface Erasure {
  resident: Resident;
  /** Requests stripped by this call (0 when a former call had done them). */
  requestsStripped: number;
  /** The resident had already been erased: nothing was written. */
  alreadyErased: boolean;
}

type ErasePorts = Pick<Ports, 'entities' | 'clock' | 'ids'>;

/**
 * Erasure on a resident's request. Their requests lose addresses, coordinates (the settlement's
 * point instead) and purpose but keep date, service, status and settlement, in transactions of at
 * most 100; then the resident, read at `version`, becomes a placeholder without name, phone
 * (which frees pattern 4: no look-up, no SMS), address, location or mobility, with one `erase`
 * audit entry naming fields only. Interrupted, it is run again: stripped requests are skipped.
 * Open requests are refused (409): they are cancelled first, so no plan or SMS still needs them.
 */
export async function eraseResident(
  ports: ErasePorts,
  hromadaId: string,
  residentId: string,
  version: number,
  actor: Actor,
): Promise<Erasure> {
  const hromada = await requireHromada(ports, hromadaId);
  const resident = await ports.entities.registry.get(registryKinds.residents, hromadaId, residentId);
  if (!resident) throw new NotFoundError('Resident', residentId);
  if (resident.erasedAt) return { resident, requestsStripped: 0, alreadyErased: true };
  if (resident.version !== version) {
    throw new ConflictError(`Resident ${residentId} changed since version ${version}`, resident.version);
  }
  const { items: requests } = await collect((page) =>
    ports.entities.requests.byResident(hromadaId, residentId, page),
  );
  const open = requests.filter((r) => isOpen(r.status));
  if (open.length > 0) {
    throw new ConflictError(`Resident ${residentId} has ${open.length} open requests: cancel them first`);
  }
  const orders = await ordersToErase(ports, hromadaId, residentId);
  const point = await settlementPoint(ports, hromadaId, resident.settlementId);
  const requestsStripped = await stripRequests(ports, requests, point);
  await stripStandingOrders(ports, { hromada, actor }, orders, { address: ERASED, point });
  const now = ports.clock.now().toISOString();
  const erased: Resident = {
    ...resident,
    name: ERASED,
    phone: null,
    address: ERASED,
    location: null,
    mobility: { wheelchair: false, needsRamp: false, escort: false },
    smsConsent: false,
    erasedAt: now,
    version: resident.version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'Resident', item: erased, expectedVersion: resident.version },
    eraseAudit(ports, hromada, actor, residentId),
  ]);
  return { resident: erased, requestsStripped, alreadyErased: false };
}

function eraseAudit(ports: ErasePorts, hromada: Hromada, actor: Actor, residentId: string): Change {
  return auditChange(ports, hromada, actor, 'erase', 'Resident', residentId, RESIDENT_FIELDS);
}

async function settlementPoint(ports: ErasePorts, hromadaId: string, settlementId: string) {
  const settlement = await ports.entities.registry.get(registryKinds.settlements, hromadaId, settlementId);
  return settlement?.location ?? NOWHERE;
}

/** Strips the requests not yet stripped, at most `ERASE_BATCH` per transaction. */
async function stripRequests(ports: ErasePorts, requests: ServiceRequest[], point: GeoPoint) {
  const todo = requests.filter((r) => !isStripped(r));
  const now = ports.clock.now().toISOString();
  for (let i = 0; i < todo.length; i += ERASE_BATCH) {
    const batch = todo.slice(i, i + ERASE_BATCH);
    await ports.entities.commit(
      batch.map((r) => ({
        op: 'update',
        entity: 'ServiceRequest',
        item: stripped(r, point, now),
        expectedVersion: r.version,
      })),
    );
  }
  return todo.length;
}

function stripped(request: ServiceRequest, point: GeoPoint, now: string): ServiceRequest {
  const place = (settlementId?: string) => ({
    address: ERASED,
    location: point,
    ...(settlementId ? { settlementId } : {}),
  });
  const withoutDelivery = withoutDeliveryPersonalData(request, ERASED); // deliveries/erase-delivery.ts
  return {
    ...withoutDelivery,
    pickup: place(request.pickup.settlementId),
    ...(request.dropoff ? { dropoff: place(request.dropoff.settlementId) } : {}),
    purpose: 'other',
    version: request.version + 1,
    updatedAt: now,
  };
}

const isStripped = (r: ServiceRequest): boolean =>
  r.pickup.address === ERASED && (r.dropoff === undefined || r.dropoff.address === ERASED);
