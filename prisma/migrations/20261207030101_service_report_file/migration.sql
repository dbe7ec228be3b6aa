-- AlterTable
ALTER TABLE "ServiceReport" ADD COLUMN     "fileId" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fileUrl" TEXT;
