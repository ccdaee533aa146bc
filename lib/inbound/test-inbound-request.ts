import { ApiError } from "@/lib/http/api-error";
import { loadInboundVerifier } from "@/lib/ingest/get-inbound-verifier";
import { parseIngestPayload } from "@/lib/ingest/schemas";
import { keysAt } from "./build-verifier";
import { deriveDedupeKey } from "./derive-dedupe-key";
import { parseRawRequest } from "./parse-raw-request";
import type { TestRequestInput } from "./schemas";
import type { TestRequestResult } from "./types";
import { findMatchingHmacKey } from "./verify-hmac";
import { type VerifiedRequest, verifyInboundRequest } from "./verify-inbound-request";
import { WebhookRefusal } from "./webhook-refusal";

// The Settings tester: a request pasted by an owner or admin, judged exactly as the webhook route
// would judge it (same profile, same secrets, same order of checks), and nothing stored or applied.
const SHOWN_SIGNING_STRING_CHARS = 8_192;

function refused(error: WebhookRefusal, extra: Partial<TestRequestResult> = {}): TestRequestResult {
  return {
    accepted: false,
    refusal: { reason: error.reason, httpStatus: error.status, message: error.message },
    signature: error.signature
      ? { ...error.signature, signingString: error.signature.signingString.slice(0, SHOWN_SIGNING_STRING_CHARS) }
      : null,
    signatureMatchesIgnoringTime: null,
    matchedSecret: null,
    dedupe: null,
    event: null,
    ...extra,
  };
}

export async function testInboundRequest(
  workspaceId: string,
  input: TestRequestInput,
  now = Date.now(),
): Promise<TestRequestResult> {
  const verifier = await loadInboundVerifier(workspaceId, now);
  if (!verifier) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  const { headers, urlToken } = parseRawRequest(input.headers);
  const parts = { headers, body: input.body, urlToken };

  let verified: VerifiedRequest;
  try {
    verified = verifyInboundRequest(verifier, parts, { nowMs: now });
  } catch (error) {
    if (!(error instanceof WebhookRefusal)) throw error;
    if (error.reason !== "timestamp_outside_tolerance") return refused(error);
    // A request copied from a log is usually older than the tolerance: say whether the rest holds.
    try {
      verifyInboundRequest(verifier, parts, { nowMs: now, ignoreTolerance: true });
      return refused(error, { signatureMatchesIgnoringTime: true });
    } catch (second) {
      if (!(second instanceof WebhookRefusal)) throw second;
      return refused(error, { signatureMatchesIgnoringTime: false, signature: second.signature });
    }
  }

  const { profile } = verifier;
  const matchedSecret =
    profile.kind === "hmac"
      ? findMatchingHmacKey(
          profile,
          keysAt(verifier, now).map(({ secret, hmacKey }) => ({ secret, key: hmacKey })),
          headers,
          input.body,
          Math.floor(now / 1000),
        )
      : verified.matchedSecret;

  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    return refused(new WebhookRefusal("body_not_json", "Request body must be valid JSON"), { matchedSecret });
  }
  const dedupe = verified.eventId
    ? { source: "header" as const, key: verified.eventId }
    : { source: "payload" as const, key: deriveDedupeKey(json) };
  try {
    const parsed = parseIngestPayload(json, input.body);
    return {
      accepted: true,
      refusal: null,
      signature: null,
      signatureMatchesIgnoringTime: null,
      matchedSecret,
      dedupe,
      event: {
        event: parsed.payload.event,
        jobId: parsed.payload.data.jobId,
        status: parsed.payload.data.status ?? "",
      },
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return refused(new WebhookRefusal("contract_field", error.message), { matchedSecret, dedupe });
  }
}
