-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'COMPLETION_REQUESTED', 'DONE');

-- CreateTable
CREATE TABLE "ServiceRegistration" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "community" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceReport" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "branchKey" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "community" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "centiHours" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "link" TEXT,
    "queriedBy" TEXT,
    "query" TEXT,
    "queryChannel" TEXT,
    "queryTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceQueryReply" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "slackTs" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceQueryReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticalProject" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "serves" TEXT NOT NULL,
    "branchKey" TEXT NOT NULL,
    "leadUserId" TEXT,
    "goal" TEXT NOT NULL,
    "beneficiaries" INTEGER NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 0,
    "channel" TEXT,
    "ts" TEXT,
    "requestedAt" TIMESTAMP(3),
    "confirmedBy" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticalProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "due" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneBy" TEXT,

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectNote" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "fileId" TEXT,
    "slackTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRegistration_userId_key" ON "ServiceRegistration"("userId");

-- CreateIndex
CREATE INDEX "ServiceReport_branchKey_quarter_idx" ON "ServiceReport"("branchKey", "quarter");

-- CreateIndex
CREATE INDEX "ServiceReport_userId_date_idx" ON "ServiceReport"("userId", "date");

-- CreateIndex
CREATE INDEX "ServiceReport_queryChannel_queryTs_idx" ON "ServiceReport"("queryChannel", "queryTs");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceQueryReply_reportId_slackTs_key" ON "ServiceQueryReply"("reportId", "slackTs");

-- CreateIndex
CREATE UNIQUE INDEX "PracticalProject_key_key" ON "PracticalProject"("key");

-- CreateIndex
CREATE INDEX "PracticalProject_year_status_idx" ON "PracticalProject"("year", "status");

-- CreateIndex
CREATE INDEX "PracticalProject_channel_ts_idx" ON "PracticalProject"("channel", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMilestone_projectId_position_key" ON "ProjectMilestone"("projectId", "position");

-- CreateIndex
CREATE INDEX "ProjectNote_projectId_createdAt_idx" ON "ProjectNote"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectNote_projectId_slackTs_key" ON "ProjectNote"("projectId", "slackTs");

-- AddForeignKey
ALTER TABLE "ServiceQueryReply" ADD CONSTRAINT "ServiceQueryReply_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ServiceReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "PracticalProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectNote" ADD CONSTRAINT "ProjectNote_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "PracticalProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
