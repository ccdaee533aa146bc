import { describe, expect, it } from "vitest";
import type { AuditEntryView } from "@/lib/audit/types";
import { describeEntryDetails } from "./describe-entry";

const entry = (details: AuditEntryView["details"]): AuditEntryView => ({
  id: "a",
  action: "member.role_changed",
  actor: { id: "u", email: "owner@example.com" },
  target: null,
  details,
  createdAt: "2026-12-01T00:00:00.000Z",
});

describe("describeEntryDetails", () => {
  it("says what changed in a few words", () => {
    expect(describeEntryDetails(entry({ from: "viewer", to: "admin" }))).toBe("viewer → admin");
    expect(describeEntryDetails(entry({ from: "Acme", to: "Acme staging" }))).toBe("“Acme” → “Acme staging”");
    expect(describeEntryDetails(entry({ role: "developer" }))).toBe("as developer");
    expect(describeEntryDetails(entry({ count: 3 }))).toBe("3 deliveries");
    expect(describeEntryDetails(entry(null))).toBeNull();
  });
});
