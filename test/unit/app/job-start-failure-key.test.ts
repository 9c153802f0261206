import { describe, expect, it } from 'vitest';
import { type Answer, answerOnce } from '../../../shared/app/answer-once';
import { startImportJob } from '../../../shared/app/import/import-job';
import { startPlanJob } from '../../../shared/app/planning/plan-job';
import { createHromada } from '../../../shared/app/registry';
import { startTourJob } from '../../../shared/app/tours/tour-job';
import type { Ports } from '../../../shared/ports/ports';
import { HROMADA, memoryPorts, type RecordingPlanJobRunner } from '../../support/fixtures';
import { hromadaOf } from '../../support/inputs';
import { demoDay, TUESDAY } from './planning/demo-day';
import { P, tourRequest, tourWorld } from './tours/tour-world';

/**
 * A background job whose run could not be handed to the jobs function ends failed at once. The
 * Idempotency-Key written with the job must not then stay unanswered for a day (every retry a 409
 * `idempotency-in-flight`): the failure forgets it, so a retry with the same key starts afresh.
 */
async function startTwice(ports: Ports, start: (once: Ports) => Promise<{ id: string }>) {
  const scope = { hromadaId: HROMADA, caller: 'd-1', key: 'k-start' };
  const spec = { operation: 'POST /jobs', input: { the: 'same' }, scope };
  const call = () =>
    answerOnce(ports, spec, async (once): Promise<Answer> => {
      const job = await start(once);
      return { statusCode: 202, body: JSON.stringify({ id: job.id }) };
    });
  const runner = ports.planJobRunner as RecordingPlanJobRunner;
  runner.failWith = new Error('invoke refused');
  await expect(call()).rejects.toThrow('invoke refused');
  runner.failWith = undefined;
  const retried = await call();
  expect(retried).toMatchObject({ replayed: false, answer: { statusCode: 202 } });
  expect(runner.started).toHaveLength(1);
  // and the retry's answer is now kept on the key
  expect(await call()).toMatchObject({ replayed: true, answer: { statusCode: 202 } });
}

describe('a job that could not be started forgets its Idempotency-Key: a retry with the key runs again', () => {
  it('a tour job', async () => {
    const { ports } = await tourWorld();
    await startTwice(ports, (once) => startTourJob(once, P, tourRequest(), 'd-1'));
  });

  it('a day’s planning job', async () => {
    const { ports } = await demoDay();
    await startTwice(ports, (once) => startPlanJob(once, HROMADA, TUESDAY, 'd-1', {}));
  });

  it('an import job', async () => {
    const { ports } = memoryPorts();
    await createHromada(ports, hromadaOf({ id: HROMADA, name: 'Громада', rules: {} }), 'test');
    const file = Buffer.from('Назва,Тип,Широта,Довгота\nПорик,хутір,49.5,27.6\n').toString('base64');
    await startTwice(ports, (once) =>
      startImportJob(once, HROMADA, { kind: 'settlements', file, dryRun: false }, 'd-1'),
    );
  });
});
