/** The `scope` parameter (RFC 6749 §3.3): space-delimited scope tokens of printable ASCII. */
import { carriesSecret, SCOPE_TOKEN_PATTERN } from '@keyring/domain';
import { invalidScope } from './grant-refusals';

const MAX_SCOPES = 100;

/** The requested scopes, or null when the request named none (which grants every allowed one). */
export function parseScope(scope: string | undefined): string[] | null {
  if (scope === undefined) return null;
  const tokens = scope.split(' ').filter((token) => token !== '');
  if (tokens.length === 0) return null;
  if (tokens.length > MAX_SCOPES) throw invalidScope(`At most ${MAX_SCOPES} scopes may be requested at once`);
  const malformed = tokens.find((token) => !SCOPE_TOKEN_PATTERN.test(token));
  if (malformed !== undefined) {
    throw invalidScope('A scope is 1-128 printable ASCII characters, without spaces, quotes or backslashes');
  }
  // Refused before it could be recorded with a refused request: a secret in the wrong field stays unwritten.
  if (tokens.some(carriesSecret)) {
    throw invalidScope(
      'A scope looks like a client secret; send the secret as client_secret, never as scope',
    );
  }
  return tokens;
}
