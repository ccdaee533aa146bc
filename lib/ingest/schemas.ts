import type { z } from "zod";
import { describeZodError } from "@/lib/contract/errors";
import { exceedsJsonDepth, MAX_PAYLOAD_DEPTH } from "@/lib/contract/json-depth";
import { containsUnstorableText } from "@/lib/contract/unstorable-text";
import {
  type FutureEventPayload,
  futureEventSchema,
  isKnownEvent,
  type WebhookPayload,
  webhookPayloadSchema,
} from "@/lib/contract/webhook-payload";
import { ApiError } from "@/lib/http/api-error";

// The contract (lib/contract) says what a payload may be; these checks add what the database can
// store, so that a payload the columns cannot hold is a 400 the sender sees, never a 500 it retries forever.
const INT4_MAX = 2_147_483_647;
const MAX_COST = 99_999_999.9999; // Job.cost is DECIMAL(12, 4)

export const ingestEventSchema = webhookPayloadSchema.superRefine((payload, ctx) => {
  const { cost, wordCount, outputs = [] } = payload.data;
  if (cost !== undefined && cost > MAX_COST) {
    ctx.addIssue({ code: "custom", path: ["data", "cost"], message: `must be at most ${MAX_COST}` });
  }
  if (wordCount !== undefined && wordCount > INT4_MAX) {
    ctx.addIssue({ code: "custom", path: ["data", "wordCount"], message: `must be at most ${INT4_MAX}` });
  }
  const seen = new Set<number>();
  outputs.forEach((output, position) => {
    const index = output.outputIndex ?? position;
    if (index > INT4_MAX) {
      ctx.addIssue({
        code: "custom",
        path: ["data", "outputs", position, "outputIndex"],
        message: `must be at most ${INT4_MAX}`,
      });
    } else if (seen.has(index)) {
      ctx.addIssue({ code: "custom", path: ["data", "outputs", position, "outputIndex"], message: "must be unique" });
    }
    seen.add(index);
  });
});

export type IngestPayload =
  | { kind: "known"; payload: WebhookPayload }
  /** An event type added upstream after this portal was written: stored, never applied. */
  | { kind: "future"; payload: FutureEventPayload };

function invalid(error: z.ZodError): ApiError {
  return new ApiError("INVALID_REQUEST", describeZodError(error));
}

/** The payload checked against the contract, or a 400 naming the first offending field. */
export function parseIngestPayload(json: unknown, text: string): IngestPayload {
  // First, before any walk over the value: nesting beyond the limit is refused, not recursed into.
  if (exceedsJsonDepth(json, MAX_PAYLOAD_DEPTH)) {
    throw new ApiError(
      "INVALID_REQUEST",
      `The payload must not nest arrays and objects more than ${MAX_PAYLOAD_DEPTH} levels deep`,
    );
  }
  // The body is valid UTF-8, so such characters can only come from \u escapes: walk the value only then.
  if (/\\u(0000|d[89a-f])/i.test(text) && containsUnstorableText(json)) {
    throw new ApiError("INVALID_REQUEST", "Strings in the payload must not contain \\u0000 or unpaired surrogates");
  }
  const event = (json as { event?: unknown } | null)?.event;
  if (typeof json === "object" && json !== null && typeof event === "string" && !isKnownEvent(event)) {
    const future = futureEventSchema.safeParse(json);
    if (!future.success) throw invalid(future.error);
    return { kind: "future", payload: future.data };
  }
  const known = ingestEventSchema.safeParse(json);
  if (!known.success) throw invalid(known.error);
  return { kind: "known", payload: known.data };
}
