-- SPDX-License-Identifier: GPL-3.0-or-later
-- The organization's signature (the seal, with the number, notation and
-- date of issue on the page) that the văn thư applies once a document is
-- issued: document.sealed_date, the day it was applied (NULL: issued but
-- not sealed yet). The column is added by its code step
-- (_xaso_database_upgrade_document_seal), which an upgrade may run twice.
SELECT 1;
