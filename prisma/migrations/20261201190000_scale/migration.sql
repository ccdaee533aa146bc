-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "retentionDays" INTEGER NOT NULL DEFAULT 90;

-- CreateIndex
CREATE INDEX "WebhookDelivery_jobEventId_idx" ON "WebhookDelivery"("jobEventId");
