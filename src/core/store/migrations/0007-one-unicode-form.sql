-- Text in one Unicode form (NFC) and person sort keys in the Vietnamese
-- alphabetical order. Both are done in C: the text by
-- _xaso_database_normalize_text(), as ordinary changes with their ops so
-- that sync carries them; the sort keys by _xaso_database_refresh_sort_keys()
-- whenever the collation rules that made them change.
SELECT 1;
