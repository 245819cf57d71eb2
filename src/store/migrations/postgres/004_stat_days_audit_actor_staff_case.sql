-- Statistics by calendar day in Europe/Stockholm, so that a view can stop at yesterday; rows written before this
-- have no day and count in their month.
ALTER TABLE stat_event ADD COLUMN day TEXT;

-- Who did an audited action when no staff member did: 'cli' for the lotsen command.
ALTER TABLE audit ADD COLUMN actor TEXT;

-- Staff usernames are unique without regard to case. A database that already holds two that differ only in case
-- (which sign-in could not tell apart) stops here: rename or remove one of each pair, then start again.
DO $$
DECLARE
  dupes TEXT;
BEGIN
  SELECT string_agg(name, ', ' ORDER BY name) INTO dupes FROM (SELECT lower(username) AS name FROM staff GROUP BY 1 HAVING COUNT(*) > 1) d;
  IF dupes IS NOT NULL THEN
    RAISE EXCEPTION 'Staff usernames that differ only in case exist: %. Rename or remove one of each, then start again.', dupes;
  END IF;
END $$;
CREATE UNIQUE INDEX staff_username_lower ON staff (lower(username));
