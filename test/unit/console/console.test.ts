// @vitest-environment happy-dom
/// <reference lib="dom" />
/**
 * The dispatcher console (console/) in a browser-like DOM, against the real API routes and use
 * cases on in-memory ports: what a dispatcher sees and what each button calls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEntity, updateEntity } from '../../../shared/app/registry';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { hromadaKind, registryKinds } from '../../../shared/domain/registry';
import {
  BEREZNA,
  HROMADA,
  memoryPorts,
  RAMP_TAXI,
  seedBasics,
  seedFleet,
  taxiRequest,
} from '../../support/fixtures';
import { bookingOf, fieldsOf, patchOf } from '../../support/inputs';
import {
  accessibleName,
  bookForm,
  bookFromForm,
  button,
  field,
  KHMILNYK,
  lookUp,
  net,
  openConsole,
  startBookingFor,
  statuses,
  text,
  until,
  waitFor,
} from './console-page';

const TUESDAY = '2026-11-24';
const { calls, keys, unrouted } = net;

beforeAll(async () => {
  const { ports } = memoryPorts();
  const anna = await seedBasics(ports, { name: '<img src=x onerror=alert(1)> Ганна' });
  // the console books many rides for one resident and registers callers without a category
  // (its form has none yet): this hromada's social taxi is open to all, its quota high
  const hromada = (await ports.entities.hromady.get(HROMADA))!;
  const rules = { ...hromada.rules, eligibleCategories: {}, monthlyRideQuota: 100 };
  await updateEntity(
    ports,
    hromadaKind,
    HROMADA,
    HROMADA,
    patchOf(hromadaKind, { version: hromada.version, rules }),
    'test',
  );
  await seedFleet(ports, [RAMP_TAXI], [2]); // a wheelchair user is registered and booked below
  await createEntity(
    ports,
    registryKinds.drivers,
    HROMADA,
    fieldsOf(registryKinds.drivers, { name: 'Олег', phone: '067 401 12 01', vehicleIds: ['taxi'] }),
    'test',
  );
  await createEntity(
    ports,
    registryKinds.settlements,
    HROMADA,
    fieldsOf(registryKinds.settlements, {
      id: KHMILNYK,
      name: 'Хмільник',
      type: 'місто',
      location: { lat: 49.5598, lon: 27.9573 },
    }),
    'test',
  );
  await createEntity(
    ports,
    registryKinds.residents,
    HROMADA,
    fieldsOf(registryKinds.residents, {
      name: 'Петро Коваль',
      phone: '067 222 33 44',
      settlementId: KHMILNYK,
      address: 'м. Хмільник, вул. Пушкіна, 3',
      location: { lat: 49.5601, lon: 27.9581 },
      mobility: { wheelchair: true, escort: true },
      smsConsent: true,
      categories: ['aged-80-plus'],
    }),
    'test',
  );
  await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, TUESDAY, '09:00')), 'd');

  await openConsole(ports, HROMADA, TUESDAY);
  await until(() => text('requests').includes('Соцтаксі'), 'the day to load');
});

describe('the dispatcher console', () => {
  it("shows the day's requests in Kyiv time and Ukrainian words, and names as text only", () => {
    const row = document.querySelector('#requests tr')!;
    expect(row.textContent).toContain('08:45–09:15');
    expect(row.textContent).toContain('Соцтаксі');
    expect(row.textContent).toContain('нова');
    expect(row.textContent).toContain('<img src=x onerror=alert(1)> Ганна');
    expect(document.querySelector('#requests img')).toBeNull();
    expect(text('plan-version')).toContain('ще немає');
  });

  it('finds a caller by phone', async () => {
    const form = document.getElementById('caller') as HTMLFormElement;
    (form.elements.namedItem('phone') as HTMLInputElement).value = '067 123 45 67';
    form.requestSubmit();
    await until(() => text('callers').includes('Отримувач'), 'the caller');
    expect(text('callers')).toContain('с. Березна, вул. Шевченка, 12');
  });

  it('keeps the booking form hidden until a caller is chosen; a booking without one says so', async () => {
    expect(bookForm().hidden).toBe(true);
    // the stylesheet's form layout must not show a hidden form
    expect(getComputedStyle(bookForm()).display).toBe('none');
    field(bookForm(), 'time').value = '10:00';
    bookForm().requestSubmit();
    await until(() => text('status') !== '', 'the answer');
    expect(text('status')).toBe('Спершу знайдіть абонента за номером телефону');
    expect(calls.filter((c) => c === `POST /hromady/${HROMADA}/requests`)).toEqual([]);
  });

  it('clears an error once the next action succeeds', async () => {
    const caller = document.getElementById('caller') as HTMLFormElement;
    field(caller, 'phone').value = '123';
    caller.requestSubmit();
    await until(() => document.getElementById('status')!.className === 'error', 'the error');
    await lookUp('067 123 45 67');
    await until(() => text('callers').includes('Ганна'), 'the caller');
    expect(text('status')).not.toContain('phone');
    expect(document.getElementById('status')!.className).toBe('');
  });

  it("pre-fills the caller's own mobility, not the previous caller's", async () => {
    let form = await startBookingFor('067 222 33 44');
    expect(text('book-who')).toBe('Петро Коваль');
    expect(field(form, 'wheelchair').checked).toBe(true);
    expect(field(form, 'escorts').value).toBe('1');
    field(form, 'address').value = 'вул. Монастирська, 71';
    form = await startBookingFor('067 123 45 67');
    expect(text('book-who')).toBe('<img src=x onerror=alert(1)> Ганна');
    expect(field(form, 'wheelchair').checked).toBe(false);
    expect(field(form, 'escorts').value).toBe('0');
    expect(field(form, 'address').value).toBe('');
  });

  it('showing the day again keeps the chosen village with its street; a ride needs a village', async () => {
    const form = await startBookingFor('067 123 45 67');
    // no village is chosen for the dispatcher: the first one in the list is not a default
    expect(field<HTMLSelectElement>(form, 'settlement').value).toBe('');
    field(form, 'time').value = '12:00';
    form.requestSubmit();
    await until(() => text('status') === 'Оберіть, куди їхати', 'the refusal');
    field<HTMLSelectElement>(form, 'settlement').value = KHMILNYK;
    field(form, 'address').value = 'вул. Монастирська, 71 (лікарня)';
    const loads = calls.length;
    (document.getElementById('day') as HTMLFormElement).requestSubmit();
    await until(() => calls.slice(loads).some((c) => c.endsWith('/messages')), 'the day again');
    await until(() => text('status') === '', 'the day to load');
    expect(field<HTMLSelectElement>(form, 'settlement').value).toBe(KHMILNYK);
    expect(field(form, 'address').value).toBe('вул. Монастирська, 71 (лікарня)');
  });

  it("books the caller's ride from the form: it is in the day's list with its window", async () => {
    await bookFromForm('11:00', 'вул. Монастирська, 71');
    await until(() => text('status').includes('Заявку прийнято: 10:45–11:15'), 'the booking');
    await until(() => document.querySelectorAll('#requests tr').length === 2, 'the new row');
  });

  it('plans the day, then sends the drivers their routes', async () => {
    (document.getElementById('plan-day') as HTMLButtonElement).click();
    await until(() => text('routes').includes('Соцтаксі АВ1234ВС'), 'the plan');
    expect(text('plan-version')).toContain('версія 1, чернетка');
    expect(document.querySelectorAll('#routes li')).toHaveLength(4);
    expect(text('routes')).toContain('посадка');
    // the requests on a route show the status the plan implies
    await until(() => text('requests').includes('заплановано'), 'the planned statuses');
    expect(statuses()).toEqual(['заплановано', 'заплановано']);
    (document.getElementById('publish') as HTMLButtonElement).click();
    await until(() => text('status').includes('Надіслано водіям: 1 SMS'), 'the publish');
    await until(() => text('messages').includes('зуп.'), 'the SMS log');
    expect(text('plan-version')).toContain('надіслано водіям');
    expect((document.getElementById('publish') as HTMLButtonElement).disabled).toBe(true);
    await until(() => !text('requests').includes('заплановано'), 'the published statuses');
    expect(statuses()).toEqual(['надіслано водію', 'надіслано водію']);
  });

  it('confirms a request; an API error is shown on the page, not thrown', async () => {
    const confirm = [...document.querySelectorAll('#requests button')].find(
      (b) => b.textContent === 'Підтвердити',
    )!;
    (confirm as HTMLButtonElement).click();
    await until(() => text('status').includes('Підтверджено'), 'the confirmation');
    await until(() => text('requests').includes('підтверджена'), 'the new status');
    // a bad number: the API's 400 with its zod path shows on the page, nothing breaks
    const form = document.getElementById('caller') as HTMLFormElement;
    (form.elements.namedItem('phone') as HTMLInputElement).value = '123';
    form.requestSubmit();
    await until(() => document.getElementById('status')!.className === 'error', 'the error');
    expect(text('status')).toContain('phone');
  });

  it('adds a ride booked after publishing to the plan; its driver gets the new route', async () => {
    await bookFromForm('14:00', '');
    await until(() => text('status').includes('Заявку прийнято'), 'the booking');
    const add = await waitFor(() =>
      [...document.querySelectorAll('#requests button')].find((b) => b.textContent === 'Додати в план'),
    );
    (add as HTMLButtonElement).click();
    await until(
      () => text('status').includes('Додано в маршрут: Соцтаксі АВ1234ВС; водій отримає SMS'),
      'the insertion',
    );
    await until(() => document.querySelectorAll('#routes li').length === 6, 'the longer route');
  });

  it("shows the API's Ukrainian reason for an overlapping booking and one outside the service day", async () => {
    const booked = calls.filter((c) => c === `POST /hromady/${HROMADA}/requests`).length;
    await bookFromForm('09:00', '');
    await until(() => text('status').includes('У мешканця вже є запис на цей час'), 'the overlap');
    expect(document.getElementById('status')!.className).toBe('error');
    await bookFromForm('23:30', '');
    await until(() => text('status').startsWith('Запис має вкладатися в день 2026-11-24'), 'the day');
    expect(calls.filter((c) => c === `POST /hromady/${HROMADA}/requests`).length).toBe(booked + 2);
  });

  it('sends an Idempotency-Key per booking and reuses it when a lost answer is retried', async () => {
    const rows = document.querySelectorAll('#requests tr').length;
    const sent = keys.length;
    const form = await startBookingFor('067 123 45 67');
    field(form, 'time').value = '15:00';
    field<HTMLSelectElement>(form, 'settlement').value = KHMILNYK;
    net.loseNextAnswer = true;
    form.requestSubmit();
    await until(() => text('status').includes("Немає зв'язку"), 'the network error');
    expect(bookForm().hidden).toBe(false);
    bookForm().requestSubmit();
    await until(() => text('status').includes('Заявку прийнято: 14:45–15:15'), 'the retried booking');
    await until(() => document.querySelectorAll('#requests tr').length === rows + 1, 'one new row');
    const [first, retry] = keys.slice(sent);
    expect(first!.call).toBe(`POST /hromady/${HROMADA}/requests`);
    expect(retry!.key).toBe(first!.key);
    expect(first!.key.length).toBeGreaterThanOrEqual(8);
    // the next booking is another attempt: another key
    await bookFromForm('16:00', '');
    await until(() => text('status').includes('Заявку прийнято: 15:45–16:15'), 'the next booking');
    expect(keys.at(-1)!.key).not.toBe(first!.key);
  });

  it('asks before cancelling a request', async () => {
    const asked: string[] = [];
    let answer = false;
    window.confirm = (message?: string) => {
      asked.push(String(message));
      return answer;
    };
    const cancels = () => calls.filter((c) => c.endsWith('/cancel')).length;
    const before = cancels();
    button('#requests', 'Скасувати')!.click();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Скасувати заявку');
    expect(asked[0]).toContain('Ганна');
    await new Promise((r) => setTimeout(r, 50));
    expect(cancels()).toBe(before);
    answer = true;
    button('#requests', 'Скасувати')!.click();
    await until(() => text('status').includes('Скасовано'), 'the cancellation');
    expect(cancels()).toBe(before + 1);
    await until(() => text('requests').includes('скасована'), 'the cancelled row');
  });

  it('registers an unknown caller, then books for them', async () => {
    await lookUp('067 555 66 77');
    expect(text('callers')).toContain('Номер не знайдено');
    button('#callers', 'Зареєструвати')!.click();
    const form = document.getElementById('register') as HTMLFormElement;
    expect(form.hidden).toBe(false);
    expect(getComputedStyle(form).display).not.toBe('none');
    expect(field(form, 'phone').value).toBe('067 555 66 77');
    const villages = [...field<HTMLSelectElement>(form, 'settlement').options].map((o) => o.textContent);
    expect(villages).toEqual(['— оберіть —', 'Березна (село)', 'Хмільник (місто)']);
    field(form, 'fullName').value = 'Олена Бондар';
    field<HTMLSelectElement>(form, 'settlement').value = KHMILNYK;
    field(form, 'address').value = 'вул. Слобідська, 5';
    field(form, 'wheelchair').checked = true;
    field(form, 'smsConsent').checked = true;
    form.requestSubmit();
    await until(() => text('book-who') === 'Олена Бондар', 'the new resident selected');
    expect(form.hidden).toBe(true);
    expect(bookForm().hidden).toBe(false);
    expect(field(bookForm(), 'wheelchair').checked).toBe(true);
    expect(keys.at(-1)!.call).toBe(`POST /hromady/${HROMADA}/residents`);
    expect(text('status')).toContain('Олена Бондар');
    // the caller is found by phone from now on
    field(bookForm(), 'time').value = '10:00';
    field<HTMLSelectElement>(bookForm(), 'settlement').value = BEREZNA;
    bookForm().requestSubmit();
    await until(() => text('status').includes('Заявку прийнято'), 'her booking');
    await until(() => text('requests').includes('Олена Бондар'), 'her row');
  });

  it("an unknown hromada clears the previous hromada's day", async () => {
    const day = document.getElementById('day') as HTMLFormElement;
    field(day, 'hromada').value = 'nemaye';
    day.requestSubmit();
    await until(() => document.getElementById('status')!.className === 'error', 'the error');
    expect(text('status')).toBe('Громаду «nemaye» не знайдено');
    for (const id of ['requests', 'routes', 'unassigned', 'messages', 'callers', 'book-who'])
      expect(text(id)).not.toMatch(/Соцтаксі|Ганна|Олена|АВ1234ВС|зуп\./);
    expect(bookForm().hidden).toBe(true);
    expect(text('plan-version')).not.toContain('версія');
    expect((document.getElementById('plan-day') as HTMLButtonElement).disabled).toBe(true);
    // no hromada on screen: a phone number is not looked up in the unknown one
    const caller = document.getElementById('caller') as HTMLFormElement;
    field(caller, 'phone').value = '067 123 45 67';
    caller.requestSubmit();
    await until(() => text('status') === 'Спершу оберіть громаду і покажіть день', 'the refusal');
    field(day, 'hromada').value = HROMADA;
    day.requestSubmit();
    await until(() => text('requests').includes('Соцтаксі') && text('status') === '', 'the day back');
  });

  it('gives every form control an accessible name', () => {
    const controls = [...document.querySelectorAll('input, select, textarea, button')];
    expect(controls.length).toBeGreaterThan(20);
    const unnamed = controls.filter((c) => accessibleName(c) === '').map((c) => c.outerHTML.slice(0, 80));
    expect(unnamed).toEqual([]);
  });

  it('only calls routes the API has', () => {
    // every kind of call the pages made above, each answered by a route of the API function
    const kinds = new Set(calls.map((c) => c.replace(/\/(requests|plans)\/[^/]+/, '/$1/{x}')));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(unrouted).toEqual([]);
  });
});
