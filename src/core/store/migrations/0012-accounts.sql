-- SPDX-License-Identifier: GPL-3.0-or-later
-- Accounts (issue 8): a user's roles become a field of the user record, so
-- a change of roles is one captured change like any other (the user_role
-- table was written outside change capture), and the password one
-- verifier field, "pbkdf2-sha256$ITERATIONS$SALT$HASH" (xaso-password.h),
-- in place of the three columns never written. Done in C by
-- _xaso_database_upgrade_accounts(), which looks before it alters.
SELECT 1;
