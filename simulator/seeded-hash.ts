import { createHash } from "node:crypto";

// Deterministic "randomness" derived from an input, so the same media URL always yields the same
// duration, transcript and trigger outcome: a test can rely on it and a demo looks consistent.

/** A number in [0, 1) derived from the parts. */
export function hashFraction(...parts: (string | number)[]): number {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export function pickBy<T>(items: readonly T[], ...parts: (string | number)[]): T {
  return items[Math.floor(hashFraction(...parts) * items.length)];
}
