import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../shared/app/import/import-csv';
import { createEntity, createHromada, listAll } from '../../../../shared/app/registry';
import { ConflictError } from '../../../../shared/domain/errors';
import { registryKinds } from '../../../../shared/domain/registry';
import { memoryPorts } from '../../../support/fixtures';
import { fieldsOf, hromadaOf } from '../../../support/inputs';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, '../../../fixtures/import', name)));
const H = 'khm';
const run = { dryRun: false, actor: 'importer' };
const dry = { dryRun: true, actor: 'importer' };
const csv = (text: string) => new TextEncoder().encode(text);

async function hromada() {
  const { ports, entities } = memoryPorts();
  await createHromada(ports, hromadaOf({ id: H, name: 'Хмільницька громада', rules: {} }), 'test');
  return { ports, entities };
}

async function withSettlements() {
  const world = await hromada();
  await importCsv(world.ports, H, 'settlements', fixture('settlements.csv'), run);
  return world;
}

type Report = Awaited<ReturnType<typeof importCsv>>;
/** The rows that failed, as `row: field: reason`, so the assertions read like the report. */
const failures = (report: Report) =>
  report.items.flatMap((i) => (i.errors ?? []).map((e) => `${i.row}: ${e.field}: ${e.reason}`));
const counts = (r: Report) => ({
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  failed: r.failed,
});

describe('CSV import of the sample files (test/fixtures/import)', () => {
  it('settlements: the good rows are created, each bad row reported with its column and reason', async () => {
    const { ports } = await hromada();
    const report = await importCsv(ports, H, 'settlements', fixture('settlements.csv'), run);
    expect(report).toMatchObject({ encoding: 'utf-8', separator: ',', rows: 6, warnings: [] });
    expect(counts(report)).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 3 });
    expect(failures(report)).toEqual([
      '5: Тип: допустимі значення: місто, селище, село',
      '6: КАТОТТГ: неправильний формат (UA і 17 цифр)',
      '7: Широта: щонайбільше 53 (координати поза Україною?)',
    ]);
    const stored = await listAll(ports, registryKinds.settlements, H);
    expect(stored.find((s) => s.name === 'Уланів')).toMatchObject({ population: 1850, type: 'село' });
  });

  it('residents in UTF-8 with commas: phones to E.164, names of settlements to ids, the expected errors', async () => {
    const { ports } = await withSettlements();
    const report = await importCsv(ports, H, 'residents', fixture('residents-utf8.csv'), run);
    expect(counts(report)).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 5 });
    expect(failures(report)).toEqual([
      '5: Телефон: не мобільний номер (на нього надсилаються SMS): «0432 55 12 34»',
      '6: Телефон: не український мобільний номер: «+48 601 234 567»',
      '7: Населений пункт: не знайдено населений пункт «Хмільник» у громаді',
      '7: Візок: очікується «так» або «ні», а не «може»',
      "8: ПІБ: обов'язкове поле, не заповнено",
      '9: (рядок): повторює рядок 2',
    ]);
    const residents = await listAll(ports, registryKinds.residents, H);
    const settlements = await listAll(ports, registryKinds.settlements, H);
    const kurylivka = settlements.find((s) => s.name === 'Курилівка')!;
    expect(residents.map((r) => r.phone).sort()).toEqual([null, '+380507654321', '+380671234567'].sort());
    expect(residents.find((r) => r.phone === '+380507654321')).toMatchObject({
      settlementId: kurylivka.id,
      location: null,
      mobility: { wheelchair: false },
    });
    expect(residents.find((r) => r.phone === '+380671234567')).toMatchObject({
      address: 'вул. Шевченка, 12',
      location: { lat: 49.6502, lon: 27.7215 },
      mobility: { wheelchair: true },
      smsConsent: true,
    });
  });

  it('residents in Windows-1251 with semicolons and decimal commas', async () => {
    const { ports } = await withSettlements();
    const report = await importCsv(ports, H, 'residents', fixture('residents-cp1251.csv'), run);
    expect(report).toMatchObject({ encoding: 'windows-1251', separator: ';' });
    expect(counts(report)).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 2 });
    expect(failures(report)).toEqual([
      '3: Телефон: недійсний номер телефону: «068 12»',
      '5: Адреса: мінімум символів: 3',
    ]);
    const residents = await listAll(ports, registryKinds.residents, H);
    expect(residents.find((r) => r.phone === '+380632223344')).toMatchObject({
      name: 'Гнатюк Степан Євгенович',
      location: { lat: 49.651, lon: 27.722 },
    });
    expect(residents.find((r) => r.phone === '+380669876543')).toMatchObject({
      name: 'Їжакевич Юрій',
      confidential: true,
    });
  });

  it('vehicles: depots by name, services in Ukrainian, the expected errors', async () => {
    const { ports } = await hromada();
    const depot = await createEntity(
      ports,
      registryKinds.depots,
      H,
      fieldsOf(registryKinds.depots, {
        name: 'Гараж терцентру',
        address: 'м. Хмільник, вул. Пушкіна 1',
        location: { lat: 49.56, lon: 27.95 },
      }),
      'test',
    );
    const report = await importCsv(ports, H, 'vehicles', fixture('vehicles.csv'), run);
    expect(counts(report)).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(failures(report)).toEqual([
      '4: База: не знайдено базу «Невідомий гараж» у громаді',
      '5: Послуги: допустимі значення: social-taxi, mobile-brigade, mobile-case, delivery',
      '6: Місця: очікується число, а не «чотири»',
    ]);
    const vehicles = await listAll(ports, registryKinds.vehicles, H);
    expect(vehicles.find((v) => v.plate === 'АВ5678ВІ')).toMatchObject({
      depotId: depot.id,
      services: ['mobile-case', 'delivery'],
      capacity: { seats: 2, wheelchairPlaces: 0 },
    });
  });

  it('a second import of the same file changes nothing', async () => {
    const { ports, entities } = await withSettlements();
    await importCsv(ports, H, 'residents', fixture('residents-utf8.csv'), run);
    const before = JSON.stringify(entities);
    const again = await importCsv(ports, H, 'residents', fixture('residents-utf8.csv'), run);
    expect(counts(again)).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 5 });
    expect(JSON.stringify(entities)).toBe(before);
    const settlementsAgain = await importCsv(ports, H, 'settlements', fixture('settlements.csv'), run);
    expect(counts(settlementsAgain)).toEqual({ created: 0, updated: 0, unchanged: 3, failed: 3 });
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const { ports, entities } = await withSettlements();
    const before = JSON.stringify(entities);
    const report = await importCsv(ports, H, 'residents', fixture('residents-utf8.csv'), dry);
    expect(report.dryRun).toBe(true);
    expect(counts(report)).toEqual({ created: 3, updated: 0, unchanged: 0, failed: 5 });
    expect(JSON.stringify(entities)).toBe(before);
  });

  it('a changed row updates only its changed fields, matched by phone; absent columns keep their values', async () => {
    const { ports } = await withSettlements();
    await importCsv(ports, H, 'residents', fixture('residents-utf8.csv'), run);
    const report = await importCsv(ports, H, 'residents', csv('Телефон;Візок\n+380671234567;ні\n'), dry);
    expect(report.items).toEqual([
      { row: 2, action: 'update', id: expect.any(String), changed: ['mobility'] },
    ]);
    await importCsv(ports, H, 'residents', csv('Телефон;Візок\n+380671234567;ні\n'), run);
    const [maria] = (await listAll(ports, registryKinds.residents, H)).filter(
      (r) => r.phone === '+380671234567',
    );
    expect(maria).toMatchObject({
      version: 2,
      smsConsent: true,
      mobility: { wheelchair: false, needsRamp: false },
    });
  });

  it('settlements: the `remote` flag (віддалений) is imported, and changing it is an update of that field alone', async () => {
    const { ports } = await hromada();
    const file = (flag: string) =>
      csv(
        `Назва;Тип;Широта;Довгота;Віддалений\nБерезна;село;49,65;27,72;${flag}\nХмільник;місто;49,56;27,95;ні\n`,
      );
    expect(counts(await importCsv(ports, H, 'settlements', file('так'), run))).toMatchObject({ created: 2 });
    const stored = await listAll(ports, registryKinds.settlements, H);
    expect(Object.fromEntries(stored.map((s) => [s.name, s.remote]))).toEqual({
      Березна: true,
      Хмільник: false,
    });
    expect(counts(await importCsv(ports, H, 'settlements', file('так'), run))).toMatchObject({
      unchanged: 2,
    });
    const changed = await importCsv(ports, H, 'settlements', file('ні'), run);
    expect(changed.items[0]).toMatchObject({ action: 'update', changed: ['remote'] });
  });

  it('an `id` column matches by id, and a new id creates the item with that id', async () => {
    const { ports } = await hromada();
    const file = csv('id,Назва,Тип,Широта,Довгота\nberezna,Березна,село,49.65,27.72\n');
    expect((await importCsv(ports, H, 'settlements', file, run)).items).toEqual([
      { row: 2, action: 'create', id: 'berezna' },
    ]);
    const renamed = csv('id,Назва,Тип,Широта,Довгота\nberezna,Березна Нова,село,49.65,27.72\n');
    expect((await importCsv(ports, H, 'settlements', renamed, run)).items).toEqual([
      { row: 2, action: 'update', id: 'berezna', changed: ['name'] },
    ]);
  });

  it('a row whose write fails leaves no entity, and the other rows are written', async () => {
    const { ports, entities } = await withSettlements();
    const commit = entities.commit.bind(entities);
    let calls = 0;
    entities.commit = async (changes) => {
      calls += 1;
      if (calls === 2) throw new ConflictError('race');
      return commit(changes);
    };
    const report = await importCsv(ports, H, 'residents', fixture('residents-utf8.csv'), {
      ...run,
      concurrency: 1,
    });
    expect(report.items[1]).toMatchObject({ row: 3, action: 'error' });
    const residents = await listAll(ports, registryKinds.residents, H);
    expect(residents.map((r) => r.phone)).not.toContain('+380507654321');
    expect(residents).toHaveLength(2);
  });

  it('unknown columns are reported as warnings and skipped', async () => {
    const { ports } = await hromada();
    const report = await importCsv(ports, H, 'settlements', csv('Назва,Тип,Примітка\nБерезна,село,x\n'), dry);
    expect(report.warnings).toEqual(['стовпець «Примітка» не розпізнано, його пропущено']);
    expect(report.items).toEqual([{ row: 2, action: 'create' }]);
  });
});
