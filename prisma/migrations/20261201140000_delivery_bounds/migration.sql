-- DropIndex
DROP INDEX "WebhookDelivery_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "leaseRecoveries" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_endpointId_nextAttemptAt_idx" ON "WebhookDelivery"("status", "endpointId", "nextAttemptAt");
