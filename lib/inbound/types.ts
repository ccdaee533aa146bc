import type { VerificationProfile } from "./schemas";

// Response types of the inbound settings routes, importable by client components (no server code).

export const REFUSAL_REASONS = [
  "missing_header",
  "malformed_header",
  "timestamp_outside_tolerance",
  "signature_mismatch",
  "missing_token",
  "unexpected_token",
  "unknown_token",
  "body_not_utf8",
  "body_not_json",
  "contract_field",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A signature made by one of the workspace's secrets, shown by its first and last 4 characters only. */
export interface MaskedSignature {
  secret: "current" | "previous";
  signature: string;
}

/** What a signature mismatch shows: what was signed, and how the signatures differ. */
export interface SignatureDiagnostics {
  /** e.g. "HMAC-SHA256, hex" */
  scheme: string;
  /** The template of the signed string, e.g. "{webhook-id}.{webhook-timestamp}.{body}". */
  signedContent: string;
  /** The string the HMAC was computed over (in the refused list: presigned-URL signatures and secrets redacted, cut after 2 KiB). */
  signingString: string;
  /** Its exact length in UTF-8 bytes, as received. */
  signingStringBytes: number;
  expected: MaskedSignature[];
  /** The signatures the request carried, masked the same way. */
  received: string[];
}

export interface InboundWebhookView {
  profile: VerificationProfile;
  /** Where the upstream sends its webhooks. Under url_token, with `{token}` standing for the secret token. */
  webhookUrl: string;
  /** While set, requests made with the secret (or token) before the last change are still accepted. */
  previousSecretExpiresAt: string | null;
}

export interface RefusalView {
  id: string;
  reason: RefusalReason;
  message: string;
  httpStatus: number;
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
  headerNames: string[];
  bodyExcerpt: string;
  /** Signature mismatches only, and only for owners and admins. */
  signature: SignatureDiagnostics | null;
}

export interface TestRequestResult {
  accepted: boolean;
  /** The refusal the upstream would get, when not accepted. */
  refusal: { reason: RefusalReason; httpStatus: number; message: string } | null;
  signature: SignatureDiagnostics | null;
  /** Set when the only problem is the timestamp: whether the signature itself matches. */
  signatureMatchesIgnoringTime: boolean | null;
  /** Which secret verified it. */
  matchedSecret: "current" | "previous" | null;
  /** How the event would be deduplicated. */
  dedupe: { source: "header" | "payload"; key: string } | null;
  /** The event, when the payload fits the contract. */
  event: { event: string; jobId: string; status: string } | null;
}
