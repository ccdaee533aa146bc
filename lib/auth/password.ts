import { randomBytes, type ScryptOptions, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import pLimit from "p-limit";

// scrypt at OWASP's recommended parameters (N=2^17, r=8, p=1). 128·N·r bytes = 128 MiB, above
// Node's 32 MiB default maxmem, so maxmem is raised explicitly.
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
const KEY_LENGTH = 64;

// At most two hashes at a time per process; the rest wait their turn. Each takes 128 MiB and one of
// libuv's four threads, which DNS lookups (the SSRF guard's too) and file reads share: without a
// bound, a burst of sign-ins from many addresses (each within its own rate limit) would starve them.
export const MAX_CONCURRENT_HASHES = 2;
const hashing = pLimit(MAX_CONCURRENT_HASHES);

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** Hashes running and waiting in this process (tests). */
export function hashingLoad(): { running: number; waiting: number } {
  return { running: hashing.activeCount, waiting: hashing.pendingCount };
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return ["scrypt", Math.log2(PARAMS.N), PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, saltText, hashText] = stored.split("$");
  if (scheme !== "scrypt" || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, "base64");
  const N = 2 ** Number(logN);
  const actual = await scrypt(password, Buffer.from(saltText, "base64"), {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: Math.max(PARAMS.maxmem, 256 * N * Number(r)),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
