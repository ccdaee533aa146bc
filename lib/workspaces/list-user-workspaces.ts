import "server-only";
import { prisma } from "@/lib/db/client";
import type { WorkspaceSummary } from "./types";

/** Every workspace the user is a member of, by name, with their role in each (the sidebar's switcher). */
export async function listUserWorkspaces(userId: string): Promise<WorkspaceSummary[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId, workspace: { deletedAt: null } },
    select: { role: true, workspace: { select: { id: true, name: true } } },
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
    take: 200,
  });
  return memberships.map(({ role, workspace }) => ({ id: workspace.id, name: workspace.name, role }));
}
