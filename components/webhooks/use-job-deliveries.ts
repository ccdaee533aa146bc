import { useQuery } from "@tanstack/react-query";
import { jobDeliveriesQuery } from "./api";

export function useJobDeliveries(jobId: string) {
  return useQuery(jobDeliveriesQuery(jobId));
}
