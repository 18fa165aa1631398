/**
 * Client authentication by client_secret_basic or client_secret_post
 * (RFC 6749 §2.3.1). For Basic, the id and secret are form-urlencoded before
 * base64, so a `:` or non-ASCII character inside either survives the trip.
 */
import { UUID_PATTERN } from '@keyring/domain';
import { formParameter, type FormBody } from './form-parameters';
import { invalidClient, invalidRequest } from './grant-refusals';

export interface PresentedClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly method: 'client_secret_basic' | 'client_secret_post';
}

const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i;
const MAX_PART_LENGTH = 512;

function formUrlDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalidClient();
  }
}

function fromBasic(header: string): { clientId: string; clientSecret: string } {
  const match = BASIC.exec(header);
  if (!match) throw invalidClient();
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw invalidClient();
  return {
    clientId: formUrlDecode(decoded.slice(0, colon)),
    clientSecret: formUrlDecode(decoded.slice(colon + 1)),
  };
}

export function presentedClientCredentials(
  authorization: string | undefined,
  body: FormBody,
): PresentedClientCredentials {
  const postedId = formParameter(body, 'client_id');
  const postedSecret = formParameter(body, 'client_secret');
  let presented: PresentedClientCredentials;
  if (authorization !== undefined && authorization !== '') {
    if (postedSecret !== undefined) {
      throw invalidRequest('Authenticate with one method only: client_secret_basic or client_secret_post');
    }
    presented = { ...fromBasic(authorization), method: 'client_secret_basic' };
    // RFC 6749 lets a Basic client repeat its id in the body; a different id is a contradiction.
    if (postedId !== undefined && postedId !== presented.clientId) {
      throw invalidRequest('client_id in the body does not match the Authorization header');
    }
  } else {
    if (postedId === undefined || postedSecret === undefined) throw invalidClient();
    presented = { clientId: postedId, clientSecret: postedSecret, method: 'client_secret_post' };
  }
  const { clientId, clientSecret } = presented;
  if (
    !clientId ||
    !clientSecret ||
    clientId.length > MAX_PART_LENGTH ||
    clientSecret.length > MAX_PART_LENGTH
  ) {
    throw invalidClient();
  }
  return presented;
}

/**
 * A presented client id as a log line may carry it: a well-formed one as it
 * is, anything else by its length only — a client that swapped id and secret
 * (Basic `secret:id`, the secret in client_id) must not get its secret logged.
 */
export const loggedClientId = (clientId: string): { clientId: string } | { clientIdLength: number } =>
  UUID_PATTERN.test(clientId) ? { clientId: clientId.toLowerCase() } : { clientIdLength: clientId.length };
