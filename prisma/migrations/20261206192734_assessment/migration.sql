-- CreateTable
CREATE TABLE "AssessmentYear" (
    "year" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "rules" JSONB NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "draftedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finalizedAt" TIMESTAMP(3),
    "finalizedBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AssessmentYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "AssessmentCard" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "branchId" INTEGER NOT NULL,
    "fromPeriod" TEXT NOT NULL,
    "toPeriod" TEXT NOT NULL,
    "computed" JSONB NOT NULL,
    "effectiveness" DOUBLE PRECISION,
    "frozen" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "id" SERIAL NOT NULL,
    "cardId" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "scoredBy" TEXT NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRemark" (
    "id" SERIAL NOT NULL,
    "cardId" INTEGER NOT NULL,
    "indicator" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),
    "corrected" DOUBLE PRECISION,

    CONSTRAINT "AssessmentRemark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentCard_year_branchId_key" ON "AssessmentCard"("year", "branchId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentScore_cardId_indicator_key" ON "AssessmentScore"("cardId", "indicator");

-- CreateIndex
CREATE INDEX "AssessmentRemark_cardId_idx" ON "AssessmentRemark"("cardId");

-- AddForeignKey
ALTER TABLE "AssessmentCard" ADD CONSTRAINT "AssessmentCard_year_fkey" FOREIGN KEY ("year") REFERENCES "AssessmentYear"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCard" ADD CONSTRAINT "AssessmentCard_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "AssessmentCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRemark" ADD CONSTRAINT "AssessmentRemark_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "AssessmentCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
