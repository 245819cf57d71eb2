-- Statistics by calendar day in Europe/Stockholm, so that a view can stop at yesterday; rows written before this
-- have no day and count in their month.
ALTER TABLE stat_event ADD COLUMN day TEXT;

-- Who did an audited action when no staff member did: 'cli' for the lotsen command.
ALTER TABLE audit ADD COLUMN actor TEXT;

-- Staff usernames are unique without regard to case. A database that already holds two that differ only in case
-- (which sign-in could not tell apart) stops here: the index cannot be made, and the migration says what to do.
CREATE UNIQUE INDEX staff_username_lower ON staff (lower(username));
