import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { KEEP_PER_WORKSPACE } from "./refusal-log";
import type { RefusalView, SignatureDiagnostics } from "./types";

const refusalSelect = {
  id: true,
  reason: true,
  message: true,
  httpStatus: true,
  count: true,
  firstSeenAt: true,
  lastSeenAt: true,
  headerNames: true,
  bodyExcerpt: true,
  details: true,
} satisfies Prisma.InboundRefusalSelect;

type RefusalRow = Prisma.InboundRefusalGetPayload<{ select: typeof refusalSelect }>;

/** A stored refusal for the browser; the signature details only for those who may see secrets' traces. */
export function serializeRefusal(row: RefusalRow, withSignature: boolean): RefusalView {
  return {
    id: row.id,
    reason: row.reason,
    message: row.message,
    httpStatus: row.httpStatus,
    count: row.count,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    headerNames: row.headerNames,
    bodyExcerpt: row.bodyExcerpt,
    signature: withSignature && row.details ? (row.details as unknown as SignatureDiagnostics) : null,
  };
}

/** The workspace's latest refused requests, newest first. */
export async function listRefusals(
  workspaceId: string,
  options: { withSignature: boolean },
): Promise<{ data: RefusalView[] }> {
  const rows = await prisma.inboundRefusal.findMany({
    where: { workspaceId },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: KEEP_PER_WORKSPACE,
    select: refusalSelect,
  });
  return { data: rows.map((row) => serializeRefusal(row, options.withSignature)) };
}
