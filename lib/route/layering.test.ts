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
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = ROOTS.flatMap((root) => sourceFiles(root));
const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/from "(@\/[^"]+)"|import\("(@\/[^"]+)"\)/g)].map((match) =>
    (match[1] ?? match[2]).slice(2),
  );

describe("layers", () => {
  it("only app/ imports the route wrappers (lib/route)", () => {
    const outside = files.filter(
      (file) =>
        !file.startsWith("app/") &&
        !file.startsWith("lib/route/") &&
        importsOf(file).some((target) => target.startsWith("lib/route/")),
    );
    expect(outside).toEqual([]);
  });

  it("the leaves import nothing but other leaves and the env module", () => {
    const crossing = files
      .filter((file) => LEAVES.some((leaf) => file.startsWith(`${leaf}/`)))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target !== "lib/env" && !LEAVES.some((leaf) => target.startsWith(`${leaf}/`)))
          .map((target) => `${file} → ${target}`),
      );
    expect(crossing).toEqual([]);
  });
});

// The client/server boundary: a "use client" module, and everything it imports at run time, must
// never reach a module marked `import "server-only"` (the database, secrets, the outbound client)
// or a Node built-in. Next.js refuses the first at build time, one page at a time; this names the
// import chain for every client module at once, before a build.
describe("the client/server boundary", () => {
  const SOURCE = /\.(ts|tsx)$/;
  const valueImports = (source: string) =>
    [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?"([^"]+)"/gm)].map(
      (match) => match[1],
    );

  function resolve(from: string, specifier: string): string | null {
    const base = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.join(path.dirname(from), specifier)
        : null;
    if (base === null) return null;
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
      if (SOURCE.test(candidate) && files.includes(candidate)) return candidate;
    }
    return null;
  }

  it("no client module reaches server-only code or a Node built-in", () => {
    const sourceOf = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
    const clientModules = files.filter((file) => /^\s*["']use client["']/.test(sourceOf.get(file)!));
    expect(clientModules.length).toBeGreaterThan(10);
    const crossings: string[] = [];
    for (const start of clientModules) {
      const chainTo = new Map<string, string[]>([[start, [start]]]);
      const queue = [start];
      while (queue.length > 0) {
        const file = queue.shift()!;
        for (const specifier of valueImports(sourceOf.get(file)!)) {
          if (specifier === "server-only" || specifier.startsWith("node:")) {
            crossings.push([...chainTo.get(file)!, specifier].join(" → "));
            continue;
          }
          const target = resolve(file, specifier);
          if (target && !chainTo.has(target)) {
            chainTo.set(target, [...chainTo.get(file)!, target]);
            queue.push(target);
          }
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
