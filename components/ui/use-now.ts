"use client";

import { useSyncExternalStore } from "react";

// One ticker for every relative time on the page, instead of a timer per cell.
const TICK_MS = 15_000;

/**
 * The server render and the browser's hydration must agree on "now", or the browser keeps the
 * server's text. Both use the current 15-second bucket: fresh per request on the server (a
 * module-level value would be as old as the process), equal on both sides nearly always.
 */
const bucket = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

let now = bucket();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The clock may have stood still while nothing listened; React re-reads the snapshot after subscribing.
  if (!timer) now = bucket();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, refreshed every 15 s while any component shows a relative time. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, bucket);
}
