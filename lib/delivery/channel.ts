// NOTIFY channel that wakes the delivery workers at once when deliveries become due (a new event
// stored, a resend, a replay). Without a notification they still find due rows by polling.
export const DELIVERY_WAKE_CHANNEL = "delivery_wake";
