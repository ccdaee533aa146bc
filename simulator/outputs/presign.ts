import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isoSeconds } from "../iso-time";

// Links that look and behave like S3 presigned GETs (SigV4 query parameters), signed with an HMAC
// over the path and the validity window. The key lives only in this process: links die with it,
// like links of a rotated IAM key.

const ALGORITHM = "AWS4-HMAC-SHA256";
const REGION_SCOPE = "us-east-1/s3/aws4_request";
const MAX_EXPIRES_SECONDS = 604_800;

export interface SignedLink {
  url: string;
  expiresAt: string;
}

export type LinkCheck = { ok: true } | { ok: false; code: "AccessDenied" | "SignatureDoesNotMatch"; message: string };

export interface Presigner {
  /** Signs as of `signedAtMs` (default: now), so one response's links share one expiry. */
  sign(path: string, expiresSeconds: number, signedAtMs?: number): SignedLink;
  check(path: string, query: URLSearchParams): LinkCheck;
}

function amzDate(ms: number): string {
  return isoSeconds(ms).replace(/[-:]/g, "");
}

function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  return amzDate(ms) === value ? ms : undefined;
}

export function createPresigner(options: { baseUrl: () => string; now: () => number; key?: Buffer }): Presigner {
  const key = options.key ?? randomBytes(32);
  const accessKeyId = `SIM${randomBytes(8).toString("hex").toUpperCase()}`;

  const signature = (parts: string[]) => createHmac("sha256", key).update(parts.join("\n")).digest();

  return {
    sign(path, expiresSeconds, signedAtMs = options.now()) {
      const signedAt = Math.floor(signedAtMs / 1000) * 1000;
      const date = amzDate(signedAt);
      const credential = `${accessKeyId}/${date.slice(0, 8)}/${REGION_SCOPE}`;
      const expires = String(expiresSeconds);
      const query = new URLSearchParams({
        "X-Amz-Algorithm": ALGORITHM,
        "X-Amz-Credential": credential,
        "X-Amz-Date": date,
        "X-Amz-Expires": expires,
        "X-Amz-SignedHeaders": "host",
        "X-Amz-Signature": signature([ALGORITHM, credential, date, expires, path]).toString("hex"),
      });
      return {
        url: `${options.baseUrl()}${path}?${query}`,
        expiresAt: isoSeconds(signedAt + expiresSeconds * 1000),
      };
    },

    check(path, query) {
      const algorithm = query.get("X-Amz-Algorithm");
      const credential = query.get("X-Amz-Credential");
      const date = query.get("X-Amz-Date");
      const expires = query.get("X-Amz-Expires");
      const given = query.get("X-Amz-Signature");
      if (!algorithm || !credential || !date || !expires || !given) {
        return {
          ok: false,
          code: "AccessDenied",
          message:
            "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires and X-Amz-Signature parameters",
        };
      }
      const expected = signature([algorithm, credential, date, expires, path]);
      const provided = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, "hex") : Buffer.alloc(0);
      if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
        return {
          ok: false,
          code: "SignatureDoesNotMatch",
          message: "The request signature we calculated does not match the signature you provided.",
        };
      }
      const signedAt = parseAmzDate(date);
      const seconds = /^\d{1,7}$/.test(expires) ? Number(expires) : NaN;
      if (signedAt === undefined || !(seconds >= 1 && seconds <= MAX_EXPIRES_SECONDS)) {
        return { ok: false, code: "AccessDenied", message: "X-Amz-Date or X-Amz-Expires is malformed" };
      }
      if (options.now() > signedAt + seconds * 1000) {
        return { ok: false, code: "AccessDenied", message: "Request has expired" };
      }
      return { ok: true };
    },
  };
}
