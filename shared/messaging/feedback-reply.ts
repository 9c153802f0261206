/**
 * A resident's rating after a trip or visit (contract 5): one digit 1–5, spaces and a full stop
 * or an exclamation mark around it allowed ("5", " 4.", "5!"). Anything else is not a rating. Pure.
 */
export function parseRating(text: string): number | undefined {
  const match = /^\s*([1-5])\s*[.!]?\s*$/.exec(text.normalize('NFC'));
  return match ? Number(match[1]) : undefined;
}
