import type { AirRaidAlert } from '../../domain/entities/air-raid-alert';
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import { airRaidDriver } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { queueSms } from '../queue-sms';

/**
 * The short urgent air-raid SMS to the driver each of `vehicleIds`' routes was sent to (a route
 * never sent has nobody to tell), at most `most` of them, each under its own message id (so a
 * second run finds it and tells nobody twice). At the start (start-air-raid.ts) and for the routes
 * that come on the road during the alert (hold-due-routes.ts).
 */
export function tellDrivers(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  plan: Plan,
  vehicleIds: readonly string[],
  messageIdOf: (vehicleId: string) => string,
  most = 90,
): { sms: Change[]; told: AirRaidAlert['effects']['driversTold'] } {
  const sms: Change[] = [];
  const told: AirRaidAlert['effects']['driversTold'] = [];
  for (const vehicleId of vehicleIds) {
    const to = plan.sent?.[vehicleId]?.to;
    if (!to || told.length >= most) continue;
    const messageId = messageIdOf(vehicleId);
    sms.push(
      queueSms(ports, hromada, {
        id: messageId,
        kind: 'air-raid',
        to,
        text: airRaidDriver(),
        subject: `VEHICLE#${vehicleId}`,
        confidential: false,
        urgent: true,
      }),
    );
    told.push({ vehicleId, messageId, at: ports.clock.now().toISOString() });
  }
  return { sms, told };
}
