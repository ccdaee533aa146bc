import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";

export interface Membership {
  userId: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: "owner" | "admin" | "member";
}

/** The signed-in user's workspace membership, or null. Every workspace-scoped query starts here. */
export async function getMembership(): Promise<Membership | null> {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const membership = await prisma.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true } }, user: { select: { email: true } } },
  });
  if (!membership) return null;
  return {
    userId,
    email: membership.user.email,
    workspaceId: membership.workspace.id,
    workspaceName: membership.workspace.name,
    role: membership.role,
  };
}

/** For pages: the membership, or a redirect to sign-in. */
export async function requireMembership(): Promise<Membership> {
  const membership = await getMembership();
  if (!membership) redirect("/sign-in");
  return membership;
}
