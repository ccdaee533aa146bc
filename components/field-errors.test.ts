import { describe, expect, it } from "vitest";
import { RequestError } from "@/lib/http/fetch-json";
import { serverFieldErrors } from "./field-errors";

const refused = (details: Array<{ field: string; issue: string }>) =>
  new RequestError(400, "INVALID_REQUEST", "whatever the message says", details);

describe("serverFieldErrors", () => {
  it("puts each refused field's issue under that field, from the envelope's details", () => {
    const fields = ["url", "description", "eventTypes"] as const;
    expect(serverFieldErrors(refused([{ field: "url", issue: "webhook URLs must use https://" }]), { fields })).toEqual(
      { url: "Webhook URLs must use https://" },
    );
    expect(
      serverFieldErrors(refused([{ field: "url", issue: "crm.example.com could not be resolved" }]), { fields }),
    ).toEqual({ url: "crm.example.com could not be resolved" });
    expect(
      serverFieldErrors(refused([{ field: "eventTypes.0", issue: "Choose among job.created" }]), { fields }),
    ).toEqual({ eventTypes: "Choose among job.created" });
  });

  it("reads fields nested in the request's object, and keeps the first issue of each", () => {
    const details = [
      { field: "profile.signatureHeader", issue: "Enter a header name" },
      { field: "secret", issue: "Paste the vendor's secret" },
      { field: "profile.signatureHeader", issue: "second" },
    ];
    expect(serverFieldErrors(refused(details), { under: "profile" })).toEqual({
      signatureHeader: "Enter a header name",
      secret: "Paste the vendor's secret",
    });
  });

  it("reads a conflict about a field the same way", () => {
    const taken = new RequestError(409, "CONFLICT", "An account with this email already exists. Sign in instead.", [
      { field: "email", issue: "An account with this email already exists. Sign in instead." },
    ]);
    expect(serverFieldErrors(taken, { fields: ["name", "email"] })).toEqual({
      email: "An account with this email already exists. Sign in instead.",
    });
  });

  it("leaves everything else to a banner", () => {
    expect(
      serverFieldErrors(new RequestError(403, "FORBIDDEN", "Only workspace owners and admins can do this"), {
        fields: ["url"],
      }),
    ).toBeNull();
    expect(serverFieldErrors(refused([]), { fields: ["url"] })).toBeNull();
    expect(serverFieldErrors(refused([{ field: "kind", issue: "Invalid option" }]), { fields: ["url"] })).toBeNull();
    expect(serverFieldErrors(new Error("url: x"))).toBeNull();
    expect(serverFieldErrors(null)).toBeNull();
  });
});
