import { describe, expect, it } from "vitest";
import { hashingLoad, hashPassword, MAX_CONCURRENT_HASHES, verifyPassword } from "./password";

// Each hash is a 128 MiB scrypt: a second or more alone, far longer on a machine busy with other tiers.
describe("password hashing", { timeout: 120_000 }, () => {
  it("verifies the right password only", async () => {
    const stored = await hashPassword("correct-horse-battery");
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword("correct-horse-battery", stored)).toBe(true);
    expect(await verifyPassword("correct-horse-batterY", stored)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });

  it("runs at most two hashes at a time: a burst waits its turn instead of taking every thread", async () => {
    const burst = Array.from({ length: 6 }, (_, index) => hashPassword(`password-${index}`));
    await Promise.resolve(); // p-limit starts queued work on a microtask
    expect(hashingLoad()).toEqual({ running: MAX_CONCURRENT_HASHES, waiting: 6 - MAX_CONCURRENT_HASHES });
    let maxRunning = 0;
    const watcher = setInterval(() => (maxRunning = Math.max(maxRunning, hashingLoad().running)), 5);
    await Promise.all(burst);
    clearInterval(watcher);
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
    expect(maxRunning).toBe(MAX_CONCURRENT_HASHES);
  });
});
