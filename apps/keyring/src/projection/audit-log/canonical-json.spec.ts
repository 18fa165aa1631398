import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it.each([
    ['nested objects with keys out of order', { b: 1, a: { d: [3, { z: null, y: 'x' }], c: true } }],
    ['strings needing escapes', { text: 'quote " backslash \\ newline \n tab \t control \u0001 é 😀' }],
    ['keys that sort by UTF-16 code units', { é: 1, z: 2, A: 3, '😀': 4, '\u00e9x': 5, a: 6 }],
    ['numbers', { int: 42, negative: -7, fraction: 0.5, large: 1e21, small: 1e-7 }],
    [
      'an audit-like entry',
      { position: 7, accounts: ['a', 'b'], details: { scope: ['x'], jti: 'j' }, onBehalfOf: null },
    ],
  ])('writes %s exactly as the reference implementation does', (_case, value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
  });
});
