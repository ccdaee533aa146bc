import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { RetentionView } from "./types";

export async function getRetention(workspaceId: string): Promise<RetentionView> {
  const workspace = await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { retentionDays: true } });
  if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  return { days: workspace.retentionDays };
}
