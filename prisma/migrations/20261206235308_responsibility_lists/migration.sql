-- CreateTable
CREATE TABLE "ResponsibilityList" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "owner" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResponsibilityList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibilityItem" (
    "id" SERIAL NOT NULL,
    "listId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "duty" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "result" TEXT,
    "status" "PlanItemStatus" NOT NULL DEFAULT 'OPEN',
    "progress" TEXT,
    "progressAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "doneBy" TEXT,
    "movedFrom" TEXT,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "ResponsibilityItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibilityItemEvent" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResponsibilityItemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibilityCheck" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" TEXT,
    "ts" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResponsibilityCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResponsibilityList_year_owner_key" ON "ResponsibilityList"("year", "owner");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsibilityItem_listId_position_key" ON "ResponsibilityItem"("listId", "position");

-- CreateIndex
CREATE INDEX "ResponsibilityItemEvent_itemId_idx" ON "ResponsibilityItemEvent"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsibilityCheck_year_quarter_userId_key" ON "ResponsibilityCheck"("year", "quarter", "userId");

-- AddForeignKey
ALTER TABLE "ResponsibilityItem" ADD CONSTRAINT "ResponsibilityItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ResponsibilityList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibilityItemEvent" ADD CONSTRAINT "ResponsibilityItemEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ResponsibilityItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
