import { useQuery } from "@tanstack/react-query";
import { inboundSecretQuery } from "./api";

/** The inbound secret, fetched only while revealed. */
export function useInboundSecret(revealed: boolean) {
  return useQuery({ ...inboundSecretQuery(), enabled: revealed });
}
