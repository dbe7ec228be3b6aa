-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('ARRANGEMENT', 'CONDUCT', 'THEORY', 'THEME_DAY');

-- CreateEnum
CREATE TYPE "PlanItemStatus" AS ENUM ('OPEN', 'DONE');

-- AlterTable
ALTER TABLE "TaskItem" ADD COLUMN     "planItemId" INTEGER;

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "state" "TaskListState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "currentRevision" INTEGER NOT NULL DEFAULT 0,
    "approvedRevision" INTEGER,
    "firstMonth" INTEGER NOT NULL DEFAULT 1,
    "dueAt" TIMESTAMP(3),
    "firstSubmittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "reminderChannel" TEXT,
    "reminderTs" TEXT,
    "committeeChannel" TEXT,
    "committeeTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanRevision" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "RevisionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "isAmendment" BOOLEAN NOT NULL DEFAULT false,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "DecisionKind",
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,

    CONSTRAINT "AnnualPlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanItem" (
    "id" SERIAL NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "expectedResult" TEXT,
    "status" "PlanItemStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "doneBy" TEXT,
    "movedFrom" TEXT,
    "moveReason" TEXT,

    CONSTRAINT "AnnualPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanItemEvent" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualPlanItemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanDraft" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "planId" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualPlanDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanQuarterCheck" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "channel" TEXT,
    "ts" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanQuarterCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnualPlan_year_state_idx" ON "AnnualPlan"("year", "state");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_branchId_year_kind_key" ON "AnnualPlan"("branchId", "year", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlanRevision_planId_number_key" ON "AnnualPlanRevision"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlanItem_revisionId_position_key" ON "AnnualPlanItem"("revisionId", "position");

-- CreateIndex
CREATE INDEX "AnnualPlanItemEvent_itemId_idx" ON "AnnualPlanItemEvent"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlanDraft_userId_planId_key" ON "AnnualPlanDraft"("userId", "planId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanQuarterCheck_branchId_year_quarter_key" ON "PlanQuarterCheck"("branchId", "year", "quarter");

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanRevision" ADD CONSTRAINT "AnnualPlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanItem" ADD CONSTRAINT "AnnualPlanItem_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "AnnualPlanRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanItemEvent" ADD CONSTRAINT "AnnualPlanItemEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AnnualPlanItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
