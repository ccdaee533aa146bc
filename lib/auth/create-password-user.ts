import "server-only";
import type { Db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export interface PasswordUserInput {
  name: string;
  email: string;
  passwordHash: string;
  workspaceName: string;
  /** When the email was proven (the confirmation link); null when nothing could prove it. */
  emailVerified: Date | null;
}

export interface CreatedAccount {
  userId: string;
  workspaceId: string;
}

/**
 * The user, their workspace and the owner membership. Run inside a transaction: the unique index
 * on email decides between simultaneous sign-ups, and a refused one leaves no orphan workspace.
 */
export async function createPasswordUser(
  tx: Pick<Db, "user" | "workspace">,
  input: PasswordUserInput,
): Promise<CreatedAccount> {
  const user = await tx.user.create({
    data: {
      name: input.name,
      email: input.email,
      passwordHash: input.passwordHash,
      emailVerified: input.emailVerified,
    },
    select: { id: true },
  });
  const workspace = await createWorkspace(tx, {
    name: input.workspaceName,
    owner: { userId: user.id, email: input.email },
  });
  return { userId: user.id, workspaceId: workspace.id };
}
