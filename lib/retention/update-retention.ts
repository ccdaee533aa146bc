import "server-only";
import { prisma } from "@/lib/db/client";
import type { RetentionInput } from "./schemas";

/** Takes effect at the workers' next pruning round (lib/retention/create-retention-loop.ts). */
export async function updateRetention(workspaceId: string, input: RetentionInput): Promise<void> {
  await prisma.workspace.update({ where: { id: workspaceId }, data: { retentionDays: input.days }, select: { id: true } });
}
