import { useMutation } from "@tanstack/react-query";
import { testInboundRequest } from "./api";

/** A mutation: each press judges the pasted request afresh with the current settings. */
export function useTestInboundRequest() {
  return useMutation({ mutationFn: testInboundRequest });
}
