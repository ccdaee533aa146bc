// Test support for run-until-signal.test.ts: a process that runs until a signal, or until its
// "child" exits after `argv[2]` ms with code 3; `stop` takes 200 ms and says why it ran.
import { runUntilSignal } from "../run-until-signal";

const exitAfterMs = Number(process.argv[2] ?? 0);
const alive = setInterval(() => undefined, 1_000);
runUntilSignal(
  async (reason) => {
    process.stdout.write(`stopping: ${reason}\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(alive);
    process.stdout.write("stopped\n");
  },
  { until: exitAfterMs > 0 ? new Promise((resolve) => setTimeout(() => resolve(3), exitAfterMs)) : undefined },
);
process.stdout.write("running\n");
