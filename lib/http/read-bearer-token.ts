const BEARER = /^Bearer +(\S+) *$/i;

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or null. */
export function readBearerToken(header: string | null): string | null {
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}
