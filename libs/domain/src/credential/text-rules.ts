/**
 * Text that reads as something else: control characters, bidirectional
 * overrides and zero-width characters in a credential's name or description
 * would spoof the text around it wherever it is shown — the console, a
 * terminal, a log line (`invoice‮fdp.exe` reads as `invoiceexe.pdf`).
 */

/** Named, so that a refusal says which character it found. */
const SPOOFING_CHARACTERS: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const isControl = (codePoint: number): boolean =>
  codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);

export interface TextRule {
  /** Line breaks (LF, CRLF) and tabs are allowed: a description may run over several lines. */
  readonly multiline: boolean;
}

const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the text would spoof what surrounds it (naming the first such character), or null when it would not. */
export function spoofingTextProblem(text: string, field: string, rule: TextRule): string | null {
  const characters = [...text];
  for (const [index, character] of characters.entries()) {
    const codePoint = character.codePointAt(0) as number;
    const allowedBreak =
      rule.multiline &&
      (character === '\n' || character === '\t' || (character === '\r' && characters[index + 1] === '\n'));
    if (allowedBreak) continue;
    const name = isControl(codePoint) ? 'a control character' : SPOOFING_CHARACTERS[codePoint];
    if (name === undefined) continue;
    const allowed = rule.multiline ? ' (line breaks and tabs are fine)' : '';
    return (
      `${field} must not contain control characters, bidirectional overrides or zero-width characters${allowed}; ` +
      `found ${hex(codePoint)} ${name} at character ${index + 1}`
    );
  }
  return null;
}
