import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/http/with-session-route";

// GET /api/api-keys — any member of the workspace: its portal API keys (never the keys themselves).
export const GET = withSessionRoute(async ({ membership }) =>
  Response.json({ apiKeys: await listApiKeys(membership.workspaceId) }),
);

// POST /api/api-keys — workspace owners and admins: a new key, returned in full this once.
export const POST = withSessionRoute(async ({ request, membership }) => {
  assertCanManageWorkspace(membership);
  const input = await parseJsonBody(request, createApiKeySchema);
  return Response.json(await createApiKey(membership.workspaceId, input), { status: 201 });
});
