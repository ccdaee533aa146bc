import { describe, expect, it } from "vitest";
import { measureReplicaLag, type PositionSample } from "./replica-lag";

const n = (value: number) => BigInt(value);

describe("replica lag", () => {
  it("is 0 while the replica has replayed what the primary had written at each check", () => {
    let samples: PositionSample[] = [];
    for (let second = 0; second < 5; second += 1) {
      const reading = measureReplicaLag(samples, {
        now: second * 1000,
        primary: n(100 * second),
        replayed: n(100 * second),
      });
      expect(reading.lagMs).toBe(0);
      expect(reading.samples).toEqual([]);
      samples = reading.samples;
    }
  });

  it("is how long ago the primary was at the oldest position the replica has not replayed", () => {
    let reading = measureReplicaLag([], { now: 0, primary: n(100), replayed: n(90) });
    expect(reading.lagMs).toBe(0);
    reading = measureReplicaLag(reading.samples, { now: 1000, primary: n(200), replayed: n(95) });
    expect(reading.lagMs).toBe(1000);
    reading = measureReplicaLag(reading.samples, { now: 2000, primary: n(300), replayed: n(150) });
    expect(reading.lagMs).toBe(1000); // past the first sample, not the second
    reading = measureReplicaLag(reading.samples, { now: 3000, primary: n(300), replayed: n(300) });
    expect(reading).toEqual({ samples: [], lagMs: 0 });
  });

  it("grows while replay stands still, keeping the oldest sample however many checks pass", () => {
    let reading = { samples: [] as PositionSample[], lagMs: 0 };
    for (let second = 0; second <= 200; second += 1)
      reading = measureReplicaLag(reading.samples, { now: second * 1000, primary: n(1000 + second), replayed: n(10) });
    expect(reading.lagMs).toBe(200_000);
    expect(reading.samples.length).toBeLessThanOrEqual(64);
    expect(reading.samples[0]).toEqual({ at: 0, position: n(1000) });
  });

  it("without the primary's position (it did not answer), measures against the samples it has", () => {
    const first = measureReplicaLag([], { now: 0, primary: n(100), replayed: n(50) });
    expect(measureReplicaLag(first.samples, { now: 4000, primary: null, replayed: n(60) }).lagMs).toBe(4000);
    expect(measureReplicaLag(first.samples, { now: 4000, primary: null, replayed: n(100) }).lagMs).toBe(0);
  });
});
