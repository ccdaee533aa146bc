import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layers (README, "Layout"): app/ → lib/route (the wrappers) → the domain folders → the
// leaves, which import no domain: HTTP plumbing (lib/http), the wire contract (lib/contract), the
// workflow model (lib/workflow), logging (lib/log), crypto and address checks (lib/crypto,
// lib/ssrf), and the env module. Checked on the files as they are, so a new import across the
// layers fails here rather than in review. Tests may reach anywhere.
const ROOTS = ["app", "lib", "components", "simulator", "scripts", "e2e", "test"];
const LEAVES = ["lib/http", "lib/contract", "lib/workflow", "lib/log", "lib/crypto", "lib/ssrf"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = ROOTS.flatMap((root) => sourceFiles(root));
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/from "(@\/[^"]+)"|import\("(@\/[^"]+)"\)/g)].map((match) => (match[1] ?? match[2]).slice(2));

describe("layers", () => {
  it("only app/ imports the route wrappers (lib/route)", () => {
    const outside = files.filter((file) => !file.startsWith("app/") && !file.startsWith("lib/route/") && importsOf(file).some((target) => target.startsWith("lib/route/")));
    expect(outside).toEqual([]);
  });

  it("the leaves import nothing but other leaves and the env module", () => {
    const crossing = files
      .filter((file) => LEAVES.some((leaf) => file.startsWith(`${leaf}/`)))
      .flatMap((file) => importsOf(file).filter((target) => target !== "lib/env" && !LEAVES.some((leaf) => target.startsWith(`${leaf}/`))).map((target) => `${file} → ${target}`));
    expect(crossing).toEqual([]);
  });
});
