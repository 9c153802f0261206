// The registries (residents, drivers, vehicles, depots, settlements) and the hromada's rules:
// created, and edited with the version last read; a change someone else made first is shown as
// such, with a reload. What a role may change is what console/auth.js offers it. After a save the
// names and the day on screen are read again.
import { useEffect, useState } from 'preact/hooks';
import { all, api, create, hromadaPath } from './api.js';
import { session } from './auth.js';
import { html } from './html.js';
import { IssueText, issuesAt } from './issue-words.js';
import { KINDS, RULES } from './registry-fields.js';
import { FieldInput, getPath, readField, setPath, shownOf } from './registry-inputs.js';

/** The item's top-level keys the form changes ("capacity" for "capacity.seats"). */
const topKeys = (fields) => [...new Set(fields.map((f) => f.path.split('.')[0]))];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function EditForm({ title, fields, item, names, canEdit, save, reload, conflict, run }) {
  const [shown, setShown] = useState(() =>
    Object.fromEntries(fields.map((f) => [f.path, shownOf(f, getPath(item, f.path))])),
  );
  // what is wrong with a field (the console's own check, or the API's 400), shown next to it
  const [issues, setIssues] = useState([]);
  const submit = (e) => {
    e.preventDefault();
    setIssues([]);
    run(async () => {
      try {
        let out = item;
        for (const f of fields) out = setPath(out, f.path, readField(f, shown[f.path]));
        await save(out);
      } catch (error) {
        const found = error.issues ?? (error.code === 'validation' ? error.body?.error?.issues : undefined);
        if (found) setIssues(found);
        throw error;
      }
    });
  };
  return html`<form id="edit" class="registry-form" onSubmit=${submit} aria-label=${title}>
    <h3>${title} ${item.version ? html`<small>(версія ${item.version})</small>` : null}</h3>
    <fieldset class="plain" disabled=${!canEdit}>
      <legend class="visually-hidden">${title}</legend>
      ${fields.map(
        (f) => html`<${FieldInput} key=${f.path} field=${f} shown=${shown[f.path]} names=${names}
          issues=${f.editor ? issues : undefined} set=${(next) => setShown({ ...shown, [f.path]: next })} />
          ${f.editor ? null : html`<${IssueText} id=${`${f.path.replace(/\./g, '-')}-issue`} issues=${issuesAt(issues, f.path)} />`}`,
      )}
    </fieldset>
    ${canEdit ? html`<button type="submit">${item.version ? 'Зберегти' : 'Створити'}</button>` : html`<p class="muted">Лише перегляд: змінювати може адміністратор</p>`}
    ${
      conflict &&
      html`<p class="error" role="alert">Хтось інший змінив цей запис.
      <button type="button" onClick=${reload}>Перезавантажити</button></p>`
    }
  </form>`;
}

export function RegistryView({ hromada, names, run, say, reloadNames, reloadDay }) {
  const [kindId, setKind] = useState('residents');
  const [items, setItems] = useState([]);
  const [chosen, setChosen] = useState(undefined);
  const [conflict, setConflict] = useState(false);
  const base = hromadaPath(hromada);
  const isRules = kindId === 'rules';
  const kind = isRules ? RULES : KINDS.find((k) => k.id === kindId);
  const canEdit = isRules ? session.offers.editRules : session.offers.editRegistry;
  const choose = (item) => {
    setConflict(false);
    setChosen(item);
  };
  useEffect(() => {
    choose(undefined);
    setItems([]);
    // a list that answers after the dispatcher chose another kind is dropped, not shown as this one
    let stale = false;
    run(async () => {
      if (isRules) {
        const rules = await api('GET', base);
        if (!stale) choose(rules);
      } else {
        const found = await all(`${base}/${kindId}`);
        if (!stale) setItems(found);
      }
    });
    return () => {
      stale = true;
    };
  }, [kindId, base]);
  const reload = () =>
    run(async () => {
      choose(await api('GET', isRules ? base : `${base}/${kindId}/${chosen.id}`));
      say('Перезавантажено: перевірте й змініть ще раз');
    });
  const save = async (out) => {
    setConflict(false);
    const keys = topKeys(kind.fields);
    try {
      let saved;
      if (!chosen.version) {
        const body = Object.fromEntries(keys.filter((k) => out[k] !== undefined).map((k) => [k, out[k]]));
        saved = await create(`${base}/${kindId}`, body);
        setItems([...items, saved]);
      } else {
        const changed = keys.filter((k) => !same(out[k], chosen[k]));
        if (changed.length === 0) return say('Змін немає');
        const body = { version: chosen.version, ...Object.fromEntries(changed.map((k) => [k, out[k]])) };
        saved = await api('PATCH', isRules ? base : `${base}/${kindId}/${chosen.id}`, body);
        if (!isRules) setItems(items.map((i) => (i.id === saved.id ? saved : i)));
      }
      setChosen(saved);
      say(chosen.version ? 'Збережено' : 'Створено');
      // the names every view shows, and the day on screen read again: a vehicle added or edited
      // (or anything else the board shows) must not leave a day read before it on the board
      await Promise.all([reloadNames?.(), reloadDay?.()]);
    } catch (e) {
      if (e.code === 'conflict') setConflict(true);
      throw e;
    }
  };
  const title = isRules ? RULES.title : chosen?.version ? chosen.name : `Новий запис: ${kind.one}`;
  return html`<section aria-labelledby="registry-title">
    <h2 id="registry-title">Довідники</h2>
    <label>Довідник <select id="kind" value=${kindId} onChange=${(e) => setKind(e.currentTarget.value)}>
      ${KINDS.map((k) => html`<option value=${k.id}>${k.title}</option>`)}
      <option value="rules">${RULES.title}</option>
    </select></label>
    ${
      !isRules &&
      canEdit &&
      html` <button type="button" id="new-item" onClick=${() => choose(kind.blank(names))}>Додати: ${kind.one}</button>`
    }
    <div class="registry">
      ${
        !isRules &&
        html`<ul id="registry-items">
        ${items.map(
          (
            i,
          ) => html`<li key=${i.id}><button type="button" aria-pressed=${chosen?.id === i.id ? 'true' : 'false'}
            onClick=${() => choose(i)}>${i.name}${i.plate ? ` ${i.plate}` : ''}</button></li>`,
        )}
      </ul>`
      }
      ${
        chosen &&
        html`<${EditForm} key=${`${kindId}-${chosen.id ?? 'new'}-${chosen.version ?? 0}`} title=${title}
        fields=${kind.fields} item=${chosen} names=${names} canEdit=${canEdit} save=${save} reload=${reload}
        conflict=${conflict} run=${run} />`
      }
    </div>
  </section>`;
}
