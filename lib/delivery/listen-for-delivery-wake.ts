import { listenWithReconnect } from "@/lib/db/listen-with-reconnect";
import { DELIVERY_WAKE_CHANNEL } from "./channel";

// A worker's own LISTEN connection, checked and re-established by lib/db/listen-with-reconnect.ts.
// Every notification, and every (re)connection — notifications sent while it was down are lost —
// calls `onWake`; the worker then claims what is due.
export interface WakeListener {
  close(): Promise<void>;
}

export function listenForDeliveryWake(connectionString: string, onWake: () => void): WakeListener {
  return listenWithReconnect({
    name: "delivery wake listener",
    channels: [DELIVERY_WAKE_CHANNEL],
    connectionString,
    onNotification: (message) => message.channel === DELIVERY_WAKE_CHANNEL && onWake(),
    onConnected: () => onWake(),
  });
}
