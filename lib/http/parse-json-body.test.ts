import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelope } from "@/lib/contract/errors";
import { ApiError } from "./api-error";
import { parseJsonBody } from "./parse-json-body";

const schema = z.object({
  url: z.url("Enter a URL"),
  profile: z.object({ header: z.string().min(1, "Enter a header name") }),
});
const post = (body: string) => new Request("http://portal.test/x", { method: "POST", body });

describe("parseJsonBody", () => {
  it("refuses input a schema refuses with every field's issue as details, the first as the message", async () => {
    const error = await parseJsonBody(post(JSON.stringify({ url: "nope", profile: { header: "" } })), schema).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: "INVALID_REQUEST",
      status: 400,
      message: "url: Enter a URL",
      details: [
        { field: "url", issue: "Enter a URL" },
        { field: "profile.header", issue: "Enter a header name" },
      ],
    });
  });

  it("refuses what is not JSON without details", async () => {
    await expect(parseJsonBody(post("{"), schema)).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "The request body must be JSON",
      details: [],
    });
  });
});

describe("the error envelope", () => {
  it("carries details only when there are some, so documented bodies stay exactly as they are", () => {
    expect(errorEnvelope("RESOURCE_NOT_FOUND", "Job not found")).toEqual({
      error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" },
    });
    expect(errorEnvelope("INVALID_REQUEST", "url: bad", [{ field: "url", issue: "bad" }])).toEqual({
      error: { code: "INVALID_REQUEST", message: "url: bad", details: [{ field: "url", issue: "bad" }] },
    });
  });
});
