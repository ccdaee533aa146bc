import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";
import { allowedJobsApiBaseUrls } from "@/lib/upstream/allowed-base-urls";
import { getConnection } from "@/lib/workspaces/get-connection";
import { connectionInputSchemaFor } from "@/lib/workspaces/schemas";
import { updateConnection } from "@/lib/workspaces/update-connection";

// GET /api/settings/connection — owners and admins: upstream base URL and status, whether a key is set, the allowed base URLs, inbound URL.
export const GET = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(await getConnection(membership.workspaceId, getPublicOrigin(request.headers))),
  {
    scope: "connection.read",
  },
);

// PUT /api/settings/connection — owners and admins: an allowed base URL and a new API key (required when the URL changes).
export const PUT = withSessionRoute(
  async ({ request, membership }) => {
    await updateConnection(
      membership.workspaceId,
      await parseJsonBody(request, connectionInputSchemaFor(allowedJobsApiBaseUrls())),
      membership,
    );
    return new Response(null, { status: 204 });
  },
  { scope: "connection.write" },
);
