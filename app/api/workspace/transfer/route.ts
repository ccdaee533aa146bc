import { parseJsonBody } from "@/lib/http/parse-json-body";
import { transferInputSchema } from "@/lib/members/schemas";
import { transferOwnership } from "@/lib/members/transfer-ownership";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/workspace/transfer {userId} — the owner: that member becomes the owner, the owner an admin.
export const POST = withSessionRoute(
  async ({ request, membership }) => {
    const { userId } = await parseJsonBody(request, transferInputSchema);
    await transferOwnership(membership.workspaceId, userId, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "workspace.transfer" },
);
