/**
 * Ukrainian → Latin by the official table (Cabinet of Ministers Resolution No. 55 of 27 Jan 2010),
 * so a long SMS goes as GSM-7 (160 / 153 characters a segment) instead of UCS-2 (70 / 67).
 * Rules: "зг" is "zgh"; є ї й ю я are Ye Yi Y Yu Ya at the start of a word, ie i i iu ia elsewhere;
 * the soft sign and apostrophes are dropped. Anything else that is not GSM-7 (Russian letters,
 * typographic quotes) is mapped to its nearest ASCII or dropped, so the result is always GSM-7.
 */
const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ю: 'iu',
  я: 'ia',
  ь: '',
  // not Ukrainian, but typed in addresses now and then
  ы: 'y',
  э: 'e',
  ё: 'io',
  ъ: '',
};

const WORD_START: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

const OTHER: Record<string, string> = {
  '’': '',
  ʼ: '',
  "'": '',
  '`': '',
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '№': 'No',
  '…': '...',
};

const APOSTROPHES = new Set(["'", '’', 'ʼ', '`']);
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

function matchCase(latin: string, original: string, nextIsUpper: boolean): string {
  if (original === original.toLowerCase() || latin === '') return latin;
  // "Щ" in "ЩЕРБУХИ" → "SHCH"; in "Щербухи" → "Shch"
  return nextIsUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
}

export function transliterate(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const nextIsUpper = next !== undefined && isLetter(next) && next === next.toUpperCase();
    if (lower === 'г' && prev?.toLowerCase() === 'з') {
      out += matchCase('gh', ch, nextIsUpper);
      continue;
    }
    if (lower in WORD_START) {
      // a word starts after a non-letter; an apostrophe inside a word does not start one
      const atStart =
        !isLetter(prev) && !(prev !== undefined && APOSTROPHES.has(prev) && isLetter(chars[i - 2]));
      out += matchCase(atStart ? WORD_START[lower]! : LETTERS[lower]!, ch, nextIsUpper);
      continue;
    }
    if (lower in LETTERS) {
      out += matchCase(LETTERS[lower]!, ch, nextIsUpper);
      continue;
    }
    if (ch in OTHER) {
      out += OTHER[ch];
      continue;
    }
    out += ch.charCodeAt(0) < 128 ? ch : '';
  }
  return out;
}
