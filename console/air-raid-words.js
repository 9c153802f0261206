// Air-raid alerts (docs/services/wartime.md) in the dispatcher's words: the area, who set it, and
// what the platform did about it (the alert's `effects`).

export const LEVELS = { hromada: 'громада', raion: 'район', oblast: 'область' };
export const SOURCES = { dispatcher: 'диспетчер', feed: 'стрічка тривог' };

/** What an alert did so far, one phrase a line (Ukrainian). */
export function effectsWords(alert) {
  const e = alert.effects;
  const lines = [
    // the notices of days over are counted, not listed (a long alert's log stays small)
    `Водіїв у дорозі сповіщено: ${e.driversTold.length + (e.driversToldEarlier ?? 0)}`,
    `Маршрутів на паузі: ${e.routesPaused.length}`,
    `Зупинок зсунуто: ${e.stopsShifted}, усього на ${e.shiftedMinutes} хв`,
    `SMS затримано: ${e.heldCount}`,
  ];
  // while it lasts: the days over so far, handed to the dispatcher
  if (!alert.endedAt)
    return [...lines, ...earlierWords(e), ...(e.days ?? []).filter((d) => d.wholeDay).map(laterDayWords)];
  lines.push(`Після відбою надіслано: ${e.released}, відкинуто як застарілі: ${e.dropped}`);
  if (e.startDayOver) lines.push(startDayOverWords(e));
  else if (e.replanVersion !== undefined) lines.push(`День переплановано: версія плану ${e.replanVersion}`);
  else if (e.replanError) lines.push('День не переплановано автоматично: сплануйте його вручну');
  else if (e.replanLeft) lines.push('Одразу почалася нова тривога: день переплановано з її відбоєм');
  else lines.push('Плану на цей день не було: перепланування не знадобилося');
  if (e.windowsMoved) lines.push(`Отримувачам повідомлено новий час: ${e.windowsMoved}`);
  lines.push(...earlierWords(e));
  for (const day of e.days ?? []) lines.push(laterDayWords(day));
  return lines;
}

/** "день", "дні" or "днів", as the number before it asks. */
export function daysNoun(n) {
  const tens = n % 100;
  if (n % 10 === 1 && tens !== 11) return 'день';
  if (n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14)) return 'дні';
  return 'днів';
}

const kyivTime = (iso) =>
  new Date(iso).toLocaleTimeString('uk-UA', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit' });

const dayLabel = (date) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;

/** An alert longer than a week: its oldest whole days, folded into one line with their totals. */
function earlierWords(e) {
  const d = e.earlier;
  if (!d) return [];
  return [
    `Ще ${d.days} ${daysNoun(d.days)} тривоги раніше (${dayLabel(d.from)}–${dayLabel(d.through)}): увесь день під тривогою, поїздки не виконано; зупинок зсунуто: ${d.stopsShifted}; заявок перенести: ${d.toRebookCount}; SMS відкинуто: ${d.dropped} (див. список уваги)`,
  ];
}

/** The start day, over at the end of an alert across midnight: its undone rides to rebook. */
function startDayOverWords(e) {
  if (e.toRebookCount !== undefined)
    return `День початку тривоги минув: не переплановано; заявок перенести: ${e.toRebookCount} (див. список уваги)`;
  // an alert logged before the rides were handed over
  return e.replanVersion !== undefined
    ? `День початку тривоги минув: зсунутий час залишено й надіслано (версія плану ${e.replanVersion})`
    : 'День початку тривоги минув: зсунутий час залишено';
}

/**
 * A later day the alert ran into after midnight: its stops held and its re-plan; or a day over
 * (lasted wholly, reached after its midnight, or ended on with its end finished after its
 * midnight), not planned again, with its rides to rebook.
 */
function laterDayWords(day) {
  const date = dayLabel(day.date);
  const rebook = `заявок перенести: ${day.toRebookCount ?? 0}${day.dropped ? `; SMS відкинуто: ${day.dropped}` : ''} (див. список уваги)`;
  const until = day.until ? ` до ${kyivTime(day.until)}` : '';
  // reached after its midnight (set then): the rides before it were made
  if (day.wholeDay && day.since)
    return `${date}: під тривогою з ${kyivTime(day.since)}${until}, поїздки після цього не виконано; ${rebook}`;
  // ended on it, its end finished only after its midnight: over by then, handed over like a day over
  if (day.wholeDay && day.until) return `${date}: під тривогою${until}, поїздки не виконано; ${rebook}`;
  if (day.wholeDay) return `${date}: увесь день під тривогою, поїздки не виконано; ${rebook}`;
  const replan =
    day.replanVersion !== undefined
      ? `переплановано, версія плану ${day.replanVersion}`
      : day.replanError
        ? 'не переплановано автоматично: сплануйте його вручну'
        : 'плану не було';
  const told = day.windowsMoved ? `; новий час повідомлено: ${day.windowsMoved}` : '';
  return `${date}: зупинок зсунуто ${day.stopsShifted} (до ${day.shiftedMinutes} хв); ${replan}${told}`;
}

/** The status line after «Відбій тривоги»: the re-plan's effects in one sentence, and the other hromady. */
export const endedWords = (alert) =>
  `Відбій тривоги. ${effectsWords(alert).join('; ')}${spreadEndWords(alert.spread)}`;

/** The status line after «Повітряна тривога»: started now, or the one already in force (at `time`). */
export const startedWords = (alert, time, level = alert.area?.level) =>
  (alert.started === false
    ? `Тривога вже триває з ${time}`
    : `Повітряну тривогу оголошено. Водіїв у дорозі сповіщено: ${alert.effects.driversTold.length}`) +
  spreadWords(alert.spread, level);

/** Who set an alert, for the log and the banner: another hromada's dispatcher named by hromada. */
export const setByWords = (alert) =>
  alert.startedFrom
    ? `диспетчер громади «${alert.startedFrom.hromadaName}»`
    : (SOURCES[alert.source] ?? alert.source);

/** The control shown while a raion or oblast «Тривога» failed in some hromady (air-raid-retry.js). */
export const RETRY_LABEL = 'Оголосити там ще раз';

/** "в 1 громаді", "у 3 громадах" (the locative after a number). */
function inHromady(n) {
  const one = n % 10 === 1 && n % 100 !== 11;
  return `${n} ${one ? 'громаді' : 'громадах'}`;
}

/** "району" or "області": the level the dispatcher pressed. */
export const unitWords = (level) => (level === 'raion' ? 'району' : 'області');

/**
 * After a raion or oblast «Тривога» (`level`: the one pressed): how many other hromady of the
 * deployment it reached, which kept an alert of their own, and where it could not start (names
 * only); a part with nothing to count is left out.
 */
function spreadWords(spread, level) {
  if (!spread) return '';
  const parts = [];
  if (spread.reached.length)
    parts.push(
      `Тривогу ${unitWords(level)} оголошено ще в ${inHromady(spread.reached.length)}${names(spread.reached)}`,
    );
  if (spread.alreadyUnderAlert.length)
    parts.push(`уже мали свою тривогу: ${spread.alreadyUnderAlert.length}${names(spread.alreadyUnderAlert)}`);
  if (spread.failed.length)
    parts.push(
      `не вдалося оголосити в ${inHromady(spread.failed.length)}${names(spread.failed)}: натисніть «${RETRY_LABEL}»`,
    );
  if (!parts.length) return `. Інших громад ${unitWords(level)} у системі немає`;
  return `. ${capital(parts.join('; '))}`;
}

/**
 * After «Відбій» of an alert that reached other hromady: where it ended too, and where it could
 * not be written (the poll ends those: anchor-ended.ts).
 */
function spreadEndWords(spread) {
  if (!spread) return '';
  const parts = [];
  if (spread.ended.length)
    parts.push(`Відбій також у ${inHromady(spread.ended.length)}${names(spread.ended)}`);
  if (spread.failed.length)
    parts.push(
      `не вдалося записати відбій у ${inHromady(spread.failed.length)}${names(spread.failed)}: там він настане автоматично протягом хвилини`,
    );
  return parts.length ? `. ${capital(parts.join('; '))}` : '';
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const names = (list) => (list.length ? ` (${list.join(', ')})` : '');
