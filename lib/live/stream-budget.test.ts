import { describe, expect, it } from "vitest";
import { createStreamBudget } from "./stream-budget";

describe("createStreamBudget", () => {
  it("allows at most perUser streams per user, and frees a place when one ends", () => {
    const budget = createStreamBudget({ perUser: 10, max: 100 });
    const held = Array.from({ length: 10 }, () => budget.reserve("alice"));
    expect(held.every((reservation) => reservation.ok)).toBe(true);
    expect(budget.reserve("alice")).toEqual({ ok: false, reason: "user" });
    expect(budget.reserve("bob").ok).toBe(true); // another user is not affected
    const first = held[0];
    if (first.ok) first.release();
    expect(budget.reserve("alice").ok).toBe(true);
  });

  it("allows at most max streams in all", () => {
    const budget = createStreamBudget({ perUser: 10, max: 25 });
    for (let user = 0; user < 3; user += 1) for (let i = 0; i < 10; i += 1) budget.reserve(`user${user}`);
    expect(budget.open).toBe(25);
    expect(budget.reserve("someone-new")).toEqual({ ok: false, reason: "process" });
  });

  it("counts a release once, however often it is called", () => {
    const budget = createStreamBudget({ perUser: 2, max: 2 });
    const a = budget.reserve("u");
    budget.reserve("u");
    if (a.ok) {
      a.release();
      a.release();
    }
    expect(budget.open).toBe(1);
    expect(budget.openFor("u")).toBe(1);
  });
});
