/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-test-cli.h"
#include "xaso-test-util.h"

/* xasoctl procedure: the catalogue of a small demo commune listed, shown,
 * exported and imported back, with tab-separated answers. */

static void
test_procedure_verbs (void)
{
  g_autofree char *path = xaso_test_temp_path ("procedures.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *file = g_build_filename (dir, "danh-muc.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "hong.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);

  g_assert_cmpint (run (&out, &err, "--db", path, "procedure", "list", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 32);
  g_assert_nonnull (strstr (out, "1.001193\t1\tĐăng ký khai sinh\tHộ tịch\tsame_day_15h\t0\n"));
  g_assert_nonnull (strstr (out, "\t3 working_days\tprovince\n"));
  g_assert_cmpint (run (&out, &err, "--db", path, "procedure", "list", "--search", "dang ky khai s", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1.001193\t1\tĐăng ký khai sinh\t"));
  g_assert_cmpint (run (&out, &err, "--db", path, "procedure", "list", "--date", "2025-06-30", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");

  g_assert_cmpint (run (&out, &err, "--db", path, "procedure", "show", "1.001193", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "name\tĐăng ký khai sinh\n"));
  g_assert_nonnull (strstr (out, "paper\t1\tTờ khai đăng ký khai sinh theo mẫu\n"));
  g_assert_nonnull (strstr (out, "step\t1\tTiếp nhận, kiểm tra hồ sơ (Bộ phận Một cửa)\t0.5\n"));
  g_assert_nonnull (strstr (out, "history\t1\t2025-07-01\t\t"));
  g_assert_cmpint (run (&out, &err, "--db", path, "procedure", "show", "9.999999", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");

  expect ("", "--db", path, "procedure", "export", file, NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "procedure", "import", file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--as"));
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "tuphap", "procedure", "import", file, NULL), ==, 1);
  expect ("added 0, new versions 0, unchanged 32\n", "--db", path, "--as", "quantri", "procedure", "import", file,
          NULL);

  /* A wrong file is refused, naming its line. */
  g_assert_true (g_file_set_contents (broken, "{\n  \"valid_from\": \"2026-01-01\",\n  \"procedures\": [\n"
                                      "    {\"code\": \"9.1\", \"name\": \"\"}\n  ]\n}\n", -1, NULL));
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "quantri", "procedure", "import", broken, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "Line 4: ") || g_str_has_prefix (err, "Dòng 4: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/procedure/list-show-export-import", test_procedure_verbs);
  return g_test_run ();
}
