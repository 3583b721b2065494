-- Token buckets shared by every replica: the brakes on guessing (verification codes, grant codes) and on objections.
-- A bucket key is a limit's name and a SHA-256 of what it counts (a certificate number, a client address), never the
-- value itself. tokens may go below zero: failures that raced past the check are paid back before the next guess.
CREATE TABLE brake_bucket (
    bucket_key  varchar(80)      NOT NULL,
    tokens      double precision NOT NULL,
    refilled_at timestamptz      NOT NULL,
    -- when the bucket is full again; from then on it holds nothing a fresh bucket would not, and may be forgotten
    full_at     timestamptz      NOT NULL,
    CONSTRAINT brake_bucket_pk PRIMARY KEY (bucket_key)
);
CREATE INDEX brake_bucket_full_at_idx ON brake_bucket (full_at);
