import "server-only";
import { prisma } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

interface NewUser {
  id: string;
  name?: string | null;
  email?: string | null;
}

/**
 * next-auth's createUser event: users who arrive through GitHub or an email link are created by
 * the adapter, not by POST /api/sign-up, and get a workspace of their own too, or the portal would
 * have nothing to show. Not when a pending invite brought them: they came to join that workspace
 * (the invite page they return to joins it), and under SIGN_UP=invite-only the invite is the only
 * reason the account may exist at all. Should they not accept it, they land on "Create a workspace".
 */
export async function createFirstWorkspace(user: NewUser, now = new Date()): Promise<{ id: string } | null> {
  const email = user.email?.toLowerCase();
  if (email && (await prisma.invite.count({ where: { email, expiresAt: { gt: now } } })) > 0) return null;
  const owner = user.name?.trim() || email?.split("@")[0] || "My";
  return createWorkspace(prisma, { name: `${owner}'s workspace`, owner: { userId: user.id, email: email ?? "" } });
}
