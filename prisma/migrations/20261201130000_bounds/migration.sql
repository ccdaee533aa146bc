-- CreateIndex
CREATE INDEX "JobEvent_workspaceId_receivedAt_idx" ON "JobEvent"("workspaceId", "receivedAt");
