-- Statistics by calendar day in Europe/Stockholm, so that a view can stop at yesterday; rows written before this
-- have no day and count in their month.
ALTER TABLE stat_event ADD COLUMN day TEXT;

-- Who did an audited action when no staff member did: 'cli' for the lotsen command.
ALTER TABLE audit ADD COLUMN actor TEXT;

-- Staff usernames are unique without regard to case. A database that already holds two that differ only in case
-- (which sign-in could not tell apart) stops here: rename or remove one of each pair, then start again.
CREATE TEMP TABLE staff_username_check (n INTEGER);
CREATE TEMP TRIGGER staff_username_check_refuse BEFORE INSERT ON staff_username_check
BEGIN
  SELECT RAISE(ABORT, 'Staff usernames that differ only in case exist (find them with: SELECT lower(username) FROM staff GROUP BY 1 HAVING COUNT(*) > 1). Rename or remove one of each, then start again.');
END;
INSERT INTO staff_username_check SELECT 1 WHERE EXISTS (SELECT 1 FROM staff GROUP BY lower(username) HAVING COUNT(*) > 1);
DROP TRIGGER staff_username_check_refuse;
DROP TABLE staff_username_check;
CREATE UNIQUE INDEX staff_username_lower ON staff (lower(username));
