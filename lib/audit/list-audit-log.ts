import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { decodeCursor, pageOf, pastCursor } from "@/lib/jobs/cursor";
import type { AuditLogQuery } from "./schemas";
import type { AuditAction, AuditActorList, AuditLogPage } from "./types";

const entrySelect = {
  id: true,
  action: true,
  actorId: true,
  actorEmail: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  details: true,
  createdAt: true,
} satisfies Prisma.AuditLogEntrySelect;

/**
 * A page of the workspace's audit log, newest first, by keyset cursor over (createdAt, id): each
 * filter has its index (workspace, actor or action, createdAt, id), so a deep page costs what the
 * first does.
 */
export async function listAuditLog(workspaceId: string, query: AuditLogQuery): Promise<AuditLogPage> {
  const where: Prisma.AuditLogEntryWhereInput = {
    workspaceId,
    ...(query.actor && { actorId: query.actor }),
    ...(query.action && { action: query.action }),
  };
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw new ApiError("INVALID_REQUEST", "Invalid cursor: start again from the first page");
  const rows = await prisma.auditLogEntry.findMany({
    where: cursor ? { AND: [where, pastCursor<Prisma.AuditLogEntryWhereInput>("createdAt", cursor)] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: entrySelect,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (row) => row);
  return {
    data: page.map((row) => ({
      id: row.id,
      action: row.action as AuditAction,
      actor: { id: row.actorId, email: row.actorEmail },
      target: row.targetType ? { type: row.targetType, id: row.targetId, label: row.targetLabel } : null,
      details:
        row.details && typeof row.details === "object" && !Array.isArray(row.details)
          ? (row.details as Record<string, unknown>)
          : null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor,
  };
}

/** Everyone who appears in the workspace's log (members past and present), for the actor filter. */
export async function listAuditActors(workspaceId: string): Promise<AuditActorList> {
  const rows = await prisma.auditLogEntry.groupBy({
    by: ["actorId", "actorEmail"],
    where: { workspaceId, actorId: { not: null } },
    orderBy: { actorEmail: "asc" },
    take: 500,
  });
  const actors = new Map<string, string>();
  for (const row of rows) if (row.actorId && !actors.has(row.actorId)) actors.set(row.actorId, row.actorEmail);
  return { actors: [...actors].map(([id, email]) => ({ id, email })) };
}
