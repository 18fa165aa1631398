/** Reads an access token's claims, to know what the signed-in credential reaches (not to trust it). */
export interface AccessTokenClaims {
  readonly exp?: number;
  readonly accounts?: string[];
  readonly roles?: string[];
}

export function readClaims(token: string): AccessTokenClaims {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as AccessTokenClaims;
}
