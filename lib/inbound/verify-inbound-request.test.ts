import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateUrlToken, generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { buildVerifier } from "./build-verifier";
import { HMAC_PRESETS } from "./presets";
import { type VerificationProfile, verificationProfileSchema } from "./schemas";
import { type InboundRequestParts, verifyInboundRequest } from "./verify-inbound-request";
import { WebhookRefusal } from "./webhook-refusal";

const NOW_MS = 1_765_000_000_000;
const BODY =
  '{"event":"job.created","timestamp":"2025-12-07T12:00:00Z","data":{"jobId":"job_1","status":"created","apiProduct":"dub"}}';
const github = HMAC_PRESETS[0].profile;

function verifier(
  profile: VerificationProfile,
  current: string,
  previous: string | null = null,
  previousExpiresAt = NOW_MS + 3600_000,
) {
  return buildVerifier(profile, { current, previous, previousExpiresAt }, NOW_MS - 1000);
}

function parts(headers: Record<string, string>, urlToken: string | null = null, body = BODY): InboundRequestParts {
  return { headers: new Headers(headers), body, urlToken };
}

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookRefusal);
    return (error as WebhookRefusal).reason;
  }
  return "accepted";
}

const standardHeaders = (secret: string, id = "msg_1", timestamp = NOW_MS / 1000) => ({
  "webhook-id": id,
  "webhook-timestamp": String(timestamp),
  "webhook-signature": `v1,${createHmac("sha256", Buffer.from(secret.slice(6), "base64"))
    .update(`${id}.${timestamp}.${BODY}`)
    .digest("base64")}`,
});

describe("Standard Webhooks", () => {
  const secret = generateWebhookSecret();
  const standard = verifier({ kind: "standard_webhooks" }, secret);

  it("verifies and takes the event id from webhook-id", () => {
    expect(verifyInboundRequest(standard, parts(standardHeaders(secret)), { nowMs: NOW_MS })).toEqual({
      eventId: "msg_1",
      matchedSecret: "current",
    });
  });

  it("refuses GitHub-style headers, a token in the URL, and a mismatch with the signed string shown", () => {
    const hex = createHmac("sha256", secret).update(BODY).digest("hex");
    expect(
      reasonOf(() =>
        verifyInboundRequest(standard, parts({ "x-hub-signature-256": `sha256=${hex}` }), { nowMs: NOW_MS }),
      ),
    ).toBe("missing_header");
    expect(
      reasonOf(() => verifyInboundRequest(standard, parts(standardHeaders(secret), "tok"), { nowMs: NOW_MS })),
    ).toBe("unexpected_token");
    try {
      verifyInboundRequest(standard, parts(standardHeaders(generateWebhookSecret())), { nowMs: NOW_MS });
    } catch (error) {
      const { signature } = error as WebhookRefusal;
      expect(signature?.signedContent).toBe("{webhook-id}.{webhook-timestamp}.{body}");
      expect(signature?.signingString).toBe(`msg_1.${NOW_MS / 1000}.${BODY}`);
      expect(signature?.expected[0].signature).toMatch(/^v1,.{4}….{4}$/);
      expect(signature?.received[0]).toMatch(/^v1,.{4}….{4}$/);
    }
  });

  it("keeps the previous secret only until it expires", () => {
    const previous = generateWebhookSecret();
    const rotated = verifier({ kind: "standard_webhooks" }, secret, previous, NOW_MS + 1000);
    expect(verifyInboundRequest(rotated, parts(standardHeaders(previous)), { nowMs: NOW_MS }).matchedSecret).toBe(
      "previous",
    );
    expect(
      reasonOf(() =>
        verifyInboundRequest(rotated, parts(standardHeaders(previous, "msg_2", NOW_MS / 1000 + 2)), {
          nowMs: NOW_MS + 2000,
        }),
      ),
    ).toBe("signature_mismatch");
  });
});

describe("HMAC", () => {
  const hexOf = (secret: string) => `sha256=${createHmac("sha256", secret).update(BODY).digest("hex")}`;

  it("has no event id unless the profile names an id header that came", () => {
    const plain = verifier(github, "vendor-secret-1");
    expect(
      verifyInboundRequest(plain, parts({ "x-hub-signature-256": hexOf("vendor-secret-1"), "x-request-id": "r1" }), {
        nowMs: NOW_MS,
      }).eventId,
    ).toBeNull();
    const withId = verifier({ ...github, idHeader: "x-request-id" }, "vendor-secret-1");
    expect(
      verifyInboundRequest(withId, parts({ "x-hub-signature-256": hexOf("vendor-secret-1"), "x-request-id": "r1" }), {
        nowMs: NOW_MS,
      }).eventId,
    ).toBe("r1");
    expect(
      verifyInboundRequest(withId, parts({ "x-hub-signature-256": hexOf("vendor-secret-1") }), { nowMs: NOW_MS })
        .eventId,
    ).toBeNull();
    expect(
      reasonOf(() =>
        verifyInboundRequest(
          withId,
          parts({ "x-hub-signature-256": hexOf("vendor-secret-1"), "x-request-id": "two words" }),
          { nowMs: NOW_MS },
        ),
      ),
    ).toBe("malformed_header");
  });

  it("never accepts a Standard Webhooks request, even one signed with the same secret", () => {
    const secret = generateWebhookSecret();
    expect(
      reasonOf(() => verifyInboundRequest(verifier(github, secret), parts(standardHeaders(secret)), { nowMs: NOW_MS })),
    ).toBe("missing_header");
  });
});

describe("URL token", () => {
  const token = generateUrlToken();
  const profile = verificationProfileSchema.parse({ kind: "url_token" });

  it("accepts the token, in constant time against both keys, and refuses anything else", () => {
    const byToken = verifier(profile, token);
    expect(verifyInboundRequest(byToken, parts({}, token), { nowMs: NOW_MS })).toEqual({
      eventId: null,
      matchedSecret: "current",
    });
    expect(reasonOf(() => verifyInboundRequest(byToken, parts({}, null), { nowMs: NOW_MS }))).toBe("missing_token");
    expect(reasonOf(() => verifyInboundRequest(byToken, parts({}, generateUrlToken()), { nowMs: NOW_MS }))).toBe(
      "unknown_token",
    );
    expect(reasonOf(() => verifyInboundRequest(byToken, parts({}, token.slice(0, -1)), { nowMs: NOW_MS }))).toBe(
      "unknown_token",
    );
    // A valid Standard Webhooks signature on the plain URL proves nothing to a token workspace.
    expect(
      reasonOf(() => verifyInboundRequest(byToken, parts(standardHeaders(generateWebhookSecret())), { nowMs: NOW_MS })),
    ).toBe("missing_token");
  });

  it("accepts the previous token during the overlap", () => {
    const previous = generateUrlToken();
    const rotated = verifier(profile, token, previous);
    expect(verifyInboundRequest(rotated, parts({}, previous), { nowMs: NOW_MS }).matchedSecret).toBe("previous");
    expect(reasonOf(() => verifyInboundRequest(rotated, parts({}, previous), { nowMs: NOW_MS + 7200_000 }))).toBe(
      "unknown_token",
    );
  });
});
