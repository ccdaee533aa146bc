import { ApiError } from "@/lib/http/api-error";

// Every id the portal's routes take from a path — its own cuid row ids and the upstream's job ids
// (lib/contract's jobIdSchema) — is letters, digits, '_' and '-', at most 128 characters. Anything
// else names nothing that can exist, so it is "not found" before any query sees it (a NUL byte
// reaching PostgreSQL is a 500; a 10 kB "id" is a wasted index probe).
export const ROUTE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

// The same words the routes use for a well-formed id that names nothing.
const NOT_FOUND: Record<string, string> = {
  jobId: "Job not found",
  deliveryId: "Delivery not found",
  endpointId: "Webhook endpoint not found",
  keyId: "API key not found",
  eventId: "Event not found",
  workspaceId: "Workspace not found",
  n: "Output not found",
  attemptId: "Attempt not found",
};

export function isRouteId(value: unknown): value is string {
  return typeof value === "string" && ROUTE_ID_PATTERN.test(value);
}

/** The route's params, each checked to be an id; a malformed one is a 404 in the error envelope. */
export function parseRouteParams<Params>(params: Params): Params {
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    if (!isRouteId(value)) throw new ApiError("RESOURCE_NOT_FOUND", NOT_FOUND[name] ?? "Not found");
  }
  return params;
}
