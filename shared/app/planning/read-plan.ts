/** A day's plan as stored: read it, or read it at the version the caller last saw. */
import type { Plan } from '../../domain/entities/plan';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { requireHromada } from '../registry';

export async function getPlan(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
): Promise<Plan> {
  await requireHromada(ports, hromadaId);
  const plan = await ports.entities.plans.forDay(hromadaId, date);
  if (!plan) throw new NotFoundError('Plan', date);
  return plan;
}

/** The day's plan as the caller last read it: 404 if there is none, 409 if it has moved on. */
export async function planAtVersion(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
  expectedVersion: number,
): Promise<Plan> {
  const plan = await ports.entities.plans.forDay(hromadaId, date);
  if (!plan) throw new NotFoundError('Plan', date);
  if (plan.version !== expectedVersion)
    throw new ConflictError(`Plan ${date} is at version ${plan.version}`, plan.version);
  return plan;
}

/**
 * The plan a new plan of the day replaces: none if the caller read none (`expectedVersion` absent),
 * else the one at the version the caller read; anything else is a 409 with the current version.
 */
export async function planToReplace(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  date: string,
  expectedVersion: number | undefined,
): Promise<Plan | undefined> {
  const existing = await ports.entities.plans.forDay(hromadaId, date);
  if (existing && expectedVersion !== existing.version)
    throw new ConflictError(`Plan ${date} is at version ${existing.version}`, existing.version);
  if (!existing && expectedVersion !== undefined)
    throw new ConflictError(`Plan ${date} does not exist yet`, 0);
  return existing;
}
