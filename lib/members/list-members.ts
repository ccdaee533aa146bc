import "server-only";
import { prisma } from "@/lib/db/client";
import { inviteSelect, serializeInvite } from "./serialize-invite";
import type { InviteView, MemberView } from "./types";

/** The workspace's members: the owner first, then by role and name. */
export async function listMembers(workspaceId: string): Promise<MemberView[]> {
  const rows = await prisma.membership.findMany({
    where: { workspaceId },
    select: {
      role: true,
      createdAt: true,
      lastActiveAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    take: 1_000,
  });
  return rows.map((row) => ({
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt.toISOString(),
    lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
  }));
}

/** The workspace's pending invites, newest first (expired ones too: they can be re-sent). */
export async function listInvites(workspaceId: string): Promise<InviteView[]> {
  const rows = await prisma.invite.findMany({
    where: { workspaceId },
    select: inviteSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1_000,
  });
  return rows.map(serializeInvite);
}
