import { prisma } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withUserRoute } from "@/lib/route/with-user-route";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";
import { createWorkspaceInputSchema } from "@/lib/workspaces/schemas";

// GET /api/workspaces — the signed-in user: their workspaces with their role in each.
export const GET = withUserRoute(async ({ user }) =>
  Response.json({ workspaces: await listUserWorkspaces(user.userId) }),
);

// POST /api/workspaces {name} — the signed-in user: a new workspace they own.
export const POST = withUserRoute(async ({ request, user }) => {
  const { name } = await parseJsonBody(request, createWorkspaceInputSchema);
  const workspace = await createWorkspace(prisma, { name, owner: { userId: user.userId, email: user.email } });
  return Response.json({ workspace }, { status: 201 });
});
