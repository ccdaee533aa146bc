import { readWritePosition } from "@/lib/db/read-write-position";
import { env } from "@/lib/env";
import { serializeReadPositionCookie } from "@/lib/http/read-position";

/**
 * After a change by a signed-in browser (any POST, PUT, PATCH or DELETE of a session or user
 * route), the primary's WAL position goes into the browser's read-position cookie, so that its
 * next reads come from the replica only once the replica has replayed the change
 * (lib/http/read-position.ts). A refused or failed change changed nothing (4xx, 5xx); without a
 * replica there is nothing to remember. Neither costs a query.
 */
export async function rememberWritePosition(response: Response): Promise<Response> {
  if (response.status >= 400) return response;
  const position = await readWritePosition();
  if (!position) return response;
  try {
    response.headers.append(
      "set-cookie",
      serializeReadPositionCookie(position, env.NEXTAUTH_URL?.startsWith("https:") ?? false),
    );
  } catch {
    // A response with immutable headers (a redirect made by Response.redirect) keeps its own.
  }
  return response;
}
