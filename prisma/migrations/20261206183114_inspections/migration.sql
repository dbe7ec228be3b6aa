-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "opensOn" TEXT NOT NULL,
    "closesOn" TEXT NOT NULL,
    "checklist" JSONB NOT NULL,
    "conflicts" JSONB NOT NULL DEFAULT '[]',
    "skippedReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionAssignment" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "inspectorBranchId" INTEGER,
    "inspectorUserId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "scores" JSONB,
    "note" TEXT,
    "total" DOUBLE PRECISION,
    "draft" JSONB,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMP(3),
    "amendedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "problem" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "suggestion" TEXT,
    "ownerId" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'OPEN',
    "doneText" TEXT,
    "evidence" TEXT,
    "reportedBy" TEXT,
    "reportedAt" TIMESTAMP(3),
    "verifiedBy" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "verifiedOn" TEXT,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "lastComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InspectionRound_key_key" ON "InspectionRound"("key");

-- CreateIndex
CREATE INDEX "InspectionRound_kind_period_idx" ON "InspectionRound"("kind", "period");

-- CreateIndex
CREATE INDEX "InspectionAssignment_inspectorUserId_idx" ON "InspectionAssignment"("inspectorUserId");

-- CreateIndex
CREATE INDEX "InspectionAssignment_inspectorBranchId_idx" ON "InspectionAssignment"("inspectorBranchId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionAssignment_roundId_branchId_key" ON "InspectionAssignment"("roundId", "branchId");

-- CreateIndex
CREATE INDEX "Rectification_ownerId_state_idx" ON "Rectification"("ownerId", "state");

-- CreateIndex
CREATE INDEX "Rectification_branchId_state_idx" ON "Rectification"("branchId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_assignmentId_position_key" ON "Rectification"("assignmentId", "position");

-- AddForeignKey
ALTER TABLE "InspectionAssignment" ADD CONSTRAINT "InspectionAssignment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionAssignment" ADD CONSTRAINT "InspectionAssignment_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "InspectionAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
