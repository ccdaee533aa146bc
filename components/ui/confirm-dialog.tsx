"use client";

import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Dialog, DialogActions } from "./dialog";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Danger for destructive or disruptive actions. */
  tone?: "primary" | "danger";
  loading?: boolean;
  error?: string | null;
}

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
  tone = "primary",
  loading,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      footer={
        <DialogActions onCancel={onCancel} pending={loading} variant={tone} onClick={onConfirm}>
          {confirmLabel}
        </DialogActions>
      }
    >
      {error && <Alert tone="danger">{error}</Alert>}
    </Dialog>
  );
}
