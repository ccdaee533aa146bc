import { type ErrorCode, errorEnvelopeSchema, type FieldIssue } from "@/lib/contract/errors";
import { heardPosition, READ_POSITION_HEADER } from "./read-position";
import { currentWorkspaceId, WORKSPACE_HEADER } from "./workspace-selector";

// The browser's fetcher for the portal's own route handlers, naming the tab's workspace. Failures
// become a RequestError that carries the error envelope's code, message and field details, so
// hooks and forms show the server's words, each under the input it is about.
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK_ERROR",
    message: string,
    readonly details: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = "RequestError";
  }
}

export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("accept", "application/json");
  if (init.body !== undefined) headers.set("content-type", "application/json");
  // The tab's workspace, from its URL: another tab may have another one open (workspace-selector.ts).
  const workspaceId = currentWorkspaceId();
  if (workspaceId && !headers.has(WORKSPACE_HEADER)) headers.set(WORKSPACE_HEADER, workspaceId);
  // The newest change the tab's live stream told of: a replica that has not replayed it yet must not answer (read-position.ts).
  const position = heardPosition();
  if (position) headers.set(READ_POSITION_HEADER, position);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, credentials: "same-origin" });
  } catch {
    throw new RequestError(0, "NETWORK_ERROR", "Could not reach the portal. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    if (envelope.success) {
      const { code, message, details } = envelope.data.error;
      throw new RequestError(response.status, code, message, details);
    }
    throw new RequestError(response.status, "INTERNAL_ERROR", `Request failed (HTTP ${response.status})`);
  }
  return body as T;
}
