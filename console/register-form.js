// A caller whose number is unknown, registered as a resident in the call (at their village's
// centre: there is no geocoding offline); the booking form opens for them next.
import { useState } from 'preact/hooks';
import { create, hromadaPath } from './api.js';
import { html } from './html.js';
import { CATEGORIES, placeAddress } from './words.js';

export function RegisterForm({ hromada, names, phone, run, done }) {
  const [f, setF] = useState({
    fullName: '',
    phone,
    settlementId: '',
    street: '',
    wheelchair: false,
    needsRamp: false,
    escort: false,
    smsConsent: false,
    categories: [],
  });
  const toggleCategory = (c) => (e) =>
    setF({
      ...f,
      categories: e.currentTarget.checked ? [...f.categories, c] : f.categories.filter((x) => x !== c),
    });
  const set = (key) => (e) =>
    setF({
      ...f,
      [key]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value,
    });
  const submit = (e) => {
    e.preventDefault();
    run(async () => {
      const s = names.settlements.find((x) => x.id === f.settlementId);
      if (!s) throw new Error('Оберіть село');
      const resident = await create(`${hromadaPath(hromada)}/residents`, {
        name: f.fullName.trim(),
        phone: f.phone.trim() || null,
        settlementId: s.id,
        address: placeAddress(s, f.street.trim()),
        location: s.location,
        mobility: { wheelchair: f.wheelchair, needsRamp: f.needsRamp, escort: f.escort },
        smsConsent: f.smsConsent,
        categories: f.categories,
      });
      done(resident);
    });
  };
  const check = (key, text) =>
    html`<label><input name=${key} type="checkbox" checked=${f[key]} onChange=${set(key)} /> ${text}</label>`;
  return html`<form id="register" onSubmit=${submit}>
    <h3>Новий отримувач</h3>
    <label>Ім'я <input name="fullName" required size="24" autocomplete="off" autofocus value=${f.fullName}
      onInput=${set('fullName')} /></label>
    <label>Телефон <input name="phone" inputmode="tel" value=${f.phone} onInput=${set('phone')} /></label>
    <label>Село <select name="settlement" required value=${f.settlementId} onChange=${set('settlementId')}>
      <option value="">— оберіть —</option>
      ${names.settlements.map((s) => html`<option value=${s.id}>${s.name} (${s.type})</option>`)}
    </select></label>
    <label>Адреса <input name="address" required size="30" placeholder="вул. Шевченка, 12" value=${f.street}
      onInput=${set('street')} /></label>
    ${check('wheelchair', 'візок')} ${check('needsRamp', 'потрібен пандус')} ${check('escort', 'із супровідником')}
    ${check('smsConsent', 'згода на SMS')}
    <fieldset id="categories">
      <legend>Категорія отримувача (від неї залежить, які послуги йому доступні)</legend>
      ${Object.entries(CATEGORIES).map(
        ([c, text]) => html`<label><input type="checkbox" name="categories" value=${c}
          checked=${f.categories.includes(c)} onChange=${toggleCategory(c)} /> ${text}</label> `,
      )}
    </fieldset>
    <button type="submit">Зареєструвати</button>
  </form>`;
}
