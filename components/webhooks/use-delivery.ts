import { useQuery } from "@tanstack/react-query";
import { deliveryQuery } from "./api";

/** A delivery with its attempts, while a dialog shows it (null: none selected). */
export function useDelivery(deliveryId: string | null) {
  return useQuery({ ...deliveryQuery(deliveryId ?? ""), enabled: deliveryId !== null });
}
