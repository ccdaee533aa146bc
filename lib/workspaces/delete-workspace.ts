import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError, invalidField } from "@/lib/http/api-error";
import { forgetInboundVerifier } from "@/lib/ingest/get-inbound-verifier";
import { logger } from "@/lib/log/logger";
import { assertActorMay, lockMembers } from "@/lib/members/lock-member";
import { purgeWorkspace } from "./purge-deleted-workspaces";

/**
 * Deletes the workspace and everything in it, for its owner, who types its name to confirm. In
 * one transaction it disappears for everyone: it is marked deleted, its memberships, invites and
 * API keys go (no page, route or key reaches it from the next request on) and its endpoints stop.
 * The rest — jobs, events, deliveries, the audit log — is then purged in batches, so a large
 * workspace never holds locks the rest of the portal waits on; if the purge is cut short, any
 * portal process's housekeeping finishes it.
 */
export async function deleteWorkspace(
  workspaceId: string,
  confirmName: string,
  actor: AuditActor,
  now = new Date(),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    assertActorMay(await lockMembers(tx, workspaceId, [actor.userId]), actor.userId, "workspace.delete");
    const rows = await tx.$queryRaw<
      Array<{ name: string }>
    >`SELECT "name" FROM "Workspace" WHERE "id" = ${workspaceId} AND "deletedAt" IS NULL FOR UPDATE`;
    const workspace = rows[0];
    if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    if (confirmName.trim() !== workspace.name)
      throw invalidField("confirmName", `Type the workspace's name, ${workspace.name}, to confirm`);
    await tx.workspace.update({ where: { id: workspaceId }, data: { deletedAt: now }, select: { id: true } });
    await tx.membership.deleteMany({ where: { workspaceId } });
    await tx.invite.deleteMany({ where: { workspaceId } });
    await tx.apiKey.deleteMany({ where: { workspaceId } });
    await tx.webhookEndpoint.updateMany({
      where: { workspaceId },
      data: { enabled: false, disabledAt: now, disabledReason: "The workspace was deleted" },
    });
  });
  // The audit log goes with the workspace, so the server log is where the deletion is recorded.
  logger.info({ workspaceId, userId: actor.userId }, "workspace deleted");
  forgetInboundVerifier(workspaceId);
  await purgeWorkspace(workspaceId).catch((error: unknown) =>
    logger.warn({ error, workspaceId }, "workspace purge cut short; housekeeping will finish it"),
  );
}
