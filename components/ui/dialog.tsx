"use client";

import { type FormEvent, type ReactNode, useId } from "react";
import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";
import { useModalDialog } from "./use-modal-dialog";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned in the footer. */
  footer?: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape, restores focus to
 * the opener and makes the page behind inert — no focus-trap library needed.
 */
export function Dialog({ open, onClose, title, description, children, footer, className }: DialogProps) {
  const { ref, onCancel, onClose: onNativeClose } = useModalDialog(open, onClose);
  const titleId = useId();
  const descriptionId = useId();

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop; Escape closes a modal <dialog> natively.
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={onCancel}
      onClose={onNativeClose}
      // A click on the backdrop lands on the <dialog> element itself.
      onClick={(event) => event.target === ref.current && onClose()}
      className={cn(
        "m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-subtle bg-default p-0 text-emphasis shadow-xl",
        "backdrop:bg-overlay backdrop:backdrop-blur-[1px]",
        className,
      )}
    >
      <div className="space-y-2 px-6 pt-6">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        {description && (
          <div id={descriptionId} className="text-sm text-subtle">
            {description}
          </div>
        )}
      </div>
      {children && <div className="px-6 pt-4">{children}</div>}
      {footer && (
        <div className="mt-6 flex justify-end gap-2 border-t border-subtle bg-muted/60 px-6 py-3.5">{footer}</div>
      )}
    </dialog>
  );
}

export interface DialogActionsProps extends ButtonProps {
  onCancel: () => void;
  /** The action runs: its button spins and Cancel waits for it. */
  pending?: boolean;
}

/** A dialog's footer: Cancel, and the button that does what the dialog is for (a click, or its form's submit). */
export function DialogActions({ onCancel, pending = false, children, ...action }: DialogActionsProps) {
  return (
    <>
      <Button variant="secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button loading={pending} {...action}>
        {children}
      </Button>
    </>
  );
}

export interface FormDialogProps extends Omit<DialogProps, "footer" | "children"> {
  submitLabel: string;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The form's accessible name, where the dialog's title does not say it. */
  formLabel?: string;
  children: ReactNode;
}

/** A dialog around one form: its fields in the body, Cancel and the submit button in the footer. The caller validates (noValidate). */
export function FormDialog({ submitLabel, pending, onSubmit, formLabel, children, ...dialog }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      {...dialog}
      footer={
        <DialogActions onCancel={dialog.onClose} pending={pending} type="submit" form={formId}>
          {submitLabel}
        </DialogActions>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={formLabel}>
        {children}
      </form>
    </Dialog>
  );
}
