import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

export interface SignedUpUser {
  userId: string;
  workspaceId: string;
}

/** Creates the user, their workspace and the owner membership in one transaction. */
export async function signUpUser(input: SignUpInput): Promise<SignedUpUser> {
  // Hashed before the transaction: scrypt takes a while and must not hold a connection open.
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash },
        select: { id: true },
      });
      const workspace = await createWorkspace(tx, { name: input.workspaceName, ownerUserId: user.id });
      return { userId: user.id, workspaceId: workspace.id };
    });
  } catch (error) {
    // The unique index on email decides, so two simultaneous sign-ups cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("INVALID_REQUEST", "An account with this email already exists. Sign in instead.", 409);
    }
    throw error;
  }
}
