-- SPDX-License-Identifier: GPL-3.0-or-later
-- CHECK constraints that list allowed values ("kind IN ('insert', 'update',
-- 'delete')") written as comparisons instead, with the same meaning: SQLite
-- built a lookup table for each such list on every row written, a third of
-- the time of a bulk import. Done in C by _xaso_database_inline_check_lists(),
-- in the schema text, as SQLite documents for changing a CHECK constraint;
-- no row is rewritten.
SELECT 1;
