import { Badge } from "@/components/ui/badge";
import type { DeliveryView } from "@/lib/delivery/types";
import { deliveryStatusStyle } from "./format-delivery";

export function DeliveryStatusChip({ delivery }: { delivery: Pick<DeliveryView, "status" | "attemptCount"> }) {
  const style = deliveryStatusStyle(delivery);
  return (
    <Badge tone={style.tone} dot={style.dot} data-testid="delivery-status">
      {style.label}
    </Badge>
  );
}
