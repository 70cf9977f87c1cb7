-- Rescue mode: while set, the server boots the rescue system; it ends by itself at this time
-- (panel.rescue.timeout after the rescue boot) or when the rescue system stops.
ALTER TABLE server ADD COLUMN rescue_until TIMESTAMP WITH TIME ZONE;
