import { seal } from "./secret-box";

/**
 * How long a replaced secret stays valid beside the new one — inbound, it still verifies events the
 * upstream signs before it is reconfigured; outbound, every delivery is signed with both — for
 * every secret the portal rotates or a user replaces.
 */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SealedSecrets {
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretExpiresAt: Date | null;
}

/**
 * The sealed secrets once `secret` replaces the one sealed as `currentEnc`. With `overlap` (a
 * rotation, a pasted replacement) the replaced one stays valid for PREVIOUS_SECRET_GRACE_MS, and a
 * previous one from an earlier change is dropped: one previous secret at a time. Without, nothing
 * of the old one is kept (it belonged to another verification scheme).
 */
export function replaceSecret(
  currentEnc: string,
  secret: string,
  { now, overlap = true }: { now: Date; overlap?: boolean },
): SealedSecrets {
  if (!overlap) return { secretEnc: seal(secret), previousSecretEnc: null, previousSecretExpiresAt: null };
  return {
    secretEnc: seal(secret),
    previousSecretEnc: currentEnc,
    previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS),
  };
}
