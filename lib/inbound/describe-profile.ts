import { headerLabel } from "./header-label";
import type { HmacProfile, VerificationProfile } from "./schemas";
import type { RefusalReason } from "./types";

// Words for the Settings page, shared by its components (client-safe: no server code).

/** What a request must carry under an HMAC profile, as one line, e.g. `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function describeHmacExpectation(profile: HmacProfile): string {
  const mac = `${profile.encoding} HMAC-${profile.algorithm.toUpperCase()}`;
  if (profile.headerFormat === "pairs") {
    return `${headerLabel(profile.signatureHeader)}: t=<unix seconds>,v1=<${mac} of "{t}.{body}">`;
  }
  if (profile.signedContent === "timestamp_body") {
    return `${headerLabel(profile.signatureHeader)}: ${profile.prefix}<${mac} of "{timestamp}.{body}">, ${headerLabel(profile.timestampHeader ?? "")}: <unix seconds>`;
  }
  return `${headerLabel(profile.signatureHeader)}: ${profile.prefix}<${mac} of the raw body>`;
}

export const VERIFICATION_LABELS: Record<VerificationProfile["kind"], string> = {
  standard_webhooks: "Standard Webhooks",
  hmac: "HMAC signature header",
  url_token: "Secret URL token",
};

export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  missing_header: "Missing header",
  malformed_header: "Malformed header",
  timestamp_outside_tolerance: "Timestamp outside tolerance",
  signature_mismatch: "Signature mismatch",
  missing_token: "No token in the URL",
  unexpected_token: "Token in the URL",
  unknown_token: "Unknown workspace token",
  body_not_utf8: "Body not UTF-8",
  body_not_json: "Body not JSON",
  contract_field: "Contract field",
};

/** What to do about a refusal, in a sentence. */
export const REFUSAL_HINTS: Record<RefusalReason, string> = {
  missing_header:
    "The request lacks a header this workspace's method needs. Compare the header names it did carry with the method below: the Jobs API may sign another way.",
  malformed_header:
    "The header is there but not in the shape the method expects: check the prefix, the encoding (hex or base64) and the algorithm.",
  timestamp_outside_tolerance:
    "The signed timestamp is too far from this server's clock. Check both clocks, or raise the tolerance.",
  signature_mismatch:
    "The signature was not made with this workspace's secret over the string shown. Paste the secret the Jobs API shows, and check what it signs (raw body or {timestamp}.{body}).",
  missing_token:
    "This workspace verifies by secret URL, and the request came to the URL without its token. Paste the full webhook URL into the Jobs API.",
  unexpected_token:
    "The request came to a URL with a token, but this workspace verifies signatures. Use the webhook URL without a token.",
  unknown_token:
    "The URL's token is not this workspace's current (or previous) token. Copy the webhook URL again after a rotation.",
  body_not_utf8: "The body is not UTF-8 text, so it cannot be verified byte for byte.",
  body_not_json: "The request was genuine but its body is not JSON.",
  contract_field:
    "The request was genuine but the payload does not fit the Jobs API's webhook format; the message names the field.",
};
