/**
 * What the caller sent, fit to be quoted back in a message or written to a
 * log. A client that puts its secret in the wrong field (the grant type, the
 * scope, a client id, a list of accounts) must not get it back in an error
 * that ends up in its own logs, nor see it in ours: a value that carries the
 * secret prefix is never echoed, anything else is cut short and stripped of
 * characters that could spoof the text around it.
 */

/** Every client secret starts with it, so that secret scanners can find leaked ones. */
export const CLIENT_SECRET_PREFIX = 'kr_sec_';

/** What a message says instead of a value that looks like a client secret. */
export const SECRET_WITHHELD = '[withheld: looks like a client secret]';

/** The longest excerpt of a caller's value a message repeats. */
export const ECHO_MAX_LENGTH = 32;

/** Control, format (bidirectional overrides, zero-width characters), separator and unassigned characters. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/gu;

function decodedForms(text: string): string[] {
  try {
    return [text, decodeURIComponent(text)];
  } catch {
    return [text];
  }
}

/** Whether the text carries a client secret's prefix anywhere, in any case, percent-encoded or not. */
export const carriesSecret = (text: string): boolean =>
  decodedForms(text).some((form) => form.toLowerCase().includes(CLIENT_SECRET_PREFIX));

/** A short, printable excerpt of what the caller sent; never a value that carries the secret prefix. */
export function excerpt(text: string, max = ECHO_MAX_LENGTH): string {
  if (carriesSecret(text)) return SECRET_WITHHELD;
  const printable = text.replace(UNPRINTABLE, '?');
  const characters = [...printable];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : printable;
}

/** The excerpt in double quotes, as messages quote values. */
export const quoted = (text: string, max = ECHO_MAX_LENGTH): string => {
  const shown = excerpt(text, max);
  return shown === SECRET_WITHHELD ? shown : JSON.stringify(shown);
};

/** A secret's prefix and whatever follows it up to a delimiter, plain or percent-encoded. */
const SECRET_RUN = /kr(?:_|%5f)sec(?:_|%5f)[^\s/?#&"'<>]*/gi;

/** Text (a URL path, a framework's message) with every run that looks like a client secret withheld. */
export const withoutSecrets = (text: string): string => text.replace(SECRET_RUN, '[withheld]');
