import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The download_failing alert sees only what DownloadResultHealth records, so a path that calls
// download-result without recording would fail unseen. Checked on the files as they are: outside
// lib/upstream, the raw clients are called only by the two places that record their outcome.
const RECORDING_CALLERS = ["lib/upstream/call-download-result.ts", "lib/workspaces/check-upstream-connection.ts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" || entry.name === "testing"
        ? []
        : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("download-result callers", () => {
  const files = ["app", "lib", "components", "scripts"].flatMap((root) => sourceFiles(root));
  const callers = files.filter((file) =>
    /\b(requestDownloadResult|postDownloadResult)\(/.test(readFileSync(file, "utf8")),
  );

  it("every call outside the client itself records the workspace's download health", () => {
    const outside = callers.filter(
      (file) => !["lib/upstream/download-result.ts", "lib/upstream/post-download-result.ts"].includes(file),
    );
    expect(outside.sort()).toEqual([...RECORDING_CALLERS].sort());
    for (const file of RECORDING_CALLERS) expect(readFileSync(file, "utf8")).toMatch(/recordDownloadHealth\(/);
  });

  it("the links every member, /v1 client and delivery worker asks for go through the recording call", () => {
    expect(readFileSync("lib/jobs/request-download-links.ts", "utf8")).toMatch(/callDownloadResult\(workspaceId/);
  });
});
