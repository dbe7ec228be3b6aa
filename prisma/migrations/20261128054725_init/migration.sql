-- CreateEnum
CREATE TYPE "CommitteeRoleKind" AS ENUM ('MEMBER', 'ADMIN');

-- CreateEnum
CREATE TYPE "BranchRoleKind" AS ENUM ('SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "TaskListState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "RevisionStatus" AS ENUM ('SUBMITTED', 'WITHDRAWN', 'RETURNED', 'APPROVED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "TaskCategory" AS ENUM ('WORK_ARRANGEMENT', 'CONDUCT_INTEGRITY', 'THEORY_STUDY', 'THEME_PARTY_DAY', 'SERVICE_PROJECT', 'OTHER');

-- CreateEnum
CREATE TYPE "TaskItemStatus" AS ENUM ('OPEN', 'DONE');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'HELD', 'NOT_HELD', 'SKIPPED');

-- CreateEnum
CREATE TYPE "TurnState" AS ENUM ('ASSIGNED', 'CONFIRMED', 'SWAPPED_OUT', 'DROPPED');

-- CreateEnum
CREATE TYPE "SwapState" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "committeeChannel" TEXT NOT NULL,
    "orgFileHash" TEXT,
    "firstAppliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "timezone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeRole" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "CommitteeRoleKind" NOT NULL,

    CONSTRAINT "CommitteeRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Branch" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "classReps" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Branch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchRole" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "BranchRoleKind" NOT NULL,

    CONSTRAINT "BranchRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskList" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "state" "TaskListState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "currentRevision" INTEGER NOT NULL DEFAULT 0,
    "approvedRevision" INTEGER,
    "dueAt" TIMESTAMP(3),
    "firstSubmittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "reminderChannel" TEXT,
    "reminderTs" TEXT,
    "committeeChannel" TEXT,
    "committeeTs" TEXT,
    "branchPlanTs" TEXT,
    "lastEscalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskListRevision" (
    "id" SERIAL NOT NULL,
    "listId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "RevisionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "isAmendment" BOOLEAN NOT NULL DEFAULT false,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskListRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskItem" (
    "id" SERIAL NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "category" "TaskCategory" NOT NULL,
    "ownerUserId" TEXT,
    "dueDate" TEXT,
    "expectedResult" TEXT,
    "status" "TaskItemStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "doneBy" TEXT,

    CONSTRAINT "TaskItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskItemEvent" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "from" "TaskItemStatus" NOT NULL,
    "to" "TaskItemStatus" NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskItemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" SERIAL NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "comment" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListComment" (
    "id" SERIAL NOT NULL,
    "listId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "slackTs" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListDraft" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "branchId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ListDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LectureSession" (
    "id" SERIAL NOT NULL,
    "series" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "topic" TEXT,
    "noticeChannel" TEXT,
    "noticeTs" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LectureSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LectureTurn" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "state" "TurnState" NOT NULL DEFAULT 'ASSIGNED',
    "topic" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LectureTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationState" (
    "series" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RotationState_pkey" PRIMARY KEY ("series")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SwapRequest" (
    "id" SERIAL NOT NULL,
    "turnId" INTEGER NOT NULL,
    "fromUser" TEXT NOT NULL,
    "toUser" TEXT NOT NULL,
    "state" "SwapState" NOT NULL DEFAULT 'PENDING',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "SwapRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarToken" (
    "id" SERIAL NOT NULL,
    "token" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "runner" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" JSONB,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "resultRef" TEXT,
    "resultTs" TEXT,
    "resultChannel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "eventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,
    "source" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeRole_personId_role_key" ON "CommitteeRole"("personId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Branch_key_key" ON "Branch"("key");

-- CreateIndex
CREATE INDEX "BranchRole_personId_idx" ON "BranchRole"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "BranchRole_branchId_personId_role_key" ON "BranchRole"("branchId", "personId", "role");

-- CreateIndex
CREATE INDEX "TaskList_period_state_idx" ON "TaskList"("period", "state");

-- CreateIndex
CREATE INDEX "TaskList_reminderChannel_reminderTs_idx" ON "TaskList"("reminderChannel", "reminderTs");

-- CreateIndex
CREATE UNIQUE INDEX "TaskList_branchId_period_key" ON "TaskList"("branchId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "TaskListRevision_listId_number_key" ON "TaskListRevision"("listId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TaskItem_revisionId_position_key" ON "TaskItem"("revisionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_revisionId_key" ON "Decision"("revisionId");

-- CreateIndex
CREATE UNIQUE INDEX "ListComment_listId_slackTs_key" ON "ListComment"("listId", "slackTs");

-- CreateIndex
CREATE UNIQUE INDEX "ListDraft_userId_branchId_period_key" ON "ListDraft"("userId", "branchId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "LectureSession_series_date_key" ON "LectureSession"("series", "date");

-- CreateIndex
CREATE UNIQUE INDEX "LectureSession_series_seq_key" ON "LectureSession"("series", "seq");

-- CreateIndex
CREATE INDEX "LectureTurn_userId_idx" ON "LectureTurn"("userId");

-- CreateIndex
CREATE INDEX "LectureTurn_sessionId_idx" ON "LectureTurn"("sessionId");

-- CreateIndex
CREATE INDEX "Absence_userId_idx" ON "Absence"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarToken_token_key" ON "CalendarToken"("token");

-- CreateIndex
CREATE INDEX "JobRun_job_firedAt_idx" ON "JobRun"("job", "firedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_occurrence_key" ON "JobRun"("job", "occurrence");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_dedupeKey_key" ON "Delivery"("dedupeKey");

-- CreateIndex
CREATE INDEX "Delivery_status_notBefore_idx" ON "Delivery"("status", "notBefore");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "CommitteeRole" ADD CONSTRAINT "CommitteeRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchRole" ADD CONSTRAINT "BranchRole_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchRole" ADD CONSTRAINT "BranchRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskList" ADD CONSTRAINT "TaskList_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskListRevision" ADD CONSTRAINT "TaskListRevision_listId_fkey" FOREIGN KEY ("listId") REFERENCES "TaskList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskItem" ADD CONSTRAINT "TaskItem_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "TaskListRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskItemEvent" ADD CONSTRAINT "TaskItemEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "TaskItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "TaskListRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListComment" ADD CONSTRAINT "ListComment_listId_fkey" FOREIGN KEY ("listId") REFERENCES "TaskList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LectureTurn" ADD CONSTRAINT "LectureTurn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LectureSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SwapRequest" ADD CONSTRAINT "SwapRequest_turnId_fkey" FOREIGN KEY ("turnId") REFERENCES "LectureTurn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
