// Every timer the simulator arms goes through one scheduler so that close() leaves nothing behind:
// a test that stops its simulator must not receive a webhook from it a second later.
export interface Scheduler {
  after(ms: number, run: () => void): () => void;
  every(ms: number, run: () => void): () => void;
  readonly closed: boolean;
  close(): void;
}

export function createScheduler(): Scheduler {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  return {
    after(ms, run) {
      if (closed) return () => {};
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          run();
        },
        Math.max(0, ms),
      );
      timers.add(timer);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
    every(ms, run) {
      if (closed) return () => {};
      const timer = setInterval(run, Math.max(1, ms));
      timers.add(timer);
      return () => {
        clearInterval(timer);
        timers.delete(timer);
      };
    },
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
