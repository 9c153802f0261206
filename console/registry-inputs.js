// The inputs of a registry form: what is typed is kept as typed (text), and read into the item's
// values only when the form is saved, with a Ukrainian word for what is wrong.
import { html } from './html.js';

/** The value at a dotted path of an object. */
export const getPath = (obj, path) => path.split('.').reduce((o, k) => o?.[k], obj);

/** A copy of `obj` with the value at `path` set (removed when undefined). */
export function setPath(obj, path, value) {
  const [key, ...rest] = path.split('.');
  const out = { ...(obj ?? {}) };
  const next = rest.length ? setPath(out[key], rest.join('.'), value) : value;
  if (next === undefined) delete out[key];
  else out[key] = next;
  return out;
}

/** What a field's input shows for the item's value. */
export function shownOf(field, value) {
  if (field.toShown) return field.toShown(value);
  if (field.type === 'checkbox') return value === true;
  if (field.type === 'checks') return Array.isArray(value) ? value : [];
  if (field.type === 'shifts') return (value ?? []).map((s) => ({ ...s, days: [...s.days] }));
  if (field.type === 'point') return { lat: String(value?.lat ?? ''), lon: String(value?.lon ?? '') };
  return value === null || value === undefined ? '' : String(value);
}

const number = (field, text, what = field.label) => {
  const n = Number(String(text).replace(',', '.'));
  if (String(text).trim() === '' || Number.isNaN(n)) throw new Error(`Поле «${what}»: потрібне число`);
  return n;
};

/** The item's value of what the input shows; an Error in Ukrainian when it cannot be read. */
export function readField(field, shown) {
  if (field.read) return field.read(shown, field);
  switch (field.type) {
    case 'checkbox':
    case 'checks':
    case 'select':
      return shown === '' && field.optional ? undefined : shown;
    case 'shifts':
      for (const s of shown) if (s.days.length === 0) throw new Error('Оберіть дні кожної зміни');
      return shown.map((s) => ({ ...s, days: [...s.days].sort() }));
    case 'point':
      if (shown.lat.trim() === '' && shown.lon.trim() === '' && field.nullable) return null;
      return { lat: number(field, shown.lat, 'широта'), lon: number(field, shown.lon, 'довгота') };
    case 'number':
      if (String(shown).trim() === '' && field.optional) return undefined;
      return number(field, shown);
    default: {
      const text = String(shown).trim();
      if (text === '' && field.nullable) return null;
      if (text === '' && field.optional) return undefined;
      return text;
    }
  }
}

const DAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Нд'];

function ShiftsInput({ field, shown, set, name }) {
  const change = (i, next) => set(shown.map((s, j) => (j === i ? { ...s, ...next } : s)));
  const toggle = (i, day) => (e) =>
    change(i, {
      days: e.currentTarget.checked ? [...shown[i].days, day] : shown[i].days.filter((d) => d !== day),
    });
  return html`<fieldset class="shifts" data-path=${field.path}>
    <legend>${field.label}</legend>
    ${shown.map(
      (s, i) => html`<fieldset class="shift">
        <legend>Зміна ${i + 1}</legend>
        ${DAYS.map(
          (
            d,
            k,
          ) => html`<label><input type="checkbox" name=${`${name}-${i}-day`} checked=${s.days.includes(k + 1)}
            onChange=${toggle(i, k + 1)} /> ${d}</label> `,
        )}
        <label>з <input type="time" required value=${s.start}
          onInput=${(e) => change(i, { start: e.currentTarget.value })} /></label>
        <label>до <input type="time" required value=${s.end}
          onInput=${(e) => change(i, { end: e.currentTarget.value })} /></label>
        <button type="button" onClick=${() => set(shown.filter((_, j) => j !== i))}>Видалити зміну ${i + 1}</button>
      </fieldset>`,
    )}
    <button type="button" onClick=${() => set([...shown, { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }])}>
      Додати зміну</button>
  </fieldset>`;
}

/** One field's input, labelled; `set` takes what it shows next. */
export function FieldInput({ field, shown, set, names, issues = [] }) {
  const name = field.path.replace(/\./g, '-');
  if (field.editor)
    return html`<${field.editor} field=${field} shown=${shown} set=${set} name=${name} issues=${issues} />`;
  const options = field.options ? Object.entries(field.options(names)) : [];
  switch (field.type) {
    case 'checkbox':
      return html`<label><input type="checkbox" name=${name} checked=${shown}
        onChange=${(e) => set(e.currentTarget.checked)} /> ${field.label}</label>`;
    case 'checks':
      return html`<fieldset data-path=${field.path}><legend>${field.label}</legend>
        ${options.map(
          ([value, words]) => html`<label><input type="checkbox" name=${name} value=${value}
            checked=${shown.includes(value)}
            onChange=${(e) => set(e.currentTarget.checked ? [...shown, value] : shown.filter((x) => x !== value))} />
            ${' '}${words}</label> `,
        )}
      </fieldset>`;
    case 'select':
      return html`<label>${field.label} <select name=${name} value=${shown}
        onChange=${(e) => set(e.currentTarget.value)}>
        ${field.optional || !options.some(([v]) => v === shown) ? html`<option value="">— не вказано —</option>` : null}
        ${options.map(([value, words]) => html`<option value=${value}>${words}</option>`)}
      </select></label>`;
    case 'point':
      return html`<fieldset data-path=${field.path}><legend>${field.label}</legend>
        <label>широта <input name=${`${name}-lat`} inputmode="decimal" size="10" value=${shown.lat}
          onInput=${(e) => set({ ...shown, lat: e.currentTarget.value })} /></label>
        <label>довгота <input name=${`${name}-lon`} inputmode="decimal" size="10" value=${shown.lon}
          onInput=${(e) => set({ ...shown, lon: e.currentTarget.value })} /></label>
      </fieldset>`;
    case 'shifts':
      return html`<${ShiftsInput} field=${field} shown=${shown} set=${set} name=${name} />`;
    default:
      return html`<label>${field.label} <input name=${name} required=${field.required === true}
        type=${field.type === 'time' ? 'time' : 'text'} inputmode=${field.type === 'number' ? 'decimal' : undefined}
        size=${field.type === 'number' ? 6 : undefined} value=${shown}
        onInput=${(e) => set(e.currentTarget.value)} /></label>`;
  }
}
