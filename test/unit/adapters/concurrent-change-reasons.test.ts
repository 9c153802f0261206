import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { explainCancellation } from '../../../shared/adapters/dynamodb/dynamodb-transaction';
import { MemoryEntityRepository } from '../../../shared/adapters/memory/memory-entity-repository';
import type { ResidentDay } from '../../../shared/domain/entities/resident-day';
import { ConflictError } from '../../../shared/domain/errors';
import type { Change } from '../../../shared/ports/entity-repository';

/**
 * bench:load with many callers booking the same few residents' days (different hours): the
 * bookings that lost the resident-day guard through all their attempts got a 409 with no reason,
 * so the console had nothing in Ukrainian to show. Every such refusal carries one.
 */
const day: ResidentDay = {
  hromadaId: 'khm',
  residentId: 'R1',
  date: '2026-12-14',
  version: 2,
  windows: [],
  updatedAt: '2026-12-01T10:00:00.000Z',
  expiresAt: 1_800_000_000,
};
const guard: Change = { op: 'resident-day', day, expectedVersion: 1 };

function cancelled(code: string): TransactionCanceledException {
  return Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: [{ Code: code }],
  }) as unknown as TransactionCanceledException;
}

describe('a booking that loses a concurrent change is refused with a Ukrainian reason', () => {
  it.each([
    ['the guard changed since it was read (DynamoDB)', 'ConditionalCheckFailed'],
    ['another transaction holds the item (DynamoDB)', 'TransactionConflict'],
  ])('%s', (_case, code) => {
    const error = explainCancellation(cancelled(code), [guard]);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).reason).toMatch(/спробуйте ще раз/);
  });

  it('the guard changed since it was read (memory)', async () => {
    const entities = new MemoryEntityRepository();
    await entities.commit([{ op: 'resident-day', day: { ...day, version: 1 } }]);
    await entities.commit([{ op: 'resident-day', day, expectedVersion: 1 }]);
    const refused = await entities.commit([guard]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).reason).toMatch(/спробуйте ще раз/);
  });
});
