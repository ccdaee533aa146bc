import type { Prisma } from "@/lib/db/generated/client";
import type { InviteView } from "./types";

// tokenHash is deliberately absent: nothing that lists invites needs it.
export const inviteSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  lastSentAt: true,
  expiresAt: true,
  invitedBy: { select: { email: true } },
} satisfies Prisma.InviteSelect;

export type InviteRow = Prisma.InviteGetPayload<{ select: typeof inviteSelect }>;

export function serializeInvite(row: InviteRow): InviteView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
