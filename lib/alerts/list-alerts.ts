import "server-only";
import { prisma } from "@/lib/db/client";
import type { AlertView } from "./types";

/** The workspace's alert history, newest first. */
export async function listAlerts(workspaceId: string, limit = 50): Promise<AlertView[]> {
  const rows = await prisma.alert.findMany({
    where: { workspaceId },
    orderBy: [{ firedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      title: true,
      detail: true,
      path: true,
      status: true,
      firedAt: true,
      sentAt: true,
      digest: true,
      lastError: true,
    },
  });
  return rows.map((row) => ({ ...row, firedAt: row.firedAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null }));
}
