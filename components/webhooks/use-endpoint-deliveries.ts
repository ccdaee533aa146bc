import { useInfiniteQuery } from "@tanstack/react-query";
import { endpointDeliveriesQuery } from "./api";

export function useEndpointDeliveries(endpointId: string) {
  return useInfiniteQuery(endpointDeliveriesQuery(endpointId));
}
