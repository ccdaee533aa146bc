"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, LiveAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { formatExact } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { replayFailedMutation } from "./mutations";
import { replayCountQuery } from "./queries";

export interface ReplayFailedDialogProps {
  endpointId: string;
  open: boolean;
  onClose: () => void;
}

/** `<input type="datetime-local">` speaks local time without a zone: "2026-11-28T09:30". */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function toIso(localInput: string): string | null {
  const date = new Date(localInput);
  return Number.isNaN(date.getTime()) || date.getTime() > Date.now() ? null : date.toISOString();
}

/** Picks a start time, shows how many failed deliveries that covers, then resends them all. */
export function ReplayFailedDialog({ endpointId, open, onClose }: ReplayFailedDialogProps) {
  const [localSince, setLocalSince] = useState(() => toLocalInput(new Date(Date.now() - 24 * 3600_000)));
  const since = toIso(localSince);
  const count = useQuery({ ...replayCountQuery(endpointId, since ?? ""), enabled: open && since !== null });
  const replay = useMutation(replayFailedMutation());
  const n = count.data?.count;

  function close() {
    replay.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Replay failed deliveries"
      description="Every delivery to this endpoint that was given up since the time you choose is sent again, with its original webhook-id."
      footer={
        replay.isSuccess ? (
          <Button onClick={close}>Done</Button>
        ) : (
          <DialogActions
            onCancel={close}
            pending={replay.isPending}
            onClick={() => since && replay.mutate({ endpointId, since })}
            disabled={!since || !n}
          >
            {n ? `Replay ${n} ${n === 1 ? "delivery" : "deliveries"}` : "Replay"}
          </DialogActions>
        )
      }
    >
      <div className="flex flex-col gap-4">
        <div className="space-y-1.5">
          <Label htmlFor="replay-since">Failed since</Label>
          <Input
            id="replay-since"
            type="datetime-local"
            value={localSince}
            max={toLocalInput(new Date())}
            onChange={(event) => setLocalSince(event.target.value)}
          />
        </div>
        <p
          className="flex min-h-5 items-center gap-2 text-sm text-default"
          aria-live="polite"
          data-testid="replay-count"
        >
          {!since ? (
            "Choose a time in the past."
          ) : count.isPending ? (
            <>
              <Spinner className="text-muted" /> Counting…
            </>
          ) : count.isError ? (
            count.error.message
          ) : n === 0 ? (
            `No failed deliveries since ${formatExact(since)}.`
          ) : (
            `${n} failed ${n === 1 ? "delivery" : "deliveries"} since ${formatExact(since)}.`
          )}
        </p>
        <LiveAlert tone="success">
          {replay.isSuccess &&
            `${replay.data.count} ${replay.data.count === 1 ? "delivery was" : "deliveries were"} queued again.`}
        </LiveAlert>
        {replay.isError && <Alert tone="danger">{replay.error.message}</Alert>}
      </div>
    </Dialog>
  );
}
