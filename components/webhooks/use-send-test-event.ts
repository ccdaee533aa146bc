import { useMutation } from "@tanstack/react-query";
import { sendTestEvent } from "./api";

/** A mutation, not a query: each press is a fresh request to the receiver, never a cached answer. */
export function useSendTestEvent(endpointId: string) {
  return useMutation({ mutationFn: () => sendTestEvent(endpointId) });
}
