import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { workspaceFromPath } from "@/lib/http/workspace-selector";
import { requireMembership } from "./session";

type SearchParams = Record<string, string | string[] | undefined>;

/** The workspace of the same-origin page a link was followed from, if its URL names one. */
function refererWorkspace(list: Headers): string | null {
  const referer = list.get("referer");
  const host = list.get("host");
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    return url.host === host ? workspaceFromPath(url.pathname) : null;
  } catch {
    return null;
  }
}

/**
 * For a page URL without a workspace (`/jobs/…`, `/settings/…`: bookmarks, mails, old links):
 * the same page in a workspace of the user's — the one of the page the link was followed from,
 * else the browser's last one, else their oldest. Query strings are kept.
 */
export async function redirectIntoWorkspace(path: string, searchParams: SearchParams): Promise<never> {
  const membership = await requireMembership(refererWorkspace(await headers()));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  }
  const search = query.size > 0 ? `?${query}` : "";
  redirect(`/w/${encodeURIComponent(membership.workspaceId)}${path}${search}`);
}
