/** Reads a client_credentials token request (RFC 6749 §4.4.2) from its form body and Authorization header. */
import { presentedClientCredentials } from '../client-credentials';
import { type FormBody, formParameter, requiredFormParameter } from '../form-parameters';
import { unsupportedGrantType } from '../grant-refusals';
import { parseScope } from '../scope-parameter';
import type { TokenRequest } from '../token-issuer';

export interface TokenRequestOrigin {
  readonly sourceIp: string;
  readonly requestId: string;
  readonly correlationId: string;
}

export function tokenRequestFrom(
  body: FormBody,
  authorization: string | undefined,
  origin: TokenRequestOrigin,
): TokenRequest {
  const grantType = requiredFormParameter(body, 'grant_type');
  if (grantType !== 'client_credentials') throw unsupportedGrantType(grantType);
  const client = presentedClientCredentials(authorization, body);
  return { client, scope: parseScope(formParameter(body, 'scope')), ...origin };
}
