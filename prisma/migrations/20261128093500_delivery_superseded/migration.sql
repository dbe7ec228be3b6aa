-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'SUPERSEDED';
