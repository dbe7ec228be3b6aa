-- AlterTable
ALTER TABLE "CalendarToken" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'person';

-- The old shared token served the whole schedule.
UPDATE "CalendarToken" SET "scope" = 'schedule' WHERE "userId" IS NULL;

-- Keep only the SHA-256 (hex) of each secret: the links people already use keep working, and
-- the store (its files, its write-ahead log, a backup) no longer holds a usable secret.
UPDATE "CalendarToken" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
