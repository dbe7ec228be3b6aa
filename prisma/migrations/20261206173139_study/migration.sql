-- CreateTable
CREATE TABLE "StudySession" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "branchId" INTEGER,
    "topic" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "materials" JSONB NOT NULL,
    "chairUserId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "occurrence" TEXT,
    "channelId" TEXT NOT NULL,
    "noticeTs" TEXT,
    "attendanceAt" TIMESTAMP(3),
    "makeUpDue" TEXT,
    "makeUpRemindOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyAttendee" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "response" TEXT,
    "reason" TEXT,
    "respondedAt" TIMESTAMP(3),
    "attendance" TEXT,
    "makeUpNote" TEXT,
    "madeUpAt" TIMESTAMP(3),
    "makeUpRemindedAt" TIMESTAMP(3),

    CONSTRAINT "StudyAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyDraw" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "drawnAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "StudyDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyProject" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "leadUserId" TEXT NOT NULL,
    "members" JSONB NOT NULL,
    "question" TEXT NOT NULL,
    "advisorUserId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'active',
    "resultLink" TEXT,
    "resultSummary" TEXT,
    "reviewComment" TEXT,
    "reviewedBy" TEXT,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyMilestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" TEXT,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "StudyMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudySession_occurrence_key" ON "StudySession"("occurrence");

-- CreateIndex
CREATE INDEX "StudySession_date_idx" ON "StudySession"("date");

-- CreateIndex
CREATE INDEX "StudyAttendee_userId_idx" ON "StudyAttendee"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyAttendee_sessionId_userId_key" ON "StudyAttendee"("sessionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyDraw_sessionId_seq_key" ON "StudyDraw"("sessionId", "seq");

-- CreateIndex
CREATE INDEX "StudyProject_year_idx" ON "StudyProject"("year");

-- CreateIndex
CREATE UNIQUE INDEX "StudyMilestone_projectId_position_key" ON "StudyMilestone"("projectId", "position");

-- AddForeignKey
ALTER TABLE "StudyAttendee" ADD CONSTRAINT "StudyAttendee_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyDraw" ADD CONSTRAINT "StudyDraw_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMilestone" ADD CONSTRAINT "StudyMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "StudyProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
