// The day board: plan and publish; one row per vehicle; the requests no route takes, with their
// reasons; a chosen stop moved, unassigned, locked or given its outcome; the day's requests and SMS.
import { useState } from 'preact/hooks';
import { session } from './auth.js';
import { html } from './html.js';
import { vehicleName } from './load.js';
import * as plans from './plan-actions.js';
import { RequestTable } from './request-table.js';
import { SmsLog } from './sms-log.js';
import { StopActions } from './stop-actions.js';
import { UnassignedList } from './unassigned-list.js';
import { VehicleRow } from './vehicle-row.js';

export function BoardView(ctx) {
  const { hromada, date, names, day, setDay, reloadDay, run, say } = ctx;
  const [selected, select] = useState(undefined);
  /** Planning and the board's edits: the dispatch desk only (console/auth.js). */
  const desk = session.offers.dispatch;
  const plan = day?.plan;
  const byId = day?.byId ?? new Map();
  /** A plan change answered with the new plan (contract 1). */
  const change = (action, done) =>
    run(async () => {
      if (!plan) throw new Error('Спершу сплануйте день');
      const next = await action();
      setDay({ ...day, plan: next });
      select(undefined);
      say(done);
      await reloadDay();
    });
  const planIt = () =>
    run(async () => {
      say('Планую…');
      const next = await plans.planDay(hromada, date, plan, (job) => {
        const p = job.progress;
        say(
          p
            ? `Планую… ${Math.round(p.elapsedMs / 1000)} с з ${job.seconds}, поза планом ${p.unassigned}`
            : 'Планую…',
        );
      });
      say(`План готовий: ${next.routes.length} маршрут(и), поза планом ${next.unassigned.length}`);
      await reloadDay();
    });
  const publish = () =>
    run(async () => {
      const out = await plans.publishPlan(hromada, date, plan);
      const missing = out.withoutDriver?.length ? `; без водія: ${out.withoutDriver.join(', ')}` : '';
      say(`Надіслано водіям: ${out.messages} SMS${missing}`);
      await reloadDay();
    });
  const routes = new Map((plan?.routes ?? []).map((r) => [r.vehicleId, r]));
  const vehicleIds = [
    ...new Set([...routes.keys(), ...[...names.vehicles.values()].filter((v) => v.active).map((v) => v.id)]),
  ];
  const moveTo = (vehicleId) => (requestId) =>
    change(
      () => plans.assign(hromada, date, plan, requestId, vehicleId),
      `Перенесено: ${vehicleName(names, vehicleId)}`,
    );
  const chosen = selected && byId.get(selected.requestId);

  /** Escape anywhere on the board lets go of the chosen stop. */
  const onKeyDown = (e) => {
    if (e.key === 'Escape') select(undefined);
  };

  return html`<section aria-labelledby="board-title" onKeyDown=${onKeyDown}>
    <h2 id="board-title">План дня <span id="plan-version">${
      plan
        ? `— версія ${plan.version}, ${plan.status === 'published' ? 'надіслано водіям' : 'чернетка'}`
        : '— ще немає'
    }</span></h2>
    ${
      desk &&
      html`<p>
      <button type="button" id="plan-day" onClick=${planIt}>Спланувати</button>
      ${' '}<button type="button" id="publish" disabled=${!plan || plan.status === 'published'} onClick=${publish}>
        Надіслати водіям</button>
    </p>`
    }
    ${
      desk &&
      selected &&
      chosen &&
      html`<${StopActions} key=${selected.requestId} ...${ctx} plan=${plan} selected=${selected} request=${chosen} change=${change}
        select=${select} />`
    }
    <ul id="routes" class="board">
      ${vehicleIds.map(
        (
          id,
        ) => html`<${VehicleRow} key=${id} names=${names} date=${date} vehicleId=${id} route=${routes.get(id)}
          byId=${byId} selected=${selected} select=${desk ? select : undefined} moveHere=${desk ? moveTo(id) : undefined}
          toggleService=${
            desk
              ? () => {
                  const inService = routes.get(id)?.inService !== false;
                  change(
                    () => plans.setInService(hromada, date, plan, id, !inService),
                    inService ? 'Авто виведено зі служби' : 'Авто повернуто в службу',
                  );
                }
              : undefined
          } />`,
      )}
    </ul>
    <${UnassignedList} names=${names} plan=${plan} byId=${byId} vehicleIds=${vehicleIds} moveTo=${desk ? moveTo : undefined} />
    <${RequestTable} ...${ctx} />
    <${SmsLog} hromada=${hromada} day=${day} />
  </section>`;
}
