// The hromada's rules that are not one number or time, each with an editor of its own shape
// (registry-inputs.js shows a field with `editor`, and reads it with `toShown` / `read`), and the
// hromada's KATOTTG codes the air-raid feed uses.
import { CodeInput, codeRead, codeShown } from './rule-area-codes.js';
import { CurfewInput, curfewRead, curfewShown } from './rule-curfew.js';
import { EligibilityInput, eligibilityRead, eligibilityShown } from './rule-eligibility.js';
import { PurposesInput, purposesRead, purposesShown } from './rule-purposes.js';
import { RetentionInput, retentionRead, retentionShown } from './rule-retention.js';
import { WeekdaysInput, weekdaysRead, weekdaysShown } from './rule-weekdays.js';

const TRAVEL_TIMES = { offline: 'оцінка без мережі', ors: 'openrouteservice (дороги)' };

const code = (path, label, hint) => ({
  path,
  label,
  hint,
  editor: CodeInput,
  toShown: codeShown,
  read: codeRead,
});

export const COMPLEX_RULES = [
  {
    path: 'rules.dispatchHours.days',
    label: 'Дні, коли диспетчер на звʼязку',
    editor: WeekdaysInput,
    toShown: weekdaysShown,
    read: weekdaysRead,
  },
  {
    path: 'rules.travelTimes',
    label: 'Час у дорозі для планування',
    type: 'select',
    options: () => TRAVEL_TIMES,
    optional: true,
  },
  { path: 'rules.smsSenderId', label: 'Відправник SMS (латиницею, 3–11 знаків)', optional: true },
  {
    path: 'rules.neutralSenderId',
    label: 'Нейтральний відправник SMS для конфіденційних випадків',
    optional: true,
  },
  {
    path: 'rules.inboundNumber',
    label: 'Номер для відповідей на SMS і телефонної лінії (+380…)',
    optional: true,
  },
  {
    path: 'rules.eligibleCategories',
    label: 'Хто може користуватися послугами',
    editor: EligibilityInput,
    toShown: eligibilityShown,
    read: eligibilityRead,
  },
  {
    path: 'rules.allowedPurposes',
    label: 'Мети поїздок і візитів за послугами',
    editor: PurposesInput,
    toShown: purposesShown,
    read: purposesRead,
  },
  {
    path: 'rules.curfew',
    label: 'Комендантська година',
    editor: CurfewInput,
    toShown: curfewShown,
    read: curfewRead,
  },
  {
    path: 'rules.retentionDays',
    label: 'Скільки днів зберігати дані',
    editor: RetentionInput,
    toShown: retentionShown,
    read: retentionRead,
  },
  code(
    'katottg',
    'Код КАТОТТГ громади',
    'Код громади за Кодифікатором адміністративно-територіальних одиниць (КАТОТТГ): за ним стрічка повітряних тривог упізнає тривогу, оголошену саме для громади.',
  ),
  code(
    'raionId',
    'Код КАТОТТГ району',
    'Код району, у якому лежить громада: тривога по району діє і для громади.',
  ),
  code(
    'oblastId',
    'Код КАТОТТГ області',
    'Код області, у якій лежить громада: тривога по області діє і для громади.',
  ),
];
