import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import { deleteWorkspaceInputSchema, renameWorkspaceInputSchema } from "@/lib/workspaces/schemas";

// PATCH /api/workspace {name} — owners and admins: renames the workspace.
export const PATCH = withSessionRoute(
  async ({ request, membership }) => {
    const { name } = await parseJsonBody(request, renameWorkspaceInputSchema);
    return Response.json(await renameWorkspace(membership.workspaceId, name, membership));
  },
  { scope: "workspace.write" },
);

// DELETE /api/workspace {confirmName} — the owner, typing its name: the workspace and all its data.
export const DELETE = withSessionRoute(
  async ({ request, membership }) => {
    const { confirmName } = await parseJsonBody(request, deleteWorkspaceInputSchema);
    await deleteWorkspace(membership.workspaceId, confirmName, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "workspace.delete" },
);
