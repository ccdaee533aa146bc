import { describe, expect, it } from "vitest";
import { RequestError } from "@/lib/http/fetch-json";
import { serverFieldErrors } from "./server-field-errors";

describe("serverFieldErrors", () => {
  it("puts a refusal that names a field under that field", () => {
    expect(serverFieldErrors(new RequestError(400, "INVALID_REQUEST", "url: webhook URLs must use https://"))).toEqual({ url: "Webhook URLs must use https://" });
    expect(serverFieldErrors(new RequestError(400, "INVALID_REQUEST", "url: crm.example.com could not be resolved"))).toEqual({ url: "crm.example.com could not be resolved" });
    expect(serverFieldErrors(new RequestError(400, "INVALID_REQUEST", "eventTypes.0: Choose among job.created"))).toEqual({ eventTypes: "Choose among job.created" });
  });

  it("leaves everything else to a banner", () => {
    expect(serverFieldErrors(new RequestError(403, "FORBIDDEN", "url: nope"))).toBeNull();
    expect(serverFieldErrors(new RequestError(400, "INVALID_REQUEST", "The request body must be JSON"))).toBeNull();
    expect(serverFieldErrors(new Error("url: x"))).toBeNull();
    expect(serverFieldErrors(null)).toBeNull();
  });
});
