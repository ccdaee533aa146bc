import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { signedContent } from "./capture-exchange";
import { attemptSelect, deliverySelect, serializeAttempt, serializeDelivery } from "./serialize-delivery";
import type { AttemptDebugView } from "./types";

export const ATTEMPT_NOT_FOUND = "Attempt not found";

const asHeaders = (value: unknown): Record<string, string> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      )
    : null;

/** One attempt of a workspace's delivery with what was sent and answered; another workspace's is not found. */
export async function getAttemptDebug(
  workspaceId: string,
  deliveryId: string,
  attemptId: string,
): Promise<AttemptDebugView> {
  const row = await prisma.webhookAttempt.findFirst({
    where: { id: attemptId, deliveryId, delivery: { workspaceId } },
    select: {
      ...attemptSelect,
      delivery: { select: deliverySelect },
      exchange: {
        select: {
          requestUrl: true,
          requestHeaders: true,
          requestBody: true,
          requestBodyBytes: true,
          responseHeaders: true,
        },
      },
    },
  });
  if (!row) throw new ApiError("RESOURCE_NOT_FOUND", ATTEMPT_NOT_FOUND);
  const { delivery, exchange, ...attempt } = row;
  const headers = exchange && (asHeaders(exchange.requestHeaders) ?? {});
  return {
    delivery: serializeDelivery(delivery),
    attempt: serializeAttempt(attempt),
    request:
      exchange && headers
        ? {
            method: "POST",
            url: exchange.requestUrl,
            headers,
            body: exchange.requestBody,
            bodyBytes: exchange.requestBodyBytes,
            truncated: Buffer.byteLength(exchange.requestBody) < exchange.requestBodyBytes,
            signedContent: signedContent(headers, exchange.requestBody),
          }
        : null,
    responseHeaders: exchange ? asHeaders(exchange.responseHeaders) : null,
  };
}
