-- AlterTable
ALTER TABLE "LectureSession" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LectureTurn" ADD COLUMN     "dmKey" TEXT,
ADD COLUMN     "dmMoment" TEXT;

-- AlterTable
ALTER TABLE "RotationState" ADD COLUMN     "roster" JSONB;

-- AlterTable
ALTER TABLE "SwapRequest" ADD COLUMN     "toTurnId" INTEGER;

-- CreateIndex
CREATE INDEX "CalendarToken_userId_idx" ON "CalendarToken"("userId");

-- CreateIndex
CREATE INDEX "SwapRequest_state_expiresAt_idx" ON "SwapRequest"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "SwapRequest_turnId_idx" ON "SwapRequest"("turnId");
