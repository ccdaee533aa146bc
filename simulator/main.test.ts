import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The CLI as `npm run simulator` runs it: starts, prints where it listens, serves, stops on SIGTERM.

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** Runs main.ts with only `env` as its environment, so the developer's SIMULATOR_* settings stay out. */
function runMain(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX_CLI, "simulator/main.ts", ...args], {
    cwd: ROOT,
    env: { NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output.stdout);
        if (match) resolve(match);
      };
      child.stdout.on("data", check);
      void exited.then(() => reject(new Error(`exited before printing ${pattern}:\n${output.stdout}${output.stderr}`)));
      check();
    });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return { child, output, exited, printed, kill };
}

describe.concurrent("simulator/main.ts", () => {
  it("prints its URL and generated key, serves requests and exits 0 on SIGTERM", async () => {
    const run = runMain(["--port", "0"], { SIMULATOR_SPEED: "50" });
    try {
      const [, url, apiKey] = await run.printed(/listening on (http:\/\/\S+)\n\s+API key: +(\S+)/);
      expect(apiKey).toMatch(/^sk_sim_/);
      const response = await fetch(`${url}/v1/transcribe`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ mediaUrl: "https://media.example.com/interviews/ep-12.mp4" }),
      });
      expect(response.status).toBe(202);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });

  it("exits 2 with a message on an invalid configuration", async () => {
    const run = runMain([], { SIMULATOR_FAIL_RATE: "2" });
    try {
      expect(await run.exited).toBe(2);
      expect(run.output.stderr).toContain("SIMULATOR_FAIL_RATE");
    } finally {
      run.kill();
    }
  });
});
