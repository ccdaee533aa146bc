import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CHILD = path.resolve("scripts/lib/testing/run-until-signal-child.ts");

function start(exitAfterMs = 0) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, String(exitAfterMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const printed = (text: string) =>
    new Promise<void>((resolve) => child.stdout.on("data", () => output.includes(text) && resolve()));
  return { child, exited, running: printed("running"), stopping: printed("stopping"), output: () => output };
}

describe("runUntilSignal", () => {
  it("stops once on SIGTERM, waits for the stop (a second signal included), and exits 0", async () => {
    const run = start();
    await run.running;
    run.child.kill("SIGTERM");
    await run.stopping;
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    expect(run.output()).toBe("running\nstopping: SIGTERM\nstopped\n");
  });

  it("stops when what it waits for ends, with its exit code", async () => {
    const run = start(300);
    expect(await run.exited).toBe(3);
    expect(run.output()).toBe("running\nstopping: exit\nstopped\n");
  });
});
