import { describe, expect, it } from 'vitest';
import { getImportJob, runImportJob, startImportJob } from '../../../../shared/app/import/import-job';
import { createHromada, listAll } from '../../../../shared/app/registry';
import { registryKinds } from '../../../../shared/domain/registry';
import { memoryPorts, type RecordingPlanJobRunner } from '../../../support/fixtures';
import { hromadaOf } from '../../../support/inputs';

const H = 'khm';
const file = (text: string) => Buffer.from(text).toString('base64');
const SETTLEMENTS = file('Назва,Тип,Широта,Довгота\nБерезна,село,49.65,27.72\nПорик,хутір,49.5,27.6\n');

async function world() {
  const ctx = memoryPorts();
  await createHromada(ctx.ports, hromadaOf({ id: H, name: 'Хмільницька громада', rules: {} }), 'test');
  const runner = ctx.ports.planJobRunner as RecordingPlanJobRunner;
  return { ...ctx, runner };
}

describe('CSV import as a background job', () => {
  it('the upload is a queued job handed to the jobs function; its run imports the rows and ends done with the report, without the file', async () => {
    const { ports, runner, entities } = await world();
    const job = await startImportJob(
      ports,
      H,
      { kind: 'settlements', file: SETTLEMENTS, dryRun: false },
      'd1',
    );
    expect(job).toMatchObject({ state: 'queued', kind: 'settlements', dryRun: false, version: 1 });
    expect(runner.started).toEqual([{ hromadaId: H, jobId: job.id, kind: 'import' }]);
    expect(entities.auditEntries.at(-1)).toMatchObject({
      action: 'import',
      itemType: 'ImportJob',
      itemId: job.id,
    });
    expect(await getImportJob(ports, H, job.id)).not.toHaveProperty('file');
    expect(await listAll(ports, registryKinds.settlements, H)).toEqual([]);

    const done = await runImportJob(ports, runner.started[0]!);
    expect(done).toMatchObject({ state: 'done', progress: { done: 2, total: 2 } });
    expect(done).not.toHaveProperty('file');
    expect(done.report).toMatchObject({ kind: 'settlements', created: 1, failed: 1 });
    expect((done.report as { items: unknown[] }).items[1]).toMatchObject({ row: 3, action: 'error' });
    expect((await listAll(ports, registryKinds.settlements, H)).map((s) => s.name)).toEqual(['Березна']);
    expect(await getImportJob(ports, H, job.id)).toMatchObject({ state: 'done', version: done.version });

    // the same event delivered again does nothing
    const writes = entities.auditEntries.length;
    expect(await runImportJob(ports, runner.started[0]!)).toMatchObject({
      state: 'done',
      version: done.version,
    });
    expect(entities.auditEntries.length).toBe(writes);
  });

  it('a dry run writes nothing but its job', async () => {
    const { ports, runner } = await world();
    const job = await startImportJob(
      ports,
      H,
      { kind: 'settlements', file: SETTLEMENTS, dryRun: true },
      'd1',
    );
    const done = await runImportJob(ports, runner.started[0]!);
    expect(done).toMatchObject({ state: 'done', dryRun: true, report: { dryRun: true, created: 1 } });
    expect(await listAll(ports, registryKinds.settlements, H)).toEqual([]);
    expect(job.id).toBe(done.id);
  });

  it('a job whose function died reads as failed once its lease has passed, with a Ukrainian reason', async () => {
    const { ports, clock } = await world();
    const job = await startImportJob(
      ports,
      H,
      { kind: 'settlements', file: SETTLEMENTS, dryRun: false },
      'd1',
    );
    clock.at = new Date(clock.at.getTime() + 21 * 60_000);
    expect(await getImportJob(ports, H, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'import-job-lost', reason: expect.stringContaining('Імпорт перервався') },
    });
  });

  it('an unknown hromada is refused at upload (404), and a job that cannot be started is recorded failed', async () => {
    const { ports, runner } = await world();
    await expect(
      startImportJob(ports, 'nosuch', { kind: 'settlements', file: SETTLEMENTS, dryRun: false }, 'd1'),
    ).rejects.toMatchObject({ code: 'not-found' });
    runner.failWith = new Error('invoke refused');
    await expect(
      startImportJob(ports, H, { kind: 'settlements', file: SETTLEMENTS, dryRun: false }, 'd1'),
    ).rejects.toThrow('invoke refused');
  });
});
