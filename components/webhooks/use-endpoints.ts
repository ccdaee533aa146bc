import { useQuery } from "@tanstack/react-query";
import { endpointsQuery } from "./api";

export function useEndpoints() {
  return useQuery(endpointsQuery());
}
