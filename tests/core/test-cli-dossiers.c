/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-test-cli.h"
#include "xaso-test-util.h"

/* xasoctl dossier: a guardianship dossier (3 working days) from the
 * counter to the returned result, on a small demo commune and its demo
 * accounts, with tab-separated answers. */

static char *
field (const char *line,
       guint       n)
{
  g_auto(GStrv) parts = g_strsplit (line, "\t", -1);

  g_assert_cmpuint (g_strv_length (parts), >, n);
  return g_strdup (g_strchomp (parts[n]));
}

/* Fails, with nothing on stdout and a message on stderr. */
#define refuse(code, ...)                                          \
  G_STMT_START {                                                   \
    g_autofree char *_out = NULL, *_err = NULL;                    \
    g_assert_cmpint (run (&_out, &_err, __VA_ARGS__), ==, (code));  \
    g_assert_cmpstr (_out, ==, "");                                \
    g_assert_cmpstr (_err, !=, "");                                \
  } G_STMT_END

/* The dossier received Fri 4/12/2026 10:00, from the officer to the
 * leader and back to the counter. */
static void
walk_through (const char *path,
              const char *id,
              const char *code)
{
  g_autofree char *out = NULL, *err = NULL;

  expect ("4\t2026-12-09 10:00\tIn progress\n", "--db", path, "--as", "motcua1", "dossier", "event", code, "assign",
          "--to", "tuphap", "--at", "2026-12-04 10:30", NULL);
  /* Paused Mon 7/12 09:00 → Tue 8/12 09:00 (8 h): no due meanwhile, then Thu 10/12 10:00. */
  expect ("5\t\tSupplement requested\n", "--db", path, "--as", "tuphap", "dossier", "event", code,
          "request-supplement", "--papers", "Văn bản cử người giám hộ", "--at", "2026-12-07 09:00", NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "dossier", "list", "--queue", "supplement", NULL), ==, 0);
  g_assert_nonnull (strstr (out, code));
  expect ("4\t2026-12-10 10:00\tIn progress\n", "--db", path, "--as", "motcua1", "dossier", "event", code,
          "supplement-received", "--at", "2026-12-08 09:00", NULL);
  expect ("4\t2026-12-10 10:00\tIn progress\n", "--db", path, "--as", "tuphap", "dossier", "event", code, "forward",
          "--to", "chutich", "--at", "2026-12-09 09:00", NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "chutich", "dossier", "list", "--queue", "to-approve",
                        NULL), ==, 0);
  g_assert_nonnull (strstr (out, code));

  /* Only a leader approves; a returned step at the wrong status is refused. */
  refuse (1, "--db", path, "--as", "tuphap", "dossier", "event", code, "approve", NULL);
  refuse (1, "--db", path, "--as", "motcua1", "dossier", "event", code, "return", NULL);
  refuse (2, "--db", path, "--as", "chutich", "dossier", "event", code, "sign", NULL);
  refuse (2, "--db", path, "dossier", "list", "--queue", "someday", NULL);
  expect ("9\t2026-12-10 10:00\tProcessed\n", "--db", path, "--as", "chutich", "dossier", "event", code, "approve",
          "--at", "2026-12-10 09:00", NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "dossier", "list", "--queue", "to-return", "--search",
                        "tran thi binh", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, id));
  g_assert_nonnull (strstr (out, "\t9\tTrần Thị Bình\t2026-12-04 10:00\t2026-12-10 10:00\n"));
  expect ("10\t2026-12-10 10:00\tResult returned\n", "--db", path, "--as", "motcua1", "dossier", "event", code,
          "return", "--at", "2026-12-10 14:00", NULL);
  refuse (1, "--db", path, "--as", "chutich", "dossier", "event", code, "approve", NULL);

  g_assert_cmpint (run (&out, &err, "--db", path, "dossier", "show", code, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "status\t10\t"));
  g_assert_nonnull (strstr (out, "legal_due\t2026-12-10 10:00\n"));
  g_assert_nonnull (strstr (out, "timeliness\t"));
  g_assert_nonnull (strstr (out, "pause\t2026-12-07 09:00\t2026-12-08 09:00\n"));
  g_assert_nonnull (strstr (out, "\tapproved\t"));
  refuse (1, "--db", path, "dossier", "show", "000.00.31.H80-000000-0000", NULL);

  /* Nothing to refold after all that. */
  expect ("0\n", "--db", path, "dossier", "refold", NULL);
}

static void
test_dossier_flow (void)
{
  g_autofree char *path = xaso_test_temp_path ("dossier.db");
  g_autofree char *guidance = xaso_test_temp_path ("guidance.pdf");
  g_autofree char *out = NULL, *err = NULL, *id = NULL, *code = NULL, *due = NULL;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);

  /* Received Fri 4/12/2026 10:00: due Mon 7 (1), Tue 8 (2), Wed 9 (3) at 10:00. */
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "motcua1", "dossier", "receive", "--procedure", "1.004837",
                        "--applicant-name", "Trần Thị Bình", "--applicant-id", "024185123456", "--at",
                        "2026-12-04 10:00", NULL), ==, 0);
  id = field (out, 0);
  code = field (out, 1);
  due = field (out, 2);
  g_assert_true (g_regex_match_simple ("^000\\.00\\.31\\.H80-261204-\\d{4}$", code, 0, 0));
  g_assert_cmpstr (due, ==, "2026-12-09 10:00");
  g_assert_true (g_str_has_prefix (out, id));

  /* A missing paper, a bad ID number, an officer at the counter: refused. */
  refuse (1, "--db", path, "--as", "motcua1", "dossier", "receive", "--procedure", "1.004837", "--applicant-name",
          "Lê Văn Thiếu", "--papers", "1", NULL);
  /* … the applicant leaves with the guidance that names what is missing. */
  refuse (1, "--db", path, "--as", "motcua1", "dossier", "receive", "--procedure", "1.004837", "--applicant-name",
          "Lê Văn Thiếu", "--papers", "1", "--guidance", guidance, NULL);
  g_assert_true (g_file_test (guidance, G_FILE_TEST_IS_REGULAR));
  refuse (1, "--db", path, "--as", "motcua1", "dossier", "receive", "--procedure", "1.004837", "--applicant-name",
          "Lê Văn Sai", "--applicant-id", "12345", NULL);
  refuse (1, "--db", path, "--as", "tuphap", "dossier", "receive", "--procedure", "1.004837", "--applicant-name",
          "Lê Văn Quyền", NULL);
  walk_through (path, id, code);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/dossier/flow", test_dossier_flow);
  return g_test_run ();
}
