// Integration-test support: a delivery worker in a process of its own, for one workspace, on the
// test database (DATABASE_URL and APP_ENCRYPTION_KEY come from the parent's environment), with
// the production defaults for leases and caps — so a test can kill it with SIGKILL mid-send.
//   node --import tsx lib/delivery/testing/run-worker-process.ts <workspaceId>
import { createDeliveryWorker } from "../create-delivery-worker";

const workspaceId = process.argv[2];
if (!workspaceId) throw new Error("usage: run-worker-process.ts <workspaceId>");
createDeliveryWorker({
  workspaceIds: [workspaceId],
  policy: { allowPrivate: true },
  listen: false,
  pollMs: 100,
}).start();
process.stdout.write("worker started\n");
