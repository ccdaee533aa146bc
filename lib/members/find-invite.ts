import "server-only";
import { hashToken, isExpired } from "@/lib/auth/one-time-token";
import { oneTimeTokenSchema } from "@/lib/auth/schemas";
import { type Db, prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { InviteDetails } from "./types";

export type InviteLookup =
  | { status: "valid"; invite: InviteDetails }
  /** Unknown, used, revoked or replaced by a re-send: the same to anyone who asks. */
  | { status: "invalid" }
  | { status: "expired"; invite: InviteDetails };

const lookupSelect = {
  id: true,
  workspaceId: true,
  email: true,
  role: true,
  expiresAt: true,
  invitedBy: { select: { email: true } },
  workspace: { select: { name: true, deletedAt: true } },
} satisfies Prisma.InviteSelect;

export type InviteRecord = Prisma.InviteGetPayload<{ select: typeof lookupSelect }>;

/** The invite an invite link's token opens, by its hash; its workspace must still exist. */
export async function findInviteRecord(db: Pick<Db, "invite">, token: string): Promise<InviteRecord | null> {
  if (!oneTimeTokenSchema.safeParse(token).success) return null;
  const invite = await db.invite.findUnique({ where: { tokenHash: hashToken(token) }, select: lookupSelect });
  return invite && !invite.workspace.deletedAt ? invite : null;
}

/** What the invite page shows for a link. */
export async function findInvite(token: string, now = new Date()): Promise<InviteLookup> {
  const record = await findInviteRecord(prisma, token);
  if (!record) return { status: "invalid" };
  const invite: InviteDetails = {
    workspaceName: record.workspace.name,
    email: record.email,
    role: record.role,
    invitedBy: record.invitedBy?.email ?? null,
    expiresAt: record.expiresAt.toISOString(),
  };
  return isExpired(record.expiresAt, now) ? { status: "expired", invite } : { status: "valid", invite };
}
