import type { Clock } from '../ports/clock';
import type { EntityRepository } from '../ports/entity-repository';
import type { Ids } from '../ports/ids';
import type { OutboxRepository } from '../ports/outbox-repository';
import type { RouteSolver } from '../ports/route-solver';
import type { SmsSender } from '../ports/sms-sender';
import type { TravelTimes } from '../ports/travel-times';

/** The ports a use case may need; each use case names the ones it takes. */
export interface Ports {
  entities: EntityRepository;
  outbox: OutboxRepository;
  sms: SmsSender;
  travel: TravelTimes;
  clock: Clock;
  ids: Ids;
  /** Runs the routing engine (in process, or in a worker thread on the local platform). */
  solver: RouteSolver;
}

/** Who is acting: the dispatcher's user id, or a system actor such as `scheduler`. */
export type Actor = string;

const DAY_S = 86_400;

/** DynamoDB TTL value (epoch seconds) `days` after `from`. */
export function expiresAfterDays(from: Date, days: number): number {
  return Math.floor(from.getTime() / 1000) + days * DAY_S;
}
