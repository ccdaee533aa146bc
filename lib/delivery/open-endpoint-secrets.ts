import { open } from "@/lib/crypto/secret-box";

// An endpoint's signing secrets, decrypted. Opening a sealed secret is an AES-GCM decryption per
// call; a busy endpoint's is kept in memory (bounded), keyed by its ciphertext, so a rotation
// (a new ciphertext) is picked up at once.
const opened = new Map<string, string>();

export function openSecret(sealed: string): string {
  let plain = opened.get(sealed);
  if (plain === undefined) {
    if (opened.size >= 1_000) opened.clear();
    opened.set(sealed, (plain = open(sealed)));
  }
  return plain;
}

/** The current secret first, then the previous one while a rotation's overlap lasts. */
export function openEndpointSecrets(secretEnc: string, previousSecretEnc: string | null): string[] {
  return [secretEnc, previousSecretEnc].filter((sealed): sealed is string => !!sealed).map(openSecret);
}
