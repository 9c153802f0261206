/**
 * A resident's ДОДОМУ ("home"): the car for their will-call return trip of today. Read like the
 * other replies: any case, punctuation around, typed in Latin letters (DODOMU) on a phone without
 * a Ukrainian keyboard. Pure.
 */
const HOME = new Set(['ДОДОМУ', 'DODOMU', 'ДОДОМ', 'ДОМУ']);

/** Is this cleaned, upper-cased first word ДОДОМУ? */
export function isHomeWord(word: string): boolean {
  return HOME.has(word);
}
