"use client";

import { type RefObject, useEffect, useRef } from "react";

export interface ModalDialogBinding {
  ref: RefObject<HTMLDialogElement | null>;
  onCancel: () => void;
  onClose: () => void;
}

/**
 * Keeps a native modal <dialog> and the `open` state that drives it in step. Escape closes the
 * element at once but announces it with a `close` event queued for later; a click on the opener
 * in between (Chrome runs input ahead of that queue) found the state still open, changed
 * nothing, and the late `close` then left the dialog shut. So the state follows `cancel`, which
 * fires with the Escape itself, and a late `close` arriving after the dialog opened again is
 * ignored.
 */
export function useModalDialog(open: boolean, onClose: () => void): ModalDialogBinding {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return {
    ref,
    onCancel: onClose,
    onClose: () => {
      if (!ref.current?.open) onClose();
    },
  };
}
