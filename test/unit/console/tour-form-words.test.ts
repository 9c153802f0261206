import { describe, expect, it } from 'vitest';
import { errorWords } from '../../../console/error-words.js';
import { coordinate, placeRow, tourFormProblem, tourPlaces } from '../../../console/tour-form-words.js';
import { tourCreateSchema } from '../../../shared/domain/entities/tour';

const VINNYTSIA = { lat: 49.2331, lon: 28.4682 };
const form = (extra: Record<string, unknown> = {}) => ({
  start: '08:00',
  end: '18:00',
  vehicle: { name: 'Бригада 1', plate: '' },
  depot: placeRow({ name: 'Вінниця', location: VINNYTSIA }),
  places: [{ ...placeRow(), name: 'Готель «Поділля»', lat: '49,0587', lon: '28,1056' }],
  ...extra,
});
const TWO_DAYS = ['2027-03-01', '2027-03-02'];

describe("the tour plan form's checks, in Ukrainian, before anything is sent", () => {
  it('takes a comma or a point in a coordinate, and nothing else', () => {
    expect(coordinate('49,2331')).toBe(49.2331);
    expect(coordinate(' 28.4682 ')).toBe(28.4682);
    expect(coordinate('49°')).toBeUndefined();
    expect(coordinate('')).toBeUndefined();
  });

  it('passes a complete form, and its body is what the API takes', () => {
    const f = form();
    expect(tourFormProblem(f, TWO_DAYS)).toBeUndefined();
    const body = {
      providerHromadaId: 'vinnytska',
      name: 'Тур',
      ...tourPlaces(f),
      days: TWO_DAYS.map((date) => ({ date, start: '08:00', end: '18:00' })),
    };
    const parsed = tourCreateSchema.parse(body);
    expect(parsed.overnightPlaces[0]).toMatchObject({ name: 'Готель «Поділля»', location: { lat: 49.0587 } });
    expect(parsed.vehicle).toEqual({ name: 'Бригада 1' });
  });

  it('refuses a depot without a point and no night for a multi-day tour', () => {
    expect(tourFormProblem(form({ depot: { ...placeRow(), name: 'База' } }), TWO_DAYS)).toBe(
      'Вкажіть точку бази: оберіть населений пункт або введіть координати',
    );
    expect(tourFormProblem(form({ places: [] }), TWO_DAYS)).toBe(
      'Тур на кілька днів потребує хоча б одного місця ночівлі',
    );
    expect(tourFormProblem(form({ vehicle: { name: ' ', plate: '' } }), TWO_DAYS)).toMatch(/^Вкажіть авто/);
  });

  it('refuses a point outside Ukraine or not a number, naming the place', () => {
    const far = form({ places: [{ ...placeRow(), name: 'Готель', lat: '60', lon: '28' }] });
    expect(tourFormProblem(far, TWO_DAYS)).toBe(
      'Широта місця ночівлі «Готель» має бути від 44 до 53 (Україна)',
    );
    const text = form({ depot: { ...placeRow(), name: 'База', lat: 'abc', lon: '28' } });
    expect(tourFormProblem(text, TWO_DAYS)).toMatch(/^Координати бази — числа/);
  });

  it('a one-day tour without a night place sleeps at the depot (the API wants one place at least)', () => {
    const f = form({ places: [] });
    expect(tourFormProblem(f, ['2027-03-01'])).toBeUndefined();
    const places = tourPlaces(f);
    expect(places.overnightPlaces).toEqual([{ id: 'depot-night', name: 'Вінниця', location: VINNYTSIA }]);
    expect(places.depot.id).toBe('depot');
  });

  it("keeps a previous tour's place ids and makes new ones unique", () => {
    const f = form({
      depot: placeRow({ id: 'garage', name: 'Гараж', location: VINNYTSIA }),
      places: [
        placeRow({ id: 'garage', name: 'Двійник', location: VINNYTSIA }),
        { ...placeRow(), name: 'Новий', lat: '49', lon: '28' },
      ],
    });
    const ids = [tourPlaces(f).depot.id, ...tourPlaces(f).overnightPlaces.map((p: { id: string }) => p.id)];
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('garage');
  });

  it("names the tour's fields of the API's 400 in Ukrainian", () => {
    const issues = [
      { path: 'depot.location.lat', message: 'x' },
      { path: 'overnightPlaces.1.location.lon', message: 'x' },
      { path: 'days.0.end', message: 'x' },
      { path: 'vehicle.name', message: 'x' },
    ];
    expect(errorWords(400, { error: { code: 'validation', issues } })).toBe(
      'Перевірте дані форми: точка бази, точка місця ночівлі, години робочого дня, назва авто',
    );
  });
});
