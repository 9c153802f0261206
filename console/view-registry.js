// The registries (residents, drivers, vehicles, depots, settlements) and the hromada's rules,
// edited with the version last read: a change someone else made first is shown as such, with a
// reload.
import { useEffect, useState } from 'preact/hooks';
import { all, api, hromadaPath } from './api.js';
import { html } from './html.js';
import { KINDS, RULES } from './registry-fields.js';

function EditForm({ title, fields, item, save, reload, conflict }) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map((f) => [f.key, item[f.key] ?? ''])),
  );
  useEffect(() => setValues(Object.fromEntries(fields.map((f) => [f.key, item[f.key] ?? '']))), [item]);
  const submit = (e) => {
    e.preventDefault();
    const changed = {};
    for (const f of fields) {
      let v = values[f.key];
      if (f.type === 'number') v = Number(v);
      if (f.nullable && v === '') v = null;
      if (v !== (item[f.key] ?? (f.nullable ? null : ''))) changed[f.key] = v;
    }
    save(changed);
  };
  return html`<form id="edit" onSubmit=${submit} aria-label=${title}>
    <h3>${title} <small>(версія ${item.version})</small></h3>
    ${fields.map((f) =>
      f.type === 'checkbox'
        ? html`<label><input type="checkbox" name=${f.key} checked=${values[f.key] === true}
            onChange=${(e) => setValues({ ...values, [f.key]: e.currentTarget.checked })} /> ${f.label}</label>`
        : html`<label>${f.label} <input name=${f.key} type=${f.type ?? 'text'} value=${values[f.key] ?? ''}
            onInput=${(e) => setValues({ ...values, [f.key]: e.currentTarget.value })} /></label>`,
    )}
    <button type="submit">Зберегти</button>
    ${
      conflict &&
      html`<p class="error" role="alert">Хтось інший змінив це.
      <button type="button" onClick=${reload}>Перезавантажити</button></p>`
    }
  </form>`;
}

export function RegistryView({ hromada, run, say }) {
  const [kindId, setKind] = useState('residents');
  const [items, setItems] = useState([]);
  const [chosen, setChosen] = useState(undefined);
  const [conflict, setConflict] = useState(false);
  const base = hromadaPath(hromada);
  const kind = KINDS.find((k) => k.id === kindId);
  useEffect(() => {
    setChosen(undefined);
    if (kindId === 'rules') api('GET', base).then((h) => setChosen({ ...h.rules, version: h.version }));
    else run(async () => setItems(await all(`${base}/${kindId}`)));
  }, [kindId, base]);
  const reload = () =>
    run(async () => {
      setConflict(false);
      if (kindId === 'rules') {
        const h = await api('GET', base);
        setChosen({ ...h.rules, version: h.version });
      } else setChosen(await api('GET', `${base}/${kindId}/${chosen.id}`));
      say('Перезавантажено: перевірте й змініть ще раз');
    });
  const save = (changed) =>
    run(async () => {
      setConflict(false);
      try {
        if (kindId === 'rules') {
          // `rules` is replaced as a whole: the rules read, with the changes
          const { version, ...rules } = chosen;
          const h = await api('PATCH', base, { version, rules: { ...rules, ...changed } });
          setChosen({ ...h.rules, version: h.version });
        } else {
          const saved = await api('PATCH', `${base}/${kindId}/${chosen.id}`, {
            version: chosen.version,
            ...changed,
          });
          setChosen(saved);
          setItems(items.map((i) => (i.id === saved.id ? saved : i)));
        }
        say('Збережено');
      } catch (e) {
        if (e.code === 'conflict') setConflict(true);
        throw e;
      }
    });
  return html`<section aria-labelledby="registry-title">
    <h2 id="registry-title">Довідники</h2>
    <label>Довідник <select id="kind" value=${kindId} onChange=${(e) => setKind(e.currentTarget.value)}>
      ${KINDS.map((k) => html`<option value=${k.id}>${k.title}</option>`)}
      <option value="rules">Правила громади</option>
    </select></label>
    <div class="registry">
      ${
        kindId !== 'rules' &&
        html`<ul id="registry-items">
        ${items.map(
          (
            i,
          ) => html`<li key=${i.id}><button type="button" aria-pressed=${chosen?.id === i.id ? 'true' : 'false'}
            onClick=${() => {
              setConflict(false);
              setChosen(i);
            }}>${i.name}${i.plate ? ` ${i.plate}` : ''}</button></li>`,
        )}
      </ul>`
      }
      ${
        chosen &&
        html`<${EditForm} title=${kindId === 'rules' ? 'Правила громади' : chosen.name}
        fields=${kindId === 'rules' ? RULES.map((r) => ({ ...r, type: 'number' })) : kind.fields}
        item=${chosen} save=${save} reload=${reload} conflict=${conflict} />`
      }
    </div>
  </section>`;
}
