import type { UpdateCredential } from './commands';
import { excerpt, quoted, SECRET_WITHHELD, withoutSecrets } from './echo';
import { createCredential, existingCredential } from '../testing/credential-fixtures';
import { given } from '../testing/decider-specification';

const update = (changes: UpdateCredential['changes']): UpdateCredential => ({
  type: 'UpdateCredential',
  changes,
});

const violationsOf = (refusal: { details: { violations?: readonly { field: string; message: string }[] } }) =>
  refusal.details.violations ?? [];

describe('names and descriptions refuse characters that spoof the text around them', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['a left-to-right isolate', 'billing\u2066', 'U+2066 LEFT-TO-RIGHT ISOLATE'],
    ['a zero-width space', 'bill\u200Bing', 'U+200B ZERO WIDTH SPACE'],
    ['a zero-width joiner', 'bill\u200Ding', 'U+200D ZERO WIDTH JOINER'],
    ['a byte-order mark', 'bill\uFEFFing', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['an escape (terminal colours)', 'billing\u001B[31m', 'U+001B a control character'],
    ['a line break', 'billing\nadmin', 'U+000A a control character'],
    ['a C1 control', 'billing\u009B', 'U+009B a control character'],
  ])('a name with %s is refused, naming the field and the character', (_what, name, found) => {
    const refusal = given([]).when(createCredential({ name })).thenThrows('VALIDATION_FAILED');
    expect(violationsOf(refusal)).toEqual([{ field: 'name', message: expect.stringContaining(found) }]);
  });

  it('a description with a bidirectional override or a zero-width character is refused', () => {
    for (const description of ['pay \u202Eyrev', 'pay\u200Cday', 'bell\u0007']) {
      const refusal = given([]).when(createCredential({ description })).thenThrows('VALIDATION_FAILED');
      expect(violationsOf(refusal)).toEqual([
        {
          field: 'description',
          message: expect.stringMatching(/^description must not contain control characters/),
        },
      ]);
    }
  });

  it('a description may run over several lines, with tabs', () => {
    given([])
      .when(createCredential({ description: 'Line one\nLine two\r\n\tindented' }))
      .then(expect.any(Array));
  });

  it('a description may not carry a bare carriage return, which overwrites a terminal line', () => {
    given([])
      .when(createCredential({ description: 'safe\rEVIL' }))
      .thenThrows('VALIDATION_FAILED');
  });

  it('an update is refused by the same rule', () => {
    const refusal = given(existingCredential())
      .when(update({ name: 'ops\u202E' }))
      .thenThrows('VALIDATION_FAILED');
    expect(violationsOf(refusal).map((violation) => violation.field)).toEqual(['name']);
  });

  it('letters of every script and emoji are fine', () => {
    given([])
      .when(createCredential({ name: 'Facturación 請求 فاتورة 🔑', description: 'ünïcödé' }))
      .then(expect.any(Array));
  });
});

describe('a message echoes what the caller sent only as a short, printable excerpt, never a secret', () => {
  const secret = `kr_sec_${'A'.repeat(43)}`;

  it('withholds any value carrying the secret prefix, in any case or percent-encoded', () => {
    for (const value of [secret, `x${secret}`, secret.toUpperCase(), 'kr%5Fsec%5Fabc']) {
      expect(excerpt(value)).toBe(SECRET_WITHHELD);
      expect(quoted(value)).toBe(SECRET_WITHHELD);
    }
  });

  it('withholds secret-looking runs inside longer text, such as a path', () => {
    expect(withoutSecrets(`/v1/credentials/${secret}/secrets`)).toBe('/v1/credentials/[withheld]/secrets');
    expect(withoutSecrets('Cannot POST /oauth2/kr%5Fsec%5Fabc?x=1')).toBe(
      'Cannot POST /oauth2/[withheld]?x=1',
    );
  });

  it('cuts long values short and replaces unprintable characters', () => {
    expect(excerpt('x'.repeat(100))).toBe(`${'x'.repeat(31)}…`);
    expect(quoted('a\u202Eb\nc')).toBe('"a?b?c"');
  });

  it('an account that is a secret is refused without being repeated', () => {
    const refusal = given([])
      .when(createCredential({ accounts: [secret] }))
      .thenThrows('VALIDATION_FAILED');
    expect(JSON.stringify(refusal)).not.toContain(secret.slice('kr_sec_'.length));
    expect(refusal.message + JSON.stringify(violationsOf(refusal))).not.toContain('AAAAAAAA');
  });
});
