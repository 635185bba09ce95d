-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search as you type shows first the persons whose full name begins with
-- what was typed, in the order of their names: a range of this index,
-- read in order, fills the first screen without sorting.
CREATE INDEX person_name ON person (commune_code, name_folded) WHERE deleted = 0;
