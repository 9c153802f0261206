/**
 * After a plan is published, the resident's window is the engine's arrival ± the hromada's window
 * (pickup-window.ts), usually narrower or later than the one agreed at booking. When it differs
 * (to the minute) from what the resident was last told, they get one short SMS with the new window
 * (`window-<request>-v<plan version>`); unchanged, nothing. Confidential cases read the neutral label.
 */
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { pickupWindow } from '../../domain/pickup-window';
import { registryKinds } from '../../domain/registry';
import { localDayLabel, localTimeLabel } from '../../domain/time';
import { windowNarrowed } from '../../messaging/templates';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { queueSms } from '../queue-sms';

type Window = { start: string; end: string };

/** The window of a planned arrival: arrival (to the minute) ± the hromada's pickup window. */
export function plannedWindow(rules: Hromada['rules'], arrival: string): Window {
  const minute = Math.round(new Date(arrival).getTime() / 60_000) * 60_000;
  const w = pickupWindow(rules, { kind: 'pickup', requestedMs: minute });
  return { start: new Date(w.startMs).toISOString(), end: new Date(w.endMs).toISOString() };
}

/** Whether two windows read differently in an SMS (local HH:MM of both ends). */
export function windowsDiffer(a: Window, b: Window, timeZone?: string): boolean {
  const label = (w: Window) =>
    `${localTimeLabel(new Date(w.start), timeZone)}-${localTimeLabel(new Date(w.end), timeZone)}`;
  return label(a) !== label(b);
}

/** Where the request is served on the plan: its pickup or visit stop's arrival. */
function servedAt(plan: Plan, requestId: string): string | undefined {
  for (const route of plan.routes)
    for (const stop of route.stops)
      if (stop.requestId === requestId && stop.kind !== 'dropoff') return stop.arrival;
  return undefined;
}

export interface WindowNotice {
  /** The request's new `plannedWindow`. */
  window: Window;
  /** The resident's SMS (none without a phone or consent). */
  changes: Change[];
}

/** The notice a published plan gives `request`, or undefined when its window reads the same. */
export async function windowNotice(
  ports: Pick<Ports, 'entities' | 'clock'>,
  hromada: Hromada,
  plan: Plan,
  request: ServiceRequest,
): Promise<WindowNotice | undefined> {
  if (plan.status !== 'published') return undefined;
  const arrival = servedAt(plan, request.id);
  if (!arrival) return undefined;
  const window = plannedWindow(hromada.rules, arrival);
  const told = request.plannedWindow ?? request.window;
  if (!windowsDiffer(window, told, hromada.timeZone)) return undefined;
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, request.residentId);
  const changes: Change[] = [];
  if (resident?.phone && resident.smsConsent) {
    const start = new Date(window.start);
    const text = windowNarrowed({
      service: request.serviceType,
      confidential: request.confidential,
      day: localDayLabel(start, hromada.timeZone),
      from: localTimeLabel(start, hromada.timeZone),
      to: localTimeLabel(new Date(window.end), hromada.timeZone),
    });
    changes.push(
      queueSms(ports, hromada, {
        id: `window-${request.id}-v${plan.version}`,
        kind: 'change',
        to: resident.phone,
        text,
        subject: `REQUEST#${request.id}`,
        confidential: request.confidential,
      }),
    );
  }
  return { window, changes };
}
