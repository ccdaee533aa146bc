import type { HmacProfile } from "./schemas";

// Starting points for the HMAC profile's form, for the two shapes most vendors copy. Every field
// stays editable: a vendor's header name is its own.
export interface HmacPreset {
  id: "github" | "stripe";
  label: string;
  /** What the vendor's header looks like, shown beside the choice. */
  example: string;
  profile: HmacProfile;
}

export const HMAC_PRESETS: readonly HmacPreset[] = [
  {
    id: "github",
    label: "GitHub-like",
    example: "X-Hub-Signature-256: sha256=<hex>",
    profile: {
      kind: "hmac",
      signatureHeader: "x-hub-signature-256",
      headerFormat: "plain",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "sha256=",
      signedContent: "body",
      toleranceSeconds: 300,
      secretEncoding: "text",
    },
  },
  {
    id: "stripe",
    label: "Stripe-like",
    example: "Stripe-Signature: t=<unix>,v1=<hex>",
    profile: {
      kind: "hmac",
      signatureHeader: "stripe-signature",
      headerFormat: "pairs",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "",
      signedContent: "timestamp_body",
      toleranceSeconds: 300,
      secretEncoding: "text",
    },
  },
];
