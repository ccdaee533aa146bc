import { parseJsonBody } from "@/lib/http/parse-json-body";
import { acceptInvite } from "@/lib/members/accept-invite";
import { acceptInviteInputSchema } from "@/lib/members/schemas";
import { withUserRoute } from "@/lib/route/with-user-route";

// POST /api/invites/accept {token} — the signed-in user the invite is for: joins its workspace.
export const POST = withUserRoute(async ({ request, user }) => {
  const { token } = await parseJsonBody(request, acceptInviteInputSchema);
  return Response.json(await acceptInvite(token, user));
});
