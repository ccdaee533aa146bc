import { afterAll } from "vitest";

// Runs in every integration test file before the file itself (vitest's setupFiles): a key for the
// secrets tests seal (any passphrase; it is stretched to 32 bytes) and, after the file's last test
// and its own afterAll hooks, the file's database connections closed. Set before anything reads
// the env module; a file that needs other settings (pool sizes, caps) sets them in vi.hoisted.
process.env.APP_ENCRYPTION_KEY ??= "integration-tests-only-key";

afterAll(async () => {
  const [{ disconnectPrisma }, { closePool }] = await Promise.all([import("@/lib/db/client"), import("@/lib/db/pool")]);
  await disconnectPrisma();
  await closePool();
});
