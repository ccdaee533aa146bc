import { describe, expect, it } from "vitest";
import { createEndpointSchema, updateEndpointSchema } from "./schemas";

const URL_OK = "https://hooks.example.com/jobs";
const firstProblem = (overrides: Record<string, unknown>) =>
  createEndpointSchema.safeParse({ url: URL_OK, eventTypes: ["job.created"], ...overrides }).error?.issues[0]?.message;

describe("createEndpointSchema", () => {
  it("refuses what no receiver should be given: credentials, other schemes, fragments", () => {
    expect(firstProblem({ url: "https://user:pass@hooks.example.com/jobs" })).toMatch(/user name and password/);
    expect(firstProblem({ url: "ftp://hooks.example.com/jobs" })).toBe("Enter a URL starting with https://");
    expect(firstProblem({ url: "javascript:alert(1)" })).toBe("Enter a URL starting with https://");
    expect(firstProblem({ url: "https://hooks.example.com/jobs#part" })).toMatch(/fragment/);
    expect(firstProblem({ url: "   " })).toBe("Enter the URL that should receive events");
  });

  it("needs at least one known event and a short description", () => {
    expect(firstProblem({ eventTypes: [] })).toBe("Choose at least one event");
    expect(firstProblem({ eventTypes: ["job.deleted"] })).toMatch(/^Choose among job.created/);
    expect(firstProblem({ description: "x".repeat(201) })).toBe("At most 200 characters");
  });

  it("normalises: trimmed URL, empty description as null, events in canonical order without repeats, enabled by default", () => {
    expect(
      createEndpointSchema.parse({
        url: ` ${URL_OK} `,
        description: "  ",
        eventTypes: ["job.failed", "job.created", "job.failed"],
      }),
    ).toEqual({ url: URL_OK, description: null, eventTypes: ["job.created", "job.failed"], enabled: true });
  });
});

describe("updateEndpointSchema", () => {
  it("changes only what is present and refuses an empty change", () => {
    expect(updateEndpointSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(updateEndpointSchema.parse({ description: "" })).toEqual({ description: null });
    expect(updateEndpointSchema.safeParse({}).error?.issues[0]?.message).toBe("Nothing to change");
  });
});
