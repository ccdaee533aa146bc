import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import type { AuditAction } from "@/lib/audit/types";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertUrlAllowed } from "./assert-url-allowed";
import { getEndpoint } from "./get-endpoint";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";
import type { UpdateEndpointInput } from "./schemas";
import type { WebhookEndpointView } from "./serialize-endpoint";

/** How the audit log names a change: switching it on or off alone is its own action. */
function auditActionFor(input: UpdateEndpointInput): AuditAction {
  const fields = Object.keys(input).filter((key) => input[key as keyof UpdateEndpointInput] !== undefined);
  if (fields.length === 1 && fields[0] === "enabled") return input.enabled ? "endpoint.enabled" : "endpoint.disabled";
  return "endpoint.updated";
}

/**
 * What turning a disabled endpoint on records besides: the events stored since it was disabled got
 * no delivery to it, and may be replayed (lib/delivery/replay-skipped-events.ts). A period not yet
 * replayed is extended, not replaced (events in between that were delivered are not sent twice).
 */
async function skippedPeriod(workspaceId: string, endpointId: string, now: Date) {
  const current = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: { enabled: true, disabledAt: true, skippedFrom: true },
  });
  if (!current || current.enabled || !current.disabledAt) return {};
  return { skippedFrom: current.skippedFrom ?? current.disabledAt, skippedUntil: now };
}

/**
 * Changes the fields given. Turning an endpoint on is a re-enable (the automatic disable's reason
 * and failure run are cleared, the period it was off is kept for a replay); turning it off by hand
 * records when, without a reason. Audited with the change: which fields, and the URL it had and has.
 */
export async function updateEndpoint(
  workspaceId: string,
  endpointId: string,
  input: UpdateEndpointInput,
  actor: AuditActor,
): Promise<WebhookEndpointView> {
  if (input.url !== undefined) await assertUrlAllowed(input.url);
  const now = new Date();
  const switched =
    input.enabled === true
      ? {
          enabled: true,
          disabledReason: null,
          disabledAt: null,
          failingSince: null,
          ...(await skippedPeriod(workspaceId, endpointId, now)),
        }
      : input.enabled === false
        ? { enabled: false, disabledReason: null, disabledAt: now }
        : {};
  await prisma.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, workspaceId },
      select: { url: true },
    });
    const updated = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, workspaceId },
      data: { url: input.url, description: input.description, eventTypes: input.eventTypes, ...switched },
    });
    if (!before || updated.count === 0) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
    const fields = Object.keys(input).filter((key) => input[key as keyof UpdateEndpointInput] !== undefined);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: auditActionFor(input),
      target: { type: "endpoint", id: endpointId, label: input.url ?? before.url },
      details: { fields, ...(input.url !== undefined && input.url !== before.url && { previousUrl: before.url }) },
    });
  });
  return getEndpoint(workspaceId, endpointId);
}
