/** The token of an `Authorization: Bearer …` header (RFC 6750 §2.1), or null. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function bearerToken(authorization: string | undefined): string | null {
  return (authorization && BEARER.exec(authorization)?.[1]) || null;
}
