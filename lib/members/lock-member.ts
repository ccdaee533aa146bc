import "server-only";
import { hasScope, type Role, type Scope } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";

export const MEMBER_NOT_FOUND = "Member not found";

export interface LockedMember {
  role: Role;
  email: string;
}

/**
 * Members' rows, locked until the transaction ends and always in user-id order (two changes that
 * lock the same two rows cannot deadlock): changes to a membership — a role change, a removal, a
 * transfer — queue instead of interleaving, so a transfer and a removal of the same person cannot
 * both pass their checks. Someone who is not a member is absent from the map.
 */
export async function lockMembers(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userIds: string[],
): Promise<Map<string, LockedMember>> {
  const rows = await tx.$queryRaw<Array<{ userId: string; role: Role; email: string }>>`
    SELECT m."userId", m."role"::text AS "role", u."email"
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."workspaceId" = ${workspaceId} AND m."userId" = ANY(${userIds})
    ORDER BY m."userId"
    FOR UPDATE OF m`;
  return new Map(rows.map((row) => [row.userId, { role: row.role, email: row.email }]));
}

/**
 * The acting member's role as it is now: the route checked the scope a moment earlier, but a
 * demotion committed in between must win. Call on the map lockMembers returned.
 */
export function assertActorMay(locked: Map<string, LockedMember>, actorId: string, scope: Scope): LockedMember {
  const actor = locked.get(actorId);
  if (!actor) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  if (!hasScope(actor.role, scope))
    throw new ApiError("FORBIDDEN", "Your role in this workspace has changed. Reload the page.");
  return actor;
}
