import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { getConnection } from "@/lib/workspaces/get-connection";
import { connectionInputSchema } from "@/lib/workspaces/schemas";
import { updateConnection } from "@/lib/workspaces/update-connection";

// GET /api/settings/connection — any member: upstream base URL, whether a key is set, inbound URL.
export const GET = withSessionRoute(async ({ request, membership }) =>
  Response.json(await getConnection(membership.workspaceId, getPublicOrigin(request))),
);

// PUT /api/settings/connection — owners and admins: base URL and, optionally, a new API key.
export const PUT = withSessionRoute(async ({ request, membership }) => {
  assertCanManageWorkspace(membership);
  await updateConnection(membership.workspaceId, await parseJsonBody(request, connectionInputSchema));
  return new Response(null, { status: 204 });
});
