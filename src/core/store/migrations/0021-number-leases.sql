-- SPDX-License-Identifier: GPL-3.0-or-later
-- Numbers granted by the server (DESIGN.md §4.7, issue 11). A desk's block
-- of dossier codes says where it came from: taken here by a standalone
-- desktop ('local'), granted by the server ('server'), or the desk's own
-- offline sub-range the server assigned it ('fallback'). Once a desktop is
-- enrolled, only the last two give codes. The column is added in C
-- (xaso-lease-upgrade.c), which looks before it alters.
SELECT 1;
