import fc from 'fast-check';

/**
 * Values an attacker, a broken client or a confused dispatcher sends: traversal, encodings,
 * controls, lone surrogates, huge strings, impossible dates and the Kyiv DST edges.
 */

/** Last Sundays of March (03:00 → 04:00, 03:30 does not exist) and October (03:30 happens twice). */
export const DST_DATES = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];
export const DST_TIMES = ['03:00', '03:30', '03:59', '04:00', '02:59'];
export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2027-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-00-00',
  '9999-99-99',
  '+275760-09-13',
  '-000001-01-01',
  '2026-1-5',
  '2026-11-24T00:00:00Z',
  '2026-11-24 ',
];
export const IMPOSSIBLE_TIMES = ['24:00', '23:60', '25:00', '9:00', '09:00:00', '-01:00', '０９:００'];
const DATE_POOL = [...DST_DATES, '2026-11-24', '2026-11-23', '2024-02-29', '2026-12-31', '2027-01-01'];

export const TRAVERSAL = [
  '..',
  '../',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%252e%252e%252f',
  '..\\..\\windows',
  '/',
  '%2F',
  '.',
  '%00',
  '\u0000',
  'khm\u0000',
  'khm%00admin',
  '%ZZ',
  '%',
  '%C0%AF',
  '%E0%A4%A',
  '%ED%A0%80',
  '%FF%FE',
  'HROMADA#khm',
  'khm|other',
  '*',
  'other',
  ' khm',
  'khm ',
  'кхм',
  'k\u0301hm',
  '\u202Ekhm',
  '\uD800',
  '😀',
  'x'.repeat(65),
  'x'.repeat(2100),
];

const CONTROL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'a\uDFFFb',
  '\u202E\u2066',
  '\r\n',
  '\t',
  '\u2028',
  '\uFEFF',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
];

const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', 'я', '/', '%', '.'), maxLength: 12 }),
);

/** A huge string: past every schema's maximum, and past DynamoDB's key and item sizes. */
export const hugeString = fc
  .constantFrom(1_025, 2_049, 70_000, 420_000)
  .chain((n) => fc.constantFrom('x', 'я', '😀', '\u0000').map((c) => c.repeat(n)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRAVERSAL, ...CONTROL_STRINGS), weight: 4 },
  {
    arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES, ...IMPOSSIBLE_TIMES, ...DATE_POOL, ...DST_TIMES),
    weight: 3,
  },
  { arbitrary: anyString, weight: 3 },
  { arbitrary: hugeString, weight: 1 },
);

/** Any JSON-ish value of the wrong type (and some that JSON cannot hold exactly). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  {
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      2 ** 53 + 1,
      Number.MAX_SAFE_INTEGER,
      [],
      {},
      [null],
      { version: 1 },
    ),
    weight: 3,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
);

/** Dates: DST edges and ordinary days mostly valid, sometimes impossible. */
export const dateString = fc.oneof(
  { arbitrary: fc.constantFrom(...DATE_POOL), weight: 4 },
  { arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES), weight: 1 },
);

/** Local times: DST edges and ordinary ones. */
export const timeString = fc.oneof(
  { arbitrary: fc.constantFrom(...DST_TIMES, '09:00', '00:00', '23:59', '12:30'), weight: 4 },
  { arbitrary: fc.constantFrom(...IMPOSSIBLE_TIMES), weight: 1 },
);

/** A raw request body that is not a JSON object, or not JSON, or not UTF-8. */
export const malformedBody: fc.Arbitrary<{ body: string; isBase64Encoded: boolean }> = fc.oneof(
  fc
    .constantFrom(
      '{',
      '{"version":',
      '[',
      'null',
      '[]',
      '""',
      '0',
      'true',
      '{"version":1,"version":2}',
      '{"__proto__":{"isAdmin":true},"version":1}',
      '{"constructor":{"prototype":{"x":1}}}',
      '\u0000',
      '{"a":"\\u0000"}',
      '{"name":"\\ud800"}',
      '\uFEFF{}',
      '{"version":1e999}',
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `{"a":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_001)}`,
      'undefined',
    )
    .map((body) => ({ body, isBase64Encoded: false })),
  // invalid UTF-8: overlong, lone continuation, truncated, surrogate halves, 0xFF
  fc
    .constantFrom(
      [0xc0, 0xaf],
      [0x80],
      [0xe0, 0xa4],
      [0xed, 0xa0, 0x80],
      [0xff, 0xfe],
      [0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d],
    )
    .map((bytes) => ({ body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true })),
  fc.constantFrom('%%%not base64%%%', '====', '').map((body) => ({ body, isBase64Encoded: true })),
  fc.string({ unit: 'binary', maxLength: 60 }).map((body) => ({ body, isBase64Encoded: false })),
  hugeString.map((s) => ({ body: JSON.stringify({ name: s, version: 1 }), isBase64Encoded: false })),
);
