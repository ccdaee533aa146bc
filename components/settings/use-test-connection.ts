import { useMutation } from "@tanstack/react-query";
import { testConnection } from "./api";

/** A mutation, not a query: each press is a fresh call to the upstream, never a cached answer. */
export function useTestConnection() {
  return useMutation({ mutationFn: testConnection });
}
