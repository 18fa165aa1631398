import { jsonShapeRefusal, MAX_JSON_DEPTH } from './json-shape';

const nestedObjects = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const nestedArrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('the shape of a JSON body', () => {
  describe('nesting deeper than 32 levels is refused', () => {
    it('accepts 32 levels of objects or arrays', () => {
      expect(jsonShapeRefusal(nestedObjects(MAX_JSON_DEPTH))).toBeUndefined();
      expect(jsonShapeRefusal(nestedArrays(MAX_JSON_DEPTH))).toBeUndefined();
    });

    it('refuses 33 levels as a malformed body', () => {
      for (const body of [nestedObjects(MAX_JSON_DEPTH + 1), nestedArrays(MAX_JSON_DEPTH + 1)]) {
        expect(jsonShapeRefusal(body)).toMatchObject({
          code: 'MALFORMED_BODY',
          message: 'The JSON body nests deeper than 32 levels',
        });
      }
    });

    it('walks 30,000 levels without overflowing its own stack', () => {
      expect(jsonShapeRefusal(nestedArrays(30_000))?.code).toBe('MALFORMED_BODY');
    });
  });

  describe('a key that reaches a prototype is refused, naming its field', () => {
    it.each([
      ['{"constructor":{"a":1}}', 'constructor'],
      ['{"__proto__":{"name":"x"}}', '__proto__'],
      ['{"prototype":1}', 'prototype'],
      ['{"name":{"constructor":1}}', 'name.constructor'],
      ['{"credentials":[{"constructor":{"name":1}}]}', 'credentials[0].constructor'],
      ['{"accounts":[{"__proto__":1}]}', 'accounts[0].__proto__'],
    ])('%s names %s', (text, field) => {
      const refusal = jsonShapeRefusal(JSON.parse(text));
      expect(refusal?.code).toBe('VALIDATION_FAILED');
      expect(refusal?.details.violations).toEqual([
        { field, message: expect.stringContaining('is not allowed') },
      ]);
    });

    it('names every such field at once', () => {
      const refusal = jsonShapeRefusal(JSON.parse('{"constructor":1,"name":{"__proto__":2}}'));
      expect(refusal?.details.violations?.map(({ field }) => field).sort()).toEqual([
        'constructor',
        'name.__proto__',
      ]);
    });

    it('lets the same words through as values and array items', () => {
      expect(
        jsonShapeRefusal(JSON.parse('{"name":"constructor","roles":["__proto__","prototype"]}')),
      ).toBeUndefined();
    });
  });

  it('leaves ordinary bodies alone', () => {
    expect(
      jsonShapeRefusal({ name: 'billing', accounts: ['9900001'], nested: { toString: 1 } }),
    ).toBeUndefined();
    expect(jsonShapeRefusal([])).toBeUndefined();
  });
});
