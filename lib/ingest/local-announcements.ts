import { logger } from "@/lib/log/logger";
import type { Announcement } from "./apply-events";

// The committed changes told to this process's own listeners — its live pages' streams and its
// delivery worker — as soon as the commit is back, beside the NOTIFY that tells every process
// (announce-changes.ts). Under load, the NOTIFY's way back to this process (a notifying statement,
// then the LISTEN connection's read) costs two turns of a busy event loop; a change ingested and
// watched in one process need not take it. Listeners already ignore a change they have seen, so
// the NOTIFY arriving later does nothing twice.
export type LocalListener = (announcement: Announcement) => void;

// On globalThis: the route that ingests and the instrumentation hook that starts the worker are
// separate bundles, each with its own copy of this module.
const globalForAnnouncements = globalThis as unknown as { jobsPortalLocalListeners?: Set<LocalListener> };
const listeners = (globalForAnnouncements.jobsPortalLocalListeners ??= new Set());

/** Calls `listener` with each committed announcement of this process until the returned function is called. */
export function onLocalAnnouncement(listener: LocalListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceLocally(announcement: Announcement): void {
  for (const listener of listeners) {
    try {
      listener(announcement);
    } catch (error) {
      logger.warn({ error }, "a local listener of committed changes failed; it hears them by NOTIFY");
    }
  }
}
