import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent, JSON_HEADERS } from '../../support/api-events';
import { BEREZNA, memoryPorts, seedBasics } from '../../support/fixtures';

/** The whole HTTP edge (middy stack, router, routes) on memory ports, as the fuzzer saw it. */
const { ports } = memoryPorts();
const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
let residentId: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await handler(apiEvent(method, path, body, JSON_HEADERS, ADMIN), lambdaContext('api'));
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

const pathsOf = (body: { error: { issues?: { path: string }[] } }) =>
  (body.error.issues ?? []).map((i) => i.path);

beforeAll(async () => {
  residentId = (await seedBasics(ports)).id;
});

describe('path parameters are checked at the edge, by name, before any handler runs', () => {
  it.each([
    ['/hromady/%ZZ/residents', 'hromadaId'],
    ['/hromady/khm/residents/%E0%A4%A', 'id'],
    ['/hromady/khm/requests/%/confirm', 'id'],
    ['/hromady/khm/plans/%C0%AF', 'date'],
  ])('malformed percent-encoding in %s is a 400 naming %s', async (path, param) => {
    const method = path.endsWith('/confirm') ? 'POST' : 'GET';
    const res = await call(method, path, method === 'POST' ? { version: 1 } : undefined);
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual([param]);
  });

  const long = 'x'.repeat(1_100);
  it.each([
    ['GET', `/hromady/khm/residents/${long}`, undefined],
    ['PATCH', `/hromady/khm/residents/${long}`, { version: 1, name: 'Ганна' }],
    ['DELETE', `/hromady/khm/residents/${long}?version=1`, undefined],
    ['POST', `/hromady/khm/requests/${long}/confirm`, { version: 1 }],
    ['GET', `/hromady/${long}/residents`, undefined],
  ])('an over-long id on %s %# is a 400 with its path', async (method, path, body) => {
    const res = await call(method, path, body);
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual([path.includes('/hromady/xxx') ? 'hromadaId' : 'id']);
  });

  it('an id with characters ids never have is a 400, a well-formed unknown id a 404', async () => {
    expect(pathsOf((await call('GET', '/hromady/khm/residents/a%20b')).body)).toEqual(['id']);
    expect((await call('GET', '/hromady/khm/residents/NOPE')).status).toBe(404);
    expect((await call('GET', `/hromady/khm/residents/${residentId}`)).status).toBe(200);
  });
});

describe('free text refuses control characters and is stored in NFC', () => {
  const resident = (fields: Record<string, unknown>) => ({
    name: 'Ганна Шевчук',
    phone: null,
    settlementId: BEREZNA,
    address: 'с. Березна, вул. Шевченка, 12',
    location: null,
    ...fields,
  });

  it.each([
    ['NUL', 'Ганна\u0000Шевчук'],
    ['a C0 control', 'Ганна\u001bШевчук'],
    ['DEL', 'Ганна\u007fШевчук'],
    ['a C1 control', 'Ганна\u0085Шевчук'],
    ['a lone surrogate', 'Ганна\ud800Шевчук'],
    ['a bidi override', 'Ганна \u202eкучвеШ'],
    ['a bidi isolate', 'Ганна \u2067Шевчук\u2069'],
    ['a newline', 'Ганна\nШевчук'],
    ['a tab', 'Ганна\tШевчук'],
    ['a line separator', 'Ганна\u2028Шевчук'],
  ])('a name with %s is a 400 naming the field', async (_what, name) => {
    const res = await call('POST', '/hromady/khm/residents', resident({ name }));
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['name']);
  });

  it('the same holds for nested addresses and every other free-text field', async () => {
    const request = await call('POST', '/hromady/khm/requests', {
      serviceType: 'mobile-brigade',
      residentId,
      date: '2026-11-25',
      pickup: { address: 'вул. Шевченка\u202e, 12', location: { lat: 49.56, lon: 27.84 } },
      requestedTime: { kind: 'pickup', time: '10:00' },
      purpose: 'social-services',
    });
    expect(request.status).toBe(400);
    expect(pathsOf(request.body)).toEqual(['pickup.address']);
    const vehicle = await call('POST', '/hromady/khm/vehicles', {
      name: 'Соцтаксі',
      plate: 'АВ12\u000034ВС',
      depotId: 'garage',
      services: ['social-taxi'],
      capacity: { seats: 3 },
    });
    expect(pathsOf(vehicle.body)).toEqual(['plate']);
    const settlement = await call('POST', '/hromady/khm/settlements', {
      name: 'Сьомаки',
      type: 'село',
      starostaDistrict: 'Сьомаківський\u0007',
      location: null,
    });
    expect(pathsOf(settlement.body)).toEqual(['starostaDistrict']);
    const patch = await call('PATCH', `/hromady/khm/residents/${residentId}`, {
      version: 1,
      address: 'вул.\u0000Шевченка',
    });
    expect(pathsOf(patch.body)).toEqual(['address']);
  });

  it('stores text in NFC: a decomposed «й» becomes one code point', async () => {
    const decomposed = 'Андрій Кий'.normalize('NFD');
    expect(decomposed).not.toBe('Андрій Кий');
    const res = await call('POST', '/hromady/khm/residents', resident({ name: decomposed }));
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Андрій Кий'.normalize('NFC'));
    expect(res.body.name.length).toBe('Андрій Кий'.length);
  });

  it('keeps what real names and addresses contain: apostrophes, dashes, «», №, emoji pairs', async () => {
    const name = "Мар’яна Д'яченко-Квітка 🌻";
    const address = 'с. Березна, вул. «Героїв Майдану», № 12/1';
    const res = await call('POST', '/hromady/khm/residents', resident({ name, address }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, address });
  });
});

describe('cursors on the memory twin', () => {
  it('a cursor the memory repository never issued is a 400 naming the cursor', async () => {
    const res = await call('GET', '/hromady/khm/residents?cursor=e30');
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['cursor']);
  });
});

// Hromady are created by admins; their names follow the same text rules.
describe('hromada names', () => {
  it('refuses a hromada name with a bidi override', async () => {
    const res = await call('POST', '/hromady', { id: 'evil', name: 'Громада\u202d' });
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['name']);
  });
});

describe('numbers the table cannot store are bad input, not a 500 (found by fuzz:api --store dynamodb)', () => {
  it('a number below the smallest magnitude DynamoDB keeps is a 400 naming its path', async () => {
    const res = await call('POST', '/hromady', {
      id: 'tiny',
      name: 'Тестова громада',
      rules: { smsSenderId: 'TestSoc', neutralSenderId: 'Info', lateCancelHours: 7.4e-137 },
    });
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['rules.lateCancelHours']);
  });
});

describe('deeply nested bodies', () => {
  it('10 000 nested arrays are a 400, not a stack overflow', async () => {
    const res = await call('POST', '/hromady/khm/residents', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(res.status).toBe(400);
  });
});
