// Which workspace a request is about. The current workspace lives in the page's URL
// (`/w/{workspaceId}/jobs`), so two tabs can show two workspaces: proxy.ts hands a page's
// workspace to the server in the WORKSPACE_HEADER, and the browser names its tab's workspace on
// every call to the portal's routes — fetchJson as the header, EventSource and download links
// (which cannot set headers) as the WORKSPACE_PARAM. A request that names none gets the
// WORKSPACE_COOKIE's, the workspace last opened in this browser, else the user's oldest. None of
// these is a credential: the server only ever picks among the user's own memberships.
// Shared by the proxy, the server and the browser: no imports.
export const WORKSPACE_HEADER = "x-portal-workspace";
export const WORKSPACE_PARAM = "workspace";
export const WORKSPACE_COOKIE = "portal-workspace";

const PREFIX = /^\/w\/([A-Za-z0-9_-]{1,128})(?=\/|$)/;

/** The workspace id of a portal path (`/w/{id}/…`), or null. */
export function workspaceFromPath(pathname: string): string | null {
  return PREFIX.exec(pathname)?.[1] ?? null;
}

/** The part of a portal path after its workspace prefix (`/w/{id}/jobs` → `/jobs`). */
export function pathInWorkspace(pathname: string): string {
  return pathname.replace(PREFIX, "") || "/";
}

/** In the browser: the workspace of this tab's page, from its URL. */
export function currentWorkspaceId(): string | null {
  return typeof window === "undefined" ? null : workspaceFromPath(window.location.pathname);
}

/** A same-origin URL with this tab's workspace as a query parameter, for EventSource and download links. */
export function withWorkspaceParam(url: string): string {
  const workspaceId = currentWorkspaceId();
  if (!workspaceId) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${WORKSPACE_PARAM}=${encodeURIComponent(workspaceId)}`;
}
