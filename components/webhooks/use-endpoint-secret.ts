import { useQuery } from "@tanstack/react-query";
import { endpointSecretQuery } from "./api";

/** The signing secret, fetched only while revealed. */
export function useEndpointSecret(endpointId: string, revealed: boolean) {
  return useQuery({ ...endpointSecretQuery(endpointId), enabled: revealed });
}
