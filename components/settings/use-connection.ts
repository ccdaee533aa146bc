import { useQuery } from "@tanstack/react-query";
import { connectionQuery } from "./api";

export function useConnection() {
  return useQuery(connectionQuery());
}
