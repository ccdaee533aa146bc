import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { ApiError } from "@/lib/http/api-error";
import { findStandardSigner, isSignedByAny, readWebhookHeaders, standardKeyOf } from "./verify-signature";

const NOW = 1_765_000_000;
const SIG = `v1,${Buffer.alloc(32, 7).toString("base64")}`;

function headers(overrides: Record<string, string | null> = {}): Headers {
  const values: Record<string, string | null> = {
    "webhook-id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
    "webhook-timestamp": String(NOW),
    "webhook-signature": SIG,
    ...overrides,
  };
  const result = new Headers();
  for (const [name, value] of Object.entries(values)) if (value !== null) result.set(name, value);
  return result;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    return (error as ApiError).message;
  }
  throw new Error("expected a 401");
}

describe("readWebhookHeaders", () => {
  // (Leading and trailing whitespace never gets here: HTTP and the Headers class strip it.)
  it("accepts well-formed headers", () => {
    expect(readWebhookHeaders(headers(), NOW)).toEqual({
      id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
      timestamp: String(NOW),
      signature: SIG,
    });
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("refuses a request without %s", (name) => {
    expect(refusal(() => readWebhookHeaders(headers({ [name]: null }), NOW))).toMatch(/Missing/);
  });

  it.each(["", "has space", "x".repeat(257), "tab\there"])("refuses the webhook-id %j", (id) => {
    expect(refusal(() => readWebhookHeaders(headers({ "webhook-id": id }), NOW))).toMatch(/webhook-id/);
  });

  it.each(["", "12abc", `${NOW}.5`, `-${NOW}`, `+${NOW}`, "1e9", "0x10", "9".repeat(13), "2025-12-07T12:00:00Z"])(
    "refuses the malformed timestamp %j",
    (timestamp) => {
      expect(refusal(() => readWebhookHeaders(headers({ "webhook-timestamp": timestamp }), NOW))).toMatch(
        /Malformed webhook-timestamp/,
      );
    },
  );

  it("accepts timestamps up to 5 minutes either way, and refuses beyond", () => {
    for (const offset of [-300, -299, 0, 299, 300]) {
      expect(readWebhookHeaders(headers({ "webhook-timestamp": String(NOW + offset) }), NOW).timestamp).toBe(
        String(NOW + offset),
      );
    }
    for (const offset of [-301, 301, -86_400]) {
      expect(refusal(() => readWebhookHeaders(headers({ "webhook-timestamp": String(NOW + offset) }), NOW))).toMatch(
        /tolerance/,
      );
    }
  });

  it("accepts several space-separated signatures, other versions among them", () => {
    const several = `${SIG} v1,${Buffer.alloc(32, 9).toString("base64")} v1a,c2lnbmF0dXJl`;
    expect(readWebhookHeaders(headers({ "webhook-signature": several }), NOW).signature).toBe(several);
  });

  it.each([
    ["empty", ""],
    ["no version", Buffer.alloc(32).toString("base64")],
    ["not base64", "v1,not*base64"],
    ["a short HMAC", `v1,${Buffer.alloc(16).toString("base64")}`],
    ["two spaces", `${SIG}  ${SIG}`],
    ["a comma list", `${SIG}, ${SIG}`],
    ["no v1 entry", "v1a,c2lnbmF0dXJl"],
    ["too many entries", Array.from({ length: 17 }, () => SIG).join(" ")],
  ])("refuses a signature header with %s", (_name, signature) => {
    expect(refusal(() => readWebhookHeaders(headers({ "webhook-signature": signature }), NOW))).toMatch(
      /Malformed webhook-signature/,
    );
  });
});

describe("isSignedByAny", () => {
  const current = generateWebhookSecret();
  const previous = generateWebhookSecret();
  const body = '{"event":"job.created"}';
  const nowSeconds = Math.floor(Date.now() / 1000);
  const sign = (secret: string, id = "msg_1", timestamp = nowSeconds, payload = body) =>
    new Webhook(secret).sign(id, new Date(timestamp * 1000), payload);
  const read = (signature: string, id = "msg_1") => ({ id, timestamp: String(nowSeconds), signature });

  it("verifies a signature made with the current secret", () => {
    expect(isSignedByAny([new Webhook(current)], body, read(sign(current)))).toBe(true);
  });

  it("verifies any one of several signatures, and the previous secret during a rotation", () => {
    const both = `${sign(generateWebhookSecret())} ${sign(previous)}`;
    expect(isSignedByAny([new Webhook(current), new Webhook(previous)], body, read(both))).toBe(true);
    expect(isSignedByAny([new Webhook(current)], body, read(both))).toBe(false);
  });

  it("refuses a tampered body, another secret, another id", () => {
    const verifiers = [new Webhook(current)];
    expect(isSignedByAny(verifiers, body.replace("created", "failed"), read(sign(current)))).toBe(false);
    expect(isSignedByAny(verifiers, `${body} `, read(sign(current)))).toBe(false);
    expect(isSignedByAny(verifiers, body, read(sign(previous)))).toBe(false);
    expect(isSignedByAny(verifiers, body, read(sign(current), "msg_2"))).toBe(false);
  });
});

describe("findStandardSigner", () => {
  const current = generateWebhookSecret();
  const previous = generateWebhookSecret();
  const body = '{"event":"job.created"}';
  // Far from now on purpose: the time was judged by readWebhookHeaders; this checks the HMAC alone.
  const timestamp = 1_700_000_000;
  const sign = (secret: string, payload = body) =>
    new Webhook(secret).sign("msg_1", new Date(timestamp * 1000), payload);
  const read = (signature: string) => ({ id: "msg_1", timestamp: String(timestamp), signature });
  const keys = [standardKeyOf(current)!, standardKeyOf(previous)!];

  it("names the key that signed, as the standardwebhooks package signs", () => {
    expect(findStandardSigner(keys, body, read(sign(current)))).toBe(0);
    expect(findStandardSigner(keys, body, read(`${sign(generateWebhookSecret())} ${sign(previous)}`))).toBe(1);
  });

  it("finds none for a tampered body, another secret or another version", () => {
    expect(findStandardSigner(keys, `${body} `, read(sign(current)))).toBe(-1);
    expect(findStandardSigner(keys, body, read(sign(generateWebhookSecret())))).toBe(-1);
    expect(findStandardSigner(keys, body, read(sign(current).replace("v1,", "v2,")))).toBe(-1);
  });

  it("reads keys with or without the whsec_ prefix, and refuses what is not base64", () => {
    expect(standardKeyOf(current)).toEqual(standardKeyOf(current.slice("whsec_".length)));
    expect(standardKeyOf("whsec_not base64")).toBeNull();
  });
});
