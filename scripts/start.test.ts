import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` in production needs the portal's public URL: next-auth's links and redirects, and
// HSTS, come from it. Without it the start is refused before anything is opened or started.
const withoutNextAuthUrl = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "1" };
  delete env.NEXTAUTH_URL;
  return env;
};

describe("starting without NEXTAUTH_URL in production", () => {
  it.each([
    ["npm start (scripts/start.ts)", "scripts/start.ts"],
    ["the portal server itself", "scripts/portal-server.ts"],
  ])("%s refuses, with a clear error", (_name, script) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.resolve(script)], {
      env: withoutNextAuthUrl(),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/NEXTAUTH_URL is not set: in production it must be the portal's public URL/);
  });
});
