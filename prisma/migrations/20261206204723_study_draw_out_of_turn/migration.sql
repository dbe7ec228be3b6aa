-- AlterTable
ALTER TABLE "StudyDraw" ADD COLUMN     "outOfTurn" BOOLEAN NOT NULL DEFAULT false;
