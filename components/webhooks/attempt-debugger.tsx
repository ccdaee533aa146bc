"use client";

import { AttemptDebugDialog } from "./attempt-debug-dialog";
import { DeliveryDialog } from "./delivery-dialog";

/** An attempt to open in the debugger, or (attemptId null) the whole delivery with every attempt. */
export interface DebuggerTarget {
  deliveryId: string;
  attemptId: string | null;
}

interface Props {
  target: DebuggerTarget | null;
  canResend: boolean;
  canCopyCurl: boolean;
  onClose: () => void;
}

/** The job page's way into a delivery: one attempt's exchange, or the delivery's every attempt. */
export function AttemptDebugger({ target, canResend, canCopyCurl, onClose }: Props) {
  if (target && target.attemptId === null) {
    return (
      <DeliveryDialog
        deliveryId={target.deliveryId}
        canManage={canResend}
        canCopyCurl={canCopyCurl}
        onClose={onClose}
      />
    );
  }
  return (
    <AttemptDebugDialog
      target={
        target && target.attemptId !== null ? { deliveryId: target.deliveryId, attemptId: target.attemptId } : null
      }
      canResend={canResend}
      canCopyCurl={canCopyCurl}
      onClose={onClose}
    />
  );
}
