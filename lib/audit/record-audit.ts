import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { AuditAction } from "./types";

/** Who acted: the signed-in member (the session wrappers' membership fits). */
export interface AuditActor {
  userId: string;
  email: string;
}

export interface AuditEntry {
  workspaceId: string;
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id?: string | null; label?: string | null };
  details?: Prisma.InputJsonObject;
}

/**
 * Writes one entry with the transaction of the change it records: the change and its record
 * commit together or not at all, so the log can neither miss a change nor claim one that was
 * rolled back. A reveal writes its entry before the secret leaves the transaction.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLogEntry.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actor.userId,
      actorEmail: entry.actor.email,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      targetLabel: entry.target?.label ?? null,
      details: entry.details,
    },
    select: { id: true },
  });
}
