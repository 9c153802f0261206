import { describe, expect, it } from 'vitest';
import { type Answer, answerOnce } from '../../../shared/app/answer-once';
import { bookServiceRequest, changeRequestStatus } from '../../../shared/app/service-requests';
import { ConflictError, UnprocessableError } from '../../../shared/domain/errors';
import type { Ports } from '../../../shared/ports/ports';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

/**
 * answerOnce: an operation that is not a create (here: confirming a request) carried out at most
 * once per Idempotency-Key, its key record written with its first change.
 */
const OPERATION = 'POST /hromady/{hromadaId}/requests/{id}/confirm';
const scope = { hromadaId: HROMADA, caller: 'd1', key: 'key-00000001' };

async function world() {
  const { ports, entities } = memoryPorts();
  const anna = await seedBasics(ports);
  const ride = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id)), 'd');
  const confirms = () => entities.auditEntries.filter((e) => e.action === 'confirm').length;
  const confirm = (p: Ports, version = ride.version): Promise<Answer> =>
    changeRequestStatus(p, HROMADA, ride.id, version, 'confirmed', 'd1', [], 'dispatcher').then((r) => ({
      statusCode: 200,
      body: JSON.stringify(r),
    }));
  const input = { params: { id: ride.id }, body: { version: ride.version } };
  return { ports, entities, ride, confirms, confirm, input };
}

describe('answerOnce', () => {
  it('20 concurrent copies with one key: one change and one audit entry; each copy gets the first answer or a 409 in flight', async () => {
    const w = await world();
    const copies = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        answerOnce(w.ports, { operation: OPERATION, input: w.input, scope }, (p) => w.confirm(p)),
      ),
    );
    expect(w.confirms()).toBe(1);
    const done = copies.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
    expect(done.filter((c) => !c.replayed)).toHaveLength(1);
    const first = done.find((c) => !c.replayed)!.answer.body;
    for (const c of done) expect(c.answer.body).toBe(first);
    for (const c of copies)
      if (c.status === 'rejected') expect(c.reason).toMatchObject({ code: 'idempotency-in-flight' });
    const again = await answerOnce(w.ports, { operation: OPERATION, input: w.input, scope }, (p) =>
      w.confirm(p),
    );
    expect(again).toEqual({ answer: expect.objectContaining({ body: first }), replayed: true });
    expect(w.confirms()).toBe(1);
  });

  it('the key is written with the change or not at all: a change refused (stale version) records nothing, and a retry runs again', async () => {
    const w = await world();
    const stale = () =>
      answerOnce(w.ports, { operation: OPERATION, input: w.input, scope }, (p) => w.confirm(p, 7));
    await expect(stale()).rejects.toBeInstanceOf(ConflictError);
    expect(w.entities.idempotencyRecords.size).toBe(0);
    await expect(stale()).rejects.toMatchObject({ code: 'conflict', currentVersion: 1 });
    expect(w.confirms()).toBe(0);
  });

  it('an operation that stopped after its change (its answer never recorded): a retry is a 409 in flight with a Ukrainian reason, and nothing runs again', async () => {
    const w = await world();
    const crash = (p: Ports) =>
      w.confirm(p).then(() => {
        throw new Error('the function died here');
      });
    await expect(answerOnce(w.ports, { operation: OPERATION, input: w.input, scope }, crash)).rejects.toThrow(
      'died',
    );
    let ran = false;
    const retry = answerOnce(w.ports, { operation: OPERATION, input: w.input, scope }, (p) => {
      ran = true;
      return w.confirm(p);
    });
    await expect(retry).rejects.toMatchObject({
      code: 'idempotency-in-flight',
      reason: expect.stringContaining('уже виконано'),
    });
    expect(ran).toBe(false);
    expect(w.confirms()).toBe(1);
  });

  it('an operation that writes nothing records its answer alone; the same key on another request is a 422', async () => {
    const w = await world();
    const noop = async () => ({
      statusCode: 200,
      body: '{"nothing":true}',
      headers: { location: '/x', other: 'y' },
    });
    const first = await answerOnce(
      w.ports,
      { operation: OPERATION, input: w.input, scope, keepHeaders: ['location'] },
      noop,
    );
    expect(first.replayed).toBe(false);
    const again = await answerOnce(w.ports, { operation: OPERATION, input: w.input, scope }, noop);
    expect(again).toEqual({
      answer: { statusCode: 200, body: '{"nothing":true}', headers: { location: '/x' } },
      replayed: true,
    });
    const other = answerOnce(
      w.ports,
      { operation: OPERATION, input: { ...w.input, body: { version: 2 } }, scope },
      noop,
    );
    await expect(other).rejects.toBeInstanceOf(UnprocessableError);
    await expect(other).rejects.toMatchObject({ code: 'idempotency-key-reused' });
  });

  it('without a key the operation simply runs (a second confirm is a stale-version 409)', async () => {
    const w = await world();
    await answerOnce(w.ports, { operation: OPERATION, input: w.input }, (p) => w.confirm(p));
    await expect(
      answerOnce(w.ports, { operation: OPERATION, input: w.input }, (p) => w.confirm(p)),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(w.entities.idempotencyRecords.size).toBe(0);
  });
});
