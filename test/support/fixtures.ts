import { MemoryEntityRepository } from '../../shared/adapters/memory/memory-entity-repository';
import { MemoryOutboxRepository } from '../../shared/adapters/memory/memory-outbox-repository';
import { MemoryPlanJobStore } from '../../shared/adapters/memory/memory-plan-job-store';
import { OfflineTravelTimes } from '../../shared/adapters/offline-travel-times/offline-travel-times';
import { StraightRouteGeometry } from '../../shared/adapters/route-geometry/straight-route-geometry';
import { InProcessRouteSolver } from '../../shared/adapters/routing/in-process-route-solver';
import { createEntity, createHromada, updateEntity } from '../../shared/app/registry';
import type { HromadaRules } from '../../shared/domain/entities/hromada';
import { hromadaKind, registryKinds } from '../../shared/domain/registry';
import type { Clock } from '../../shared/ports/clock';
import type { Ids } from '../../shared/ports/ids';
import type { PlanJobEvent, PlanJobRunner } from '../../shared/ports/plan-jobs';
import type { Ports } from '../../shared/ports/ports';
import type { SmsSender, SmsSendResult, SmsToSend } from '../../shared/ports/sms-sender';
import { fieldsOf, hromadaOf } from './inputs';

export class FakeClock implements Clock {
  constructor(public at = new Date('2026-11-23T10:00:00Z')) {}
  now(): Date {
    return new Date(this.at);
  }
}

export class SequentialIds implements Ids {
  private n = 0;
  next(): string {
    this.n += 1;
    return `id${String(this.n).padStart(6, '0')}`;
  }
}

/** Plan jobs handed to the `plan` function: recorded, run by the test when it chooses. */
export class RecordingPlanJobRunner implements PlanJobRunner {
  readonly started: PlanJobEvent[] = [];
  failWith: Error | undefined;
  async start(event: PlanJobEvent) {
    if (this.failWith) throw this.failWith;
    this.started.push(event);
  }
}

export class RecordingSmsSender implements SmsSender {
  readonly sent: SmsToSend[] = [];
  constructor(public result: SmsSendResult = { ok: true, providerMessageId: 'sns-1' }) {}
  async send(message: SmsToSend) {
    this.sent.push(message);
    return this.result;
  }
}

export function memoryPorts(clock = new FakeClock()) {
  const entities = new MemoryEntityRepository();
  const ports: Ports = {
    entities,
    outbox: new MemoryOutboxRepository(entities),
    sms: new RecordingSmsSender(),
    travel: new OfflineTravelTimes(),
    clock,
    ids: new SequentialIds(),
    solver: new InProcessRouteSolver(),
    planJobs: new MemoryPlanJobStore(entities),
    routeLines: new StraightRouteGeometry(),
    planJobRunner: new RecordingPlanJobRunner(),
  };
  return { ports, entities, sms: ports.sms as RecordingSmsSender, clock };
}

export const HROMADA = 'khm';
/** `from` = `to`: a hromada without quiet hours (shared/domain/quiet-hours.ts). */
export const NO_QUIET_HOURS = { from: '00:00', to: '00:00' };
export const BEREZNA = 'UA05120170020086400';

/** A settlement of the hromada's registry (its id, name, type and point, or `location: null`). */
export function addSettlement(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  settlement: { id: string; name: string; type: string; location: { lat: number; lon: number } | null },
) {
  return createEntity(
    ports,
    registryKinds.settlements,
    hromadaId,
    fieldsOf(registryKinds.settlements, settlement),
    'test',
  );
}

/** A hromada with one village and one resident who agreed to SMS. */
export async function seedBasics(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  resident: Record<string, unknown> = {},
) {
  await createHromada(
    ports,
    hromadaOf({
      id: HROMADA,
      name: 'Хмільницька міська територіальна громада',
      // no quiet hours: tests on the real clock send at any hour (quiet-hours tests set them)
      rules: { smsSenderId: 'KhmilnykSoc', neutralSenderId: 'Info', quietHours: NO_QUIET_HOURS },
    }),
    'test',
  );
  await addSettlement(ports, HROMADA, {
    id: BEREZNA,
    name: 'Березна',
    type: 'село',
    location: { lat: 49.56085, lon: 27.84392 },
  });
  return createEntity(
    ports,
    registryKinds.residents,
    HROMADA,
    fieldsOf(registryKinds.residents, {
      name: 'Ганна Шевчук',
      phone: '067 123 45 67',
      settlementId: BEREZNA,
      address: 'с. Березна, вул. Шевченка, 12',
      location: { lat: 49.5611, lon: 27.8452 },
      smsConsent: true,
      categories: ['disability-2'],
      ...resident,
    }),
    'test',
  );
}

export function taxiRequest(residentId: string, date = '2026-11-24', time = '09:00') {
  return {
    serviceType: 'social-taxi',
    residentId,
    date,
    pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
    dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
    requestedTime: { kind: 'pickup', time },
    purpose: 'medical',
  };
}

/** The hromada's garage in Хмільник. */
export const GARAGE = {
  id: 'depot',
  name: 'Гараж УСЗН',
  address: 'м. Хмільник, вул. Столярчука, 10',
  location: { lat: 49.5598, lon: 27.9573 },
};

/** A social taxi with 3 seats. */
export const TAXI = {
  id: 'taxi',
  name: 'Соцтаксі',
  plate: 'АВ1234ВС',
  services: ['social-taxi'],
  capacity: { seats: 3 },
};

/** The same taxi with a ramp and a wheelchair place. */
export const RAMP_TAXI = { ...TAXI, capacity: { seats: 3, wheelchairPlaces: 1 }, features: { ramp: true } };

/** The garage and these vehicles, each working `days` (ISO weekdays) 08:00–17:00 from it. */
export async function seedFleet(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  vehicles: Array<Record<string, unknown>>,
  days: number[] = [1, 2, 3, 4, 5],
) {
  await createEntity(ports, registryKinds.depots, HROMADA, fieldsOf(registryKinds.depots, GARAGE), 'test');
  const shifts = [{ days, start: '08:00', end: '17:00' }];
  for (const vehicle of vehicles)
    await createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, { ...vehicle, depotId: GARAGE.id, shifts }),
      'test',
    );
}

/** Change some of the test hromada's rules through the use case, at the version stored; the hromada after. */
export async function withRules(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  rules: Partial<HromadaRules>,
) {
  const hromada = (await ports.entities.hromady.get(HROMADA))!;
  const patch = { version: hromada.version, rules: { ...hromada.rules, ...rules } };
  return updateEntity(ports, hromadaKind, HROMADA, HROMADA, patch, 'test');
}
