import type { ChildProcess } from "node:child_process";

export interface RunUntilSignalOptions {
  /** Also stop when this settles (the portal child exiting on its own); its value is the exit code. */
  until?: Promise<number>;
  /**
   * A second signal while stopping: `wait` (default) lets the stop finish — Ctrl-C reaches a
   * launcher's children too, and their launcher's own SIGTERM must not cut their drain short;
   * `exit` exits at once (the worker: its leases expire and are retried).
   */
  secondSignal?: "wait" | "exit";
}

/**
 * Keeps a process running until Ctrl-C or SIGTERM (or `until`), then runs `stop` once and exits:
 * 0 after a signal, `until`'s code after that.
 */
export function runUntilSignal(
  stop: (reason: string) => Promise<void>,
  { until, secondSignal = "wait" }: RunUntilSignalOptions = {},
): void {
  let stopping = false;
  const finish = (reason: string, code: number) => {
    stopping = true;
    stop(reason).then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(`error while stopping: ${error instanceof Error ? error.message : error}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (!stopping) finish(signal, 0);
      else if (secondSignal === "exit") process.exit(1);
    });
  }
  void until?.then((code) => {
    if (!stopping) finish("exit", code);
  });
}

/** The child's exit code when it exits (`fallback` for an exit by signal). */
export function exitCodeOf(child: ChildProcess, fallback: number): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? fallback)));
}
