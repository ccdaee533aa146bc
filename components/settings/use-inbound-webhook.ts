import { useQuery } from "@tanstack/react-query";
import { inboundWebhookQuery } from "./api";

export function useInboundWebhook() {
  return useQuery(inboundWebhookQuery());
}
