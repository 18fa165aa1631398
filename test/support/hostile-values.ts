/**
 * fast-check arbitraries for hostile input, shared by the REST, OAuth and
 * gRPC fuzz tests: odd strings, route ids, JSON texts with prototype keys,
 * duplicate keys and deep nesting, query strings and form bodies.
 */
import fc from 'fast-check';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encoded as a browser would, lone surrogates (which cannot be encoded) as U+FFFD. */
export const encoded = (value: string): string => encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd'));

/** Keys that reach an object's prototype, and names every object answers to. */
export const OBJECT_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'toJSON',
  'then',
] as const;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '\r\nX-Injected: 1',
  '%0D%0AX-Injected%3A%201',
  '1e309',
  '-1',
  '-0',
  '0x10',
  'NaN',
  'Infinity',
  '9007199254740993',
  'null',
  'true',
  '[]',
  '{}',
  '../../../etc/passwd',
  '%',
  '%E0%A4%A',
  '%00',
  '\u202e\u2066evil',
  'a\u200bb',
  '\ud800',
  'ünïcödé ✓ 🔑',
  '*',
  '10.0.0.0/33',
  '::ffff:127.0.0.1',
  '2026-13-45T99:00:00Z',
  '2026-01-31T00:00:00Z',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  'billing:read',
  'keyring:admin',
  'invoices:read',
  '9900001',
  'production',
  'credential.created',
  '7c4f2a10-0000-4000-8000-000000000000',
  'not-a-uuid',
  '"quoted" \\ back',
  ...OBJECT_KEYS,
];

/** A string a careless parser might mishandle; `known` adds values of the running service (ids, tokens). */
export function oddString(known: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS, ...known) },
    { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom(300, 5000, 70_000).map((length) => 'x'.repeat(length)) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

/** A string safe to put in an HTTP header value (what Node's client lets through). */
export const headerValue = (known: readonly string[] = []): fc.Arbitrary<string> =>
  oddString(known).map((value) => value.replace(/[^\u0020-\u007e\u0080-\u00ff\t]/g, '?').slice(0, 8000));

/** A route segment: ids the service knows, random UUIDs, and odd strings, encoded or (when legal) raw. */
export function pathSegment(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: oddString().map((value) => encoded(value)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'constructor',
        '__proto__',
        '1e309',
        '%0D%0AX-Injected%3A%201',
        '%',
        '%E0%A4%A',
        '%2e%2e',
        '..',
        '.',
        '%00',
        'A'.repeat(4000),
        '7C4F2A10-0000-4000-8000-000000000000',
      ),
    },
  );
}

/** A JSON scalar, written as JSON text. */
const jsonScalar = (strings: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    strings.map((value) => JSON.stringify(value)),
    fc.constantFrom('null', 'true', 'false', '0', '-0', '1e309', '-1e309', '1.5', '4294967296', '1e-400'),
    fc.integer().map(String),
  );

/**
 * JSON text of any shape: objects may repeat keys and use every prototype
 * key, which an object literal (and so JSON.stringify) cannot express.
 */
export function jsonText(keys: readonly string[], strings: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...OBJECT_KEYS, ...keys), fc.string({ maxLength: 8 }));
  const { value } = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      jsonScalar(strings),
      fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      fc
        .array(fc.tuple(key, tie('value')), { maxLength: 4 })
        .map((entries) => `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${item}`).join(',')}}`),
    ),
  }));
  return value;
}

/** JSON nested `depth` levels deep, around the limit (32) and far past it (stack overflows). */
export const deepJson = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(31, 32, 33, 34, 64, 1000, 10_000, 21_000),
        fc.integer({ min: 1, max: 20_000 }),
      ),
      fc.constantFrom('object', 'array', 'mixed'),
      fc.constantFrom('', 'name', 'accounts', 'credentials', '__proto__', 'constructor'),
    )
    .map(([wanted, kind, field]) => {
      const inArray = (level: number) => kind === 'array' || (kind === 'mixed' && level % 2 === 1);
      // Within the 64 KiB body limit, so the depth rule (not the size rule) is what answers.
      const depth = Math.min(wanted, kind === 'array' ? 29_000 : 9_000);
      const opening: string[] = [];
      const closing: string[] = [];
      for (let level = 0; level < depth; level += 1) {
        opening.push(inArray(level) ? '[' : '{"a":');
        closing.push(inArray(depth - 1 - level) ? ']' : '}');
      }
      const text = `${opening.join('')}1${closing.join('')}`;
      return field ? `{${JSON.stringify(field)}:${text}}` : text;
    });

/** Bytes that are not JSON, or only nearly. */
export const notQuiteJson = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '}',
      '{"name":',
      '{"name":"x"',
      "{'name':'x'}",
      '\ufeff{}',
      'null',
      '1',
      '"x"',
      '[]',
      'NaN',
      '{"a":1}{"b":2}',
      '{"__proto__":',
    ),
    fc.string({ unit: 'binary', maxLength: 64 }),
  );

/** A query string of odd pairs: repeated names, bracket names, prototype keys, raw or encoded values. */
export function queryString(names: readonly string[], values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const name = fc.oneof(
    fc.constantFrom(...names, ...OBJECT_KEYS, 'account[constructor]', 'limit[]', 'a[__proto__][x]'),
    fc.string({ maxLength: 8 }),
  );
  const pair = fc
    .tuple(name, values, fc.boolean())
    .map(([key, value, raw]) =>
      raw
        ? `${key.replace(/[^\u0021-\u007e]/g, '_').replace(/[#&=]/g, '_')}=${value.replace(/[^\u0021-\u007e]/g, '_').replace(/[#&]/g, '_')}`
        : `${encoded(key)}=${encoded(value)}`,
    );
  return fc.array(pair, { maxLength: 5 }).map((pairs) => (pairs.length > 0 ? `?${pairs.join('&')}` : ''));
}

/** An `application/x-www-form-urlencoded` body of odd pairs, sometimes not well formed at all. */
export function formBody(names: readonly string[], values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    fc.constantFrom(...OBJECT_KEYS),
    fc.string({ maxLength: 8 }),
  );
  const pair = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(name, values).map(([key, value]) => `${encoded(key)}=${encoded(value)}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%E0%A4%A=1',
        '=',
        'a=b=c',
        '&&',
        'grant_type',
        'grant_type=',
        '+=+',
        '%00=%00',
      ),
    },
  );
  return fc.array(pair, { maxLength: 6 }).map((pairs) => pairs.join('&'));
}

/** Replays a failing run: FUZZ_SEED (and FUZZ_PATH) from fast-check's report; FUZZ_RUNS scales a run. */
export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number(process.env.FUZZ_RUNS ?? defaultRuns),
    ...(seed === undefined ? {} : { seed, path: process.env.FUZZ_PATH }),
    // Shrinking replays requests against a service whose state moved on; a few steps are enough.
    endOnFailure: process.env.FUZZ_SHRINK === undefined,
  };
}
