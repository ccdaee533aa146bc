// Read-your-writes with a read replica (lib/db/read-from-replica.ts). A read position is a WAL
// position of the primary (PostgreSQL's pg_lsn text, `16/B374D848`): a read that names one is
// served by the replica only once the replica has replayed that far, else by the primary. The
// browser names one two ways:
// - the READ_POSITION_COOKIE, set on the answer to each of its changes (POST, PUT, PATCH, DELETE)
//   to the primary's position after the change committed: its own writes, in every tab and on
//   server-rendered pages;
// - the READ_POSITION_HEADER, which fetchJson sends with the newest position the tab's live
//   stream carried (each frame's SSE `id`): a refetch after a live update sees that update.
// Neither is a credential: a forged position only moves that browser's own reads between two
// copies of the same data, so it is not signed; it is checked for form and compared with the
// primary's own position (read-from-replica.ts). Shared by the server and the browser: no imports.
export const READ_POSITION_HEADER = "x-portal-read-after";
export const READ_POSITION_COOKIE = "portal-read-after";
/** Long past any lag the replica is allowed (a position the replica has replayed is inert). */
export const READ_POSITION_COOKIE_MAX_AGE_SECONDS = 24 * 60 * 60;

const POSITION = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** A pg_lsn text as a number (its two halves are the high and low 32 bits), or null if it is not one. */
export function parsePosition(text: string | null | undefined): bigint | null {
  const match = text ? POSITION.exec(text.trim()) : null;
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << BigInt(32)) | BigInt(`0x${match[2]}`);
}

export function formatPosition(position: bigint): string {
  const high = position >> BigInt(32);
  const low = position & BigInt(0xffffffff);
  return `${high.toString(16).toUpperCase()}/${low.toString(16).toUpperCase()}`;
}

/** The later of two positions (either may be missing). */
export function laterPosition(a: bigint | null, b: bigint | null): bigint | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

/** Server: the position a request (or a page's request headers) must read at or after, or null. */
export function readPositionOf(headers: Headers): bigint | null {
  return laterPosition(
    parsePosition(headers.get(READ_POSITION_HEADER)),
    parsePosition(cookieValue(headers.get("cookie"), READ_POSITION_COOKIE)),
  );
}

/** Server: the Set-Cookie value remembering the browser's last write (`secure` when served over https). */
export function serializeReadPositionCookie(position: string, secure: boolean): string {
  const attributes = [
    `${READ_POSITION_COOKIE}=${position}`,
    "Path=/",
    `Max-Age=${READ_POSITION_COOKIE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

// Browser: the newest position this tab's live stream carried. Module state, not query data: it
// says how fresh the next read must be, not what any read returned.
let heard: bigint | null = null;

/** Browser: remember a live frame's position (its SSE id); an empty or malformed id is ignored. */
export function notePosition(text: string | null | undefined): void {
  heard = laterPosition(heard, parsePosition(text));
}

/** Browser: the READ_POSITION_HEADER's value for the next request, or null. */
export function heardPosition(): string | null {
  return heard === null ? null : formatPosition(heard);
}
