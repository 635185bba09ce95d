-- SPDX-License-Identifier: GPL-3.0-or-later
-- Attachment blobs on their way to or from the province's server
-- (PROTOCOL.md, "Blobs"). A row per blob and direction, kept across
-- restarts so a transfer goes on where it stopped and the Đồng bộ page can
-- show it. An upload row whose state is 'done' is how this desktop knows
-- the server holds the whole blob: an op naming it is no longer held. A
-- download row goes once its file is in place.
CREATE TABLE IF NOT EXISTS blob_transfer (
  name            TEXT NOT NULL CHECK (length (name) = 64),  -- attachment.sha256
  direction       TEXT NOT NULL CHECK (direction = 'up' OR direction = 'down'),
  size            INTEGER NOT NULL DEFAULT 0,  -- bytes of the blob as it travels, 0 until known
  done            INTEGER NOT NULL DEFAULT 0,  -- bytes the other side has (up) or the .part holds (down)
  state           TEXT NOT NULL DEFAULT 'queued'
                  CHECK (state = 'queued' OR state = 'waiting' OR state = 'done'),
  last_error      TEXT,                        -- why the last attempt stopped, for the page
  attempts        INTEGER NOT NULL DEFAULT 0,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (name, direction)
) WITHOUT ROWID;
