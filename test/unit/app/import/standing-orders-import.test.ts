import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../../shared/app/import/import-csv';
import { createEntity } from '../../../../shared/app/registry';
import { registryKinds } from '../../../../shared/domain/registry';
import { HROMADA, memoryPorts, seedBasics } from '../../../support/fixtures';
import { fieldsOf } from '../../../support/inputs';
import { HOSPITAL } from '../taxi/support';

const fixture = () =>
  new Uint8Array(readFileSync(path.join(__dirname, '../../../fixtures/import', 'standing-orders.csv')));
const run = { dryRun: false, actor: 'importer' };

async function world() {
  const ctx = memoryPorts();
  const anna = await seedBasics(ctx.ports);
  await createEntity(
    ctx.ports,
    registryKinds.places,
    HROMADA,
    fieldsOf(registryKinds.places, HOSPITAL),
    'test',
  );
  const orders = async () => (await ctx.ports.entities.standingOrders.list(HROMADA)).items;
  const requests = () => [...ctx.entities.items.values()].filter((i) => i.entity === 'ServiceRequest').length;
  return { ...ctx, anna, orders, requests };
}

describe('CSV import of regular rides (standing orders)', () => {
  it('creates an order per good row (by external id, or matched by phone, weekdays and time), reports the bad row in Ukrainian', async () => {
    const w = await world();
    const report = await importCsv(w.ports, HROMADA, 'standing-orders', fixture(), run);
    expect(report).toMatchObject({ kind: 'standing-orders', created: 2, failed: 1, separator: ';' });
    expect(report.items[2]).toEqual({
      row: 4,
      action: 'error',
      errors: [{ field: 'Телефон', reason: 'не знайдено отримувача з номером «050 999 99 99»' }],
    });
    const orders = await w.orders();
    expect(
      orders.map((o) => [o.residentId, o.weekdays, o.requestedTime, o.return, o.from, o.purpose]),
    ).toEqual(
      expect.arrayContaining([
        [
          w.anna.id,
          [1, 3, 5],
          { kind: 'pickup', time: '07:30' },
          { mode: 'fixed', time: '12:00' },
          '2026-11-23',
          'medical',
        ],
        [w.anna.id, [2], { kind: 'pickup', time: '09:00' }, { mode: 'will-call' }, '2026-11-24', 'medical'],
      ]),
    );
    expect(orders.find((o) => o.id === 'dia-hanna')).toMatchObject({
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
    });
    expect(w.requests()).toBeGreaterThan(0); // the rides of the days ahead are booked, as on create
  });

  it('re-importing the same file changes nothing (no new order, no new ride, no new audit entry)', async () => {
    const w = await world();
    await importCsv(w.ports, HROMADA, 'standing-orders', fixture(), run);
    const before = {
      orders: JSON.stringify(await w.orders()),
      rides: w.requests(),
      audit: w.entities.auditEntries.length,
    };
    const again = await importCsv(w.ports, HROMADA, 'standing-orders', fixture(), run);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    expect({
      orders: JSON.stringify(await w.orders()),
      rides: w.requests(),
      audit: w.entities.auditEntries.length,
    }).toEqual(before);
  });

  it('a dry run writes nothing; a changed time of day under the same external id is an update', async () => {
    const w = await world();
    const dry = await importCsv(w.ports, HROMADA, 'standing-orders', fixture(), { ...run, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 2, failed: 1 });
    expect(await w.orders()).toEqual([]);
    await importCsv(w.ports, HROMADA, 'standing-orders', fixture(), run);
    const moved = new TextEncoder().encode(
      'Зовнішній ID;Телефон;Дні;Час;Куди;Повернення;З;Мета\ndia-hanna;067 123 45 67;пн, ср, пт;08:00;Хмільницька лікарня;12:00;23.11.2026;лікування\n',
    );
    const report = await importCsv(w.ports, HROMADA, 'standing-orders', moved, run);
    expect(report.items).toEqual([{ row: 2, action: 'update', id: 'dia-hanna', changed: ['requestedTime'] }]);
  });
});
