// Air-raid alerts (docs/services/wartime.md) in the dispatcher's words: the area, who set it, and
// what the platform did about it (the alert's `effects`).

export const LEVELS = { hromada: 'громада', raion: 'район', oblast: 'область' };
export const SOURCES = { dispatcher: 'диспетчер', feed: 'стрічка тривог' };

/** What an alert did so far, one phrase a line (Ukrainian). */
export function effectsWords(alert) {
  const e = alert.effects;
  const lines = [
    `Водіїв у дорозі сповіщено: ${e.driversTold.length}`,
    `Маршрутів на паузі: ${e.routesPaused.length}`,
    `Зупинок зсунуто: ${e.stopsShifted}, усього на ${e.shiftedMinutes} хв`,
    `SMS затримано: ${e.heldCount}`,
  ];
  if (!alert.endedAt) return lines;
  lines.push(`Після відбою надіслано: ${e.released}, відкинуто як застарілі: ${e.dropped}`);
  if (e.replanVersion !== undefined) lines.push(`День переплановано: версія плану ${e.replanVersion}`);
  else if (e.replanError) lines.push('День не переплановано автоматично: сплануйте його вручну');
  else lines.push('Плану на цей день не було: перепланування не знадобилося');
  if (e.windowsMoved) lines.push(`Отримувачам повідомлено новий час: ${e.windowsMoved}`);
  return lines;
}

/** The status line after «Відбій тривоги»: the re-plan's effects in one sentence. */
export const endedWords = (alert) => `Відбій тривоги. ${effectsWords(alert).join('; ')}`;

/** The status line after «Повітряна тривога»: started now, or the one already in force (at `time`). */
export const startedWords = (alert, time) =>
  alert.started === false
    ? `Тривога вже триває з ${time}`
    : `Повітряну тривогу оголошено. Водіїв у дорозі сповіщено: ${alert.effects.driversTold.length}`;
