import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";

function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, refs));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") refs.push(inner);
      else collectRefs(inner, refs);
    }
  }
  return refs;
}

describe("the /v1 OpenAPI document", () => {
  const document = buildOpenApiDocument("https://portal.example.com");

  it("is OpenAPI 3.1 with bearer auth on every operation and this portal as server", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://portal.example.com" }]);
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes the four endpoints", () => {
    expect(Object.keys(document.paths)).toEqual([
      "/v1/jobs",
      "/v1/jobs/{jobId}",
      "/v1/jobs/{jobId}/download-result",
      "/v1/jobs/{jobId}/outputs/{n}",
    ]);
    expect(Object.keys(document.paths["/v1/jobs/{jobId}/outputs/{n}"].get.responses)).toEqual(
      expect.arrayContaining(["302", "400", "401", "404", "429", "500", "502", "503", "504"]),
    );
    expect(Object.keys(document.paths["/v1/jobs/{jobId}/download-result"].post.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "404", "429", "500", "502", "503", "504"]),
    );
  });

  it("describes the error envelope and the documented download-result shapes", () => {
    const { schemas } = document.components;
    expect(schemas.ErrorEnvelope).toMatchObject({ required: ["error"] });
    expect(schemas.DownloadResultRequest).toMatchObject({
      properties: { expirationSeconds: { type: "integer", minimum: 60, maximum: 604800, default: 3600 } },
    });
    expect(schemas.DownloadResultResponse).toMatchObject({ required: ["jobId", "apiProduct", "expiresAt", "outputs"] });
    expect(schemas.JobList).toMatchObject({ required: ["data", "nextCursor"] });
  });

  it("has no dangling $ref", () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(ref) ?? [];
      expect(document.components[section as "schemas" | "responses"], ref).toHaveProperty(name);
    }
  });
});
