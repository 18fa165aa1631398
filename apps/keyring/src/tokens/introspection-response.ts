/** RFC 7662's answer, shared by REST introspection and gRPC Introspect: anything but an active token is `{active: false}`. */
import type { ActiveAccessToken } from './access-token-verifier';

export type IntrospectionResponse =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly client_id: string;
      readonly sub: string;
      readonly scope: string;
      readonly exp: number;
      readonly iat: number;
      readonly jti: string;
      readonly iss: string;
      readonly aud: string;
      readonly token_type: 'Bearer';
      readonly accounts: readonly string[];
      readonly roles: readonly string[];
    };

export function introspectionOf(active: ActiveAccessToken | null): IntrospectionResponse {
  if (!active) return { active: false };
  const { claims } = active;
  return {
    active: true,
    client_id: claims.client_id,
    sub: claims.sub,
    scope: claims.scope,
    exp: claims.exp,
    iat: claims.iat,
    jti: claims.jti,
    iss: claims.iss,
    aud: claims.aud,
    token_type: 'Bearer',
    accounts: claims.accounts,
    roles: claims.roles,
  };
}
