import { useQuery } from "@tanstack/react-query";
import { apiKeysQuery } from "./api";

export function useApiKeys() {
  return useQuery(apiKeysQuery());
}
