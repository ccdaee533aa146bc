import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/api-keys — owners, admins and developers: the workspace's portal API keys (never the keys themselves).
export const GET = withSessionRoute(
  async ({ membership }) => Response.json({ apiKeys: await listApiKeys(membership.workspaceId) }),
  {
    scope: "apiKeys.read",
  },
);

// POST /api/api-keys — owners, admins and developers: a new key, recorded as theirs, returned in full this once.
export const POST = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(
      await createApiKey(membership.workspaceId, await parseJsonBody(request, createApiKeySchema), membership),
      { status: 201 },
    ),
  { scope: "apiKeys.write" },
);
