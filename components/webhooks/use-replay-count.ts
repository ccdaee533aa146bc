import { useQuery } from "@tanstack/react-query";
import { replayCountQuery } from "./api";

/** How many failed deliveries a replay from `since` would resend; null `since` asks nothing. */
export function useReplayCount(endpointId: string, since: string | null) {
  return useQuery({ ...replayCountQuery(endpointId, since ?? ""), enabled: since !== null });
}
