-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "afterKey" TEXT;

-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING';

-- CreateTable
CREATE TABLE "CronTick" (
    "key" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CronTick_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Replica" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Replica_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CronTick_createdAt_idx" ON "CronTick"("createdAt");

-- CreateIndex
CREATE INDEX "Replica_heartbeatAt_idx" ON "Replica"("heartbeatAt");

-- CreateIndex
CREATE INDEX "JobRun_status_firedAt_idx" ON "JobRun"("status", "firedAt");
