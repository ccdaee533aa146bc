import { useQuery } from "@tanstack/react-query";
import { endpointQuery } from "./api";

/** One endpoint (prefetched by its page on the server). */
export function useEndpoint(endpointId: string) {
  return useQuery(endpointQuery(endpointId));
}
