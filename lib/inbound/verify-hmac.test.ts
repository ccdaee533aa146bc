import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HMAC_PRESETS } from "./presets";
import { type HmacProfile, hmacProfileSchema } from "./schemas";
import { findMatchingHmacKey, type HmacKey, verifyHmac } from "./verify-hmac";
import { WebhookRefusal } from "./webhook-refusal";

const NOW = 1_765_000_000;
const BODY =
  '{"event":"job.created","timestamp":"2025-12-07T12:00:00Z","data":{"jobId":"job_1","status":"created","apiProduct":"transcribe"}}';
const SECRET = "vendor-secret-abc123";
const OTHER = "another-secret-xyz789";
const keys = (...secrets: string[]): HmacKey[] =>
  secrets.map((secret, index) => ({ secret: index === 0 ? "current" : "previous", key: Buffer.from(secret) }));

const github = HMAC_PRESETS.find((preset) => preset.id === "github")!.profile;
const stripe = HMAC_PRESETS.find((preset) => preset.id === "stripe")!.profile;
const base64WithTimestamp = hmacProfileSchema.parse({
  kind: "hmac",
  signatureHeader: "X-Signature",
  encoding: "base64",
  signedContent: "timestamp_body",
  timestampHeader: "X-Signature-Timestamp",
});

// Signatures made here with node:crypto directly, as a vendor would, not with the code under test.
const hmac = (algorithm: string, secret: string, content: string, encoding: "hex" | "base64") =>
  createHmac(algorithm, secret).update(content).digest(encoding);

function refusal(
  profile: HmacProfile,
  headers: Record<string, string>,
  body = BODY,
  secrets = keys(SECRET),
): WebhookRefusal {
  try {
    verifyHmac(profile, secrets, new Headers(headers), body, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookRefusal);
    return error as WebhookRefusal;
  }
  throw new Error("expected a refusal");
}

const accepts = (profile: HmacProfile, headers: Record<string, string>, body = BODY, secrets = keys(SECRET)) =>
  expect(() => verifyHmac(profile, secrets, new Headers(headers), body, NOW)).not.toThrow();

describe("GitHub-like: sha256=<hex> over the raw body", () => {
  it("verifies GitHub's documented example", () => {
    // docs.github.com "Validating webhook deliveries": secret, payload and signature as published.
    accepts(
      github,
      { "x-hub-signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" },
      "Hello, World!",
      keys("It's a Secret to Everybody"),
    );
  });

  it("accepts a valid signature, upper-case hex too", () => {
    const signature = hmac("sha256", SECRET, BODY, "hex");
    accepts(github, { "X-Hub-Signature-256": `sha256=${signature}` });
    accepts(github, { "X-Hub-Signature-256": `sha256=${signature.toUpperCase()}` });
  });

  it("refuses a tampered body, showing what was signed and the masked signatures", () => {
    const signature = hmac("sha256", SECRET, BODY, "hex");
    const error = refusal(github, { "x-hub-signature-256": `sha256=${signature}` }, BODY.replace("created", "failed"));
    expect(error.reason).toBe("signature_mismatch");
    expect(error.status).toBe(401);
    expect(error.signature).toMatchObject({
      scheme: "HMAC-SHA256, hex",
      signedContent: "{body}",
      signingString: BODY.replace("created", "failed"),
      received: [`sha256=${signature.slice(0, 4)}…${signature.slice(-4)}`],
    });
    const expected = hmac("sha256", SECRET, BODY.replace("created", "failed"), "hex");
    expect(error.signature?.expected).toEqual([
      { secret: "current", signature: `sha256=${expected.slice(0, 4)}…${expected.slice(-4)}` },
    ]);
    expect(JSON.stringify(error.signature)).not.toContain(expected);
  });

  it("refuses another secret's signature", () => {
    expect(refusal(github, { "x-hub-signature-256": `sha256=${hmac("sha256", OTHER, BODY, "hex")}` }).reason).toBe(
      "signature_mismatch",
    );
  });

  it("refuses a missing header, a missing prefix and the wrong encoding", () => {
    expect(refusal(github, {}).reason).toBe("missing_header");
    expect(refusal(github, {}).message).toBe("Missing X-Hub-Signature-256 header");
    expect(refusal(github, { "x-hub-signature-256": hmac("sha256", SECRET, BODY, "hex") }).reason).toBe(
      "malformed_header",
    );
    const base64 = refusal(github, { "x-hub-signature-256": `sha256=${hmac("sha256", SECRET, BODY, "base64")}` });
    expect(base64.reason).toBe("malformed_header");
    expect(base64.message).toMatch(/not a hex SHA256 signature/);
    // SHA-1's length where SHA-256 is expected
    expect(refusal(github, { "x-hub-signature-256": `sha256=${hmac("sha1", SECRET, BODY, "hex")}` }).reason).toBe(
      "malformed_header",
    );
  });

  it("accepts any of several signatures, so a vendor can sign with old and new secret during its rotation", () => {
    const header = `sha256=${hmac("sha256", OTHER, BODY, "hex")}, sha256=${hmac("sha256", SECRET, BODY, "hex")}`;
    accepts(github, { "x-hub-signature-256": header });
  });
});

describe("rotation overlap", () => {
  it("accepts the previous secret while it is among the keys, and not once it has gone", () => {
    const signature = `sha256=${hmac("sha256", OTHER, BODY, "hex")}`;
    accepts(github, { "x-hub-signature-256": signature }, BODY, keys(SECRET, OTHER));
    expect(
      findMatchingHmacKey(github, keys(SECRET, OTHER), new Headers({ "x-hub-signature-256": signature }), BODY, NOW),
    ).toBe("previous");
    expect(refusal(github, { "x-hub-signature-256": signature }, BODY, keys(SECRET)).reason).toBe("signature_mismatch");
  });

  it("lists what each secret would have signed", () => {
    const error = refusal(github, { "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, BODY, keys(SECRET, OTHER));
    expect(error.signature?.expected.map((entry) => entry.secret)).toEqual(["current", "previous"]);
  });
});

describe("Stripe-like: t=<unix>,v1=<hex> over {t}.{body}", () => {
  const header = (t: number, secret = SECRET) =>
    `t=${t},v1=${hmac("sha256", secret, `${t}.${BODY}`, "hex")},v0=ignored`;

  it("verifies within the tolerance either way", () => {
    for (const offset of [-300, 0, 300]) accepts(stripe, { "stripe-signature": header(NOW + offset) });
  });

  it("refuses a stale or future timestamp", () => {
    for (const offset of [-301, 301, -86_400]) {
      const error = refusal(stripe, { "stripe-signature": header(NOW + offset) });
      expect(error.reason).toBe("timestamp_outside_tolerance");
    }
  });

  it("refuses a signature moved to another timestamp (the timestamp is signed)", () => {
    const moved = header(NOW - 10).replace(`t=${NOW - 10}`, `t=${NOW}`);
    const error = refusal(stripe, { "stripe-signature": moved });
    expect(error.reason).toBe("signature_mismatch");
    expect(error.signature?.signingString).toBe(`${NOW}.${BODY}`);
    expect(error.signature?.signedContent).toBe("{timestamp}.{body}");
  });

  it("refuses a header without t= or without v1=", () => {
    expect(refusal(stripe, { "stripe-signature": `v1=${hmac("sha256", SECRET, BODY, "hex")}` }).reason).toBe(
      "missing_header",
    );
    expect(refusal(stripe, { "stripe-signature": `t=${NOW}` }).reason).toBe("malformed_header");
    expect(refusal(stripe, { "stripe-signature": `t=soon,v1=${hmac("sha256", SECRET, BODY, "hex")}` }).reason).toBe(
      "malformed_header",
    );
  });
});

describe("base64 over {timestamp}.{body} with a timestamp header", () => {
  const headers = (t: number, secret = SECRET) => ({
    "x-signature": hmac("sha256", secret, `${t}.${BODY}`, "base64"),
    "x-signature-timestamp": String(t),
  });

  it("verifies", () => accepts(base64WithTimestamp, headers(NOW)));

  it("refuses a missing or stale timestamp header, and hex where base64 is configured", () => {
    const { "x-signature": signature } = headers(NOW);
    expect(refusal(base64WithTimestamp, { "x-signature": signature }).reason).toBe("missing_header");
    expect(refusal(base64WithTimestamp, { "x-signature": signature }).message).toBe(
      "Missing timestamp (X-Signature-Timestamp)",
    );
    expect(refusal(base64WithTimestamp, headers(NOW - 3600)).reason).toBe("timestamp_outside_tolerance");
    const hex = { ...headers(NOW), "x-signature": hmac("sha256", SECRET, `${NOW}.${BODY}`, "hex") };
    expect(refusal(base64WithTimestamp, hex).reason).toBe("malformed_header");
  });

  it("checks the signature ignoring the time only when asked", () => {
    expect(() =>
      verifyHmac(base64WithTimestamp, keys(SECRET), new Headers(headers(NOW - 3600)), BODY, NOW, Infinity),
    ).not.toThrow();
  });
});

describe("algorithms and key encodings", () => {
  it.each(["sha512", "sha1"] as const)("verifies %s", (algorithm) => {
    const profile = hmacProfileSchema.parse({ kind: "hmac", signatureHeader: "x-sig", algorithm, encoding: "base64" });
    accepts(profile, { "x-sig": hmac(algorithm, SECRET, BODY, "base64") });
    expect(refusal(profile, { "x-sig": hmac("sha256", SECRET, BODY, "base64") }).reason).toBe("malformed_header");
  });

  it("uses a base64 secret's decoded bytes as the key when told to", () => {
    const profile = hmacProfileSchema.parse({ kind: "hmac", signatureHeader: "x-sig", secretEncoding: "base64" });
    const keyBytes = Buffer.alloc(24, 5);
    const signature = createHmac("sha256", keyBytes).update(BODY).digest("hex");
    accepts(profile, { "x-sig": signature }, BODY, [{ secret: "current", key: keyBytes }]);
  });
});
