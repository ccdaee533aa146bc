import { useQuery } from "@tanstack/react-query";
import { refusalsQuery } from "./api";

export function useRefusals() {
  return useQuery(refusalsQuery());
}
