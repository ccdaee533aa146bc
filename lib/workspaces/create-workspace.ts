import "server-only";
import type { Db } from "@/lib/db/client";
import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";

export interface CreateWorkspaceInput {
  name: string;
  ownerUserId: string;
}

/**
 * A new workspace with its own sealed inbound signing secret and its creator as owner. Takes the
 * client or a transaction, so sign-up creates the user and the workspace atomically.
 */
export async function createWorkspace(db: Pick<Db, "workspace">, input: CreateWorkspaceInput): Promise<{ id: string; name: string }> {
  return db.workspace.create({
    data: {
      name: input.name,
      inboundSecretEnc: seal(generateWebhookSecret()),
      memberships: { create: { userId: input.ownerUserId, role: "owner" } },
    },
    select: { id: true, name: true },
  });
}
