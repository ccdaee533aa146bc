// How far behind the primary a replica is, measured without comparing the two servers' clocks:
// each check samples the primary's WAL position and the replica's replay position; the replica's
// lag is how long ago the oldest sample it has not replayed yet was taken (0 when it has replayed
// them all). Precise to the time between checks; after a quiet spell without checks the first
// one cannot know the lag before it and says 0, and the next ones catch up — a lag above the limit
// is noticed within the limit's time.
export interface PositionSample {
  at: number;
  position: bigint;
}

// A replica that stops replaying would grow the list by one sample per check; only the oldest
// counts for the lag, so the middle ones go.
const MAX_SAMPLES = 64;

export interface LagReading {
  /** The samples not yet replayed, oldest first: the next check's input. */
  samples: PositionSample[];
  lagMs: number;
}

export function measureReplicaLag(
  samples: readonly PositionSample[],
  check: { now: number; primary: bigint | null; replayed: bigint },
): LagReading {
  const all = check.primary === null ? [...samples] : [...samples, { at: check.now, position: check.primary }];
  let pending = all.filter((sample) => sample.position > check.replayed);
  if (pending.length > MAX_SAMPLES) pending = [pending[0], ...pending.slice(pending.length - MAX_SAMPLES + 1)];
  return { samples: pending, lagMs: pending.length > 0 ? Math.max(0, check.now - pending[0].at) : 0 };
}
