import type { InboundVerification } from "@/lib/db/generated/client";
import { type VerificationProfile, verificationProfileSchema } from "./schemas";

/**
 * The profile as stored: the kind column and its options. Options that no longer parse (an older
 * shape) are an error, never a fallback to a laxer profile.
 */
export function readStoredProfile(kind: InboundVerification, config: unknown): VerificationProfile {
  const parsed = verificationProfileSchema.safeParse({
    ...(typeof config === "object" && config !== null ? config : {}),
    kind,
  });
  if (!parsed.success) throw new Error(`stored ${kind} profile does not parse: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The profile as columns: the kind, and its options without the kind (null when it has none). */
export function toStoredProfile(profile: VerificationProfile): {
  inboundVerification: InboundVerification;
  inboundVerificationConfig: object | null;
} {
  const { kind, ...options } = profile;
  return {
    inboundVerification: kind,
    inboundVerificationConfig: kind === "standard_webhooks" ? null : JSON.parse(JSON.stringify(options)),
  };
}
