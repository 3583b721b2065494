-- A suspension's reason is free text of up to 200 characters (StatusService.SUSPENSION_REASON_MAX), as the API has
-- always documented; the column held only 32, so a longer reason passed validation and failed the insert.
ALTER TABLE certificate ALTER COLUMN status_reason TYPE VARCHAR(200);
