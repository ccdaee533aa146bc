// How many live-update streams may be open at once: per signed-in user (a user with many tabs, or
// a script opening streams in a loop) and in all, per portal process. Each stream holds a socket
// and a place in the fan-out; beyond the budget the answer is 429 and the page polls instead
// (components/jobs/use-live-job-updates.ts). Pure bookkeeping, so it is unit-tested.
export interface StreamBudgetLimits {
  perUser: number;
  max: number;
}

export type Reservation = { ok: true; release: () => void } | { ok: false; reason: "user" | "process" };

export interface StreamBudget {
  reserve(userId: string): Reservation;
  readonly open: number;
  openFor(userId: string): number;
}

export function createStreamBudget(limits: StreamBudgetLimits): StreamBudget {
  const byUser = new Map<string, number>();
  let open = 0;
  return {
    reserve(userId) {
      const mine = byUser.get(userId) ?? 0;
      if (mine >= limits.perUser) return { ok: false, reason: "user" };
      if (open >= limits.max) return { ok: false, reason: "process" };
      byUser.set(userId, mine + 1);
      open += 1;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return; // a stream can end by abort and cancel both
          released = true;
          open -= 1;
          const left = (byUser.get(userId) ?? 1) - 1;
          if (left > 0) byUser.set(userId, left);
          else byUser.delete(userId);
        },
      };
    },
    get open() {
      return open;
    },
    openFor: (userId) => byUser.get(userId) ?? 0,
  };
}
