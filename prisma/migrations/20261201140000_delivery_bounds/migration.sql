-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "leaseRecoveries" INTEGER NOT NULL DEFAULT 0;
