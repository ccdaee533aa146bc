import "server-only";
import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import type { Db } from "@/lib/db/client";

export interface CreateWorkspaceInput {
  name: string;
  owner: { userId: string; email: string };
}

/**
 * A new workspace with its own sealed inbound signing secret, its creator as owner, and the first
 * entry of its audit log — one statement. Takes the client or a transaction, so sign-up creates
 * the user and the workspace atomically.
 */
export async function createWorkspace(
  db: Pick<Db, "workspace">,
  input: CreateWorkspaceInput,
): Promise<{ id: string; name: string }> {
  return db.workspace.create({
    data: {
      name: input.name,
      inboundSecretEnc: seal(generateWebhookSecret()),
      memberships: { create: { userId: input.owner.userId, role: "owner" } },
      auditLog: {
        create: {
          actorId: input.owner.userId,
          actorEmail: input.owner.email,
          action: "workspace.created",
          details: { name: input.name },
        },
      },
    },
    select: { id: true, name: true },
  });
}
