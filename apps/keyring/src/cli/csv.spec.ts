import { csvCell, csvRow } from './csv';

describe('CSV cells', () => {
  it('write plain text and numbers as they are, and null as an empty cell', () => {
    expect(csvCell('token.issued')).toBe('token.issued');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quote cells holding a comma, a quote or a line break, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('write arrays and objects as JSON text in one quoted cell', () => {
    expect(csvCell(['9900001', '9900002'])).toBe('"[""9900001"",""9900002""]"');
    expect(csvCell({ type: 'cli', id: null })).toBe('"{""type"":""cli"",""id"":null}"');
    expect(csvCell([])).toBe('[]');
  });

  it.each([['=SUM(A1:A9)'], ['+1'], ['-2+3'], ['@cmd'], ['\tindented']])(
    'defuse %j so a spreadsheet does not run it as a formula',
    (text) => {
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('quote a defused formula that also needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('end each record with CRLF', () => {
    expect(csvRow([1, 'a,b', null, ['x']])).toBe('1,"a,b",,"[""x""]"\r\n');
  });
});
