import { describe, expect, it } from "vitest";
import { describeConnectionCheck } from "./describe-connection-check";

const envelope = (code: string, message: string) => ({ error: { code, message } });

describe("describeConnectionCheck", () => {
  it("reads the documented 404 for an unknown job as an accepted key", () => {
    expect(describeConnectionCheck(404, envelope("RESOURCE_NOT_FOUND", "Job not found"))).toMatchObject({
      result: "accepted",
      httpStatus: 404,
    });
  });

  it("does not take any other server's 404 for the Jobs API", () => {
    expect(describeConnectionCheck(404, null).result).toBe("unexpected");
    expect(describeConnectionCheck(404, { message: "Not Found" }).result).toBe("unexpected");
  });

  it("reads 401 and 403 as a refused key", () => {
    expect(describeConnectionCheck(401, envelope("UNAUTHORIZED", "Invalid API key")).result).toBe("refused");
    expect(describeConnectionCheck(403, null).result).toBe("refused");
  });

  it("reads server errors as unreachable, anything else as unexpected", () => {
    expect(describeConnectionCheck(503, null).result).toBe("unreachable");
    expect(describeConnectionCheck(200, {}).result).toBe("unexpected");
    expect(describeConnectionCheck(301, null).message).toContain("HTTP 301");
  });
});
