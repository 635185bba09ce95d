/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xaso-test-cli.h"
#include "xaso-test-util.h"

/* xasoctl doc: a document's whole flow from the command line, on a small
 * demo commune and its demo accounts, with tab-separated answers. */

static char *
field (const char *line,
       guint       n)
{
  g_auto(GStrv) parts = g_strsplit (line, "\t", -1);

  g_assert_cmpuint (g_strv_length (parts), >, n);
  return g_strdup (g_strchomp (parts[n]));
}

static void
test_document_flow (void)
{
  g_autofree char *path = xaso_test_temp_path ("doc.db");
  g_autofree char *out = NULL, *err = NULL, *id = NULL, *number = NULL, *reply = NULL, *again = NULL;
  g_autofree char *next = NULL;
  g_autofree char *pdf = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "..", "shared", "testdata", "pdf",
                                          "minimal-hybrid-xref.pdf", NULL);
  g_autofree char *signed_pdf = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "..", "shared", "testdata", "pdf",
                                                 "minimal-signed-twice-both-created.pdf", NULL);

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);

  /* Registering needs someone who may: said with --as. */
  g_assert_cmpint (run (&out, &err, "--db", path, "doc", "incoming", "add", "--issuer", "Sở Tư pháp",
                        "--notation", "15/QĐ-STP", "--date", "2026-12-01", "--subject", "Về việc thử", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--as"));
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "tuphap", "doc", "incoming", "add", "--issuer", "Sở Tư pháp",
                        "--notation", "15/QĐ-STP", "--date", "2026-12-01", "--subject", "Về việc thử", NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "vanthu", "doc", "incoming", "add", "--issuer",
                        "Sở Tư pháp", "--notation", "15/QĐ-STP", "--date", "2026-12-01", "--subject",
                        "Về việc chấn chỉnh công tác hộ tịch", "--urgency", "urgent", "--file", pdf, NULL), ==, 0);
  id = field (out, 0);
  number = field (out, 1);
  g_assert_cmpint (atoi (number), >, 0);
  /* The same document again is a duplicate; the next one takes the next số đến. */
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "vanthu", "doc", "incoming", "add", "--issuer",
                        "Sở Tư pháp", "--notation", "15/QĐ-STP", "--date", "2026-12-01", "--subject", "Lần hai",
                        NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "vanthu", "doc", "incoming", "add", "--issuer",
                        "Sở Tư pháp", "--notation", "16/QĐ-STP", "--date", "2026-12-01", "--subject", "Văn bản khác",
                        NULL), ==, 0);
  next = field (out, 1);
  g_assert_cmpint (atoi (next), ==, atoi (number) + 1);

  expect ("", "--db", path, "--as", "vanthu", "doc", "present", id, "--to", "chutich", NULL);
  expect ("", "--db", path, "--as", "chutich", "doc", "direct", id, "--lead", "tuphap", "--days", "5",
          "--note", "Đ/c Tư pháp chủ trì", NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "doc", "list", "--search", "chan chinh ho tich", NULL), ==, 0);
  g_assert_nonnull (strstr (out, id));
  g_assert_cmpint (run (&out, &err, "--db", path, "doc", "list", "--lead", "tuphap", "--status", "directed,in_progress", NULL), ==, 0);
  g_assert_nonnull (strstr (out, id));

  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "tuphap", "doc", "outgoing", "add", "--type", "CV",
                        "--subject", "V/v báo cáo kết quả chấn chỉnh", "--signer", "chutich", "--file", pdf,
                        "--reply-to", id, "--unit", "VP", NULL), ==, 0);
  reply = g_strchomp (g_strdup (out));
  expect ("", "--db", path, "--as", "tuphap", "doc", "submit", reply, "--for-signing", NULL);
  expect ("", "--db", path, "--as", "chutich", "doc", "sign", reply, "--signed-file", signed_pdf, NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "tuphap", "doc", "issue", reply, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "vanthu", "doc", "issue", reply, "--date", "2026-12-04",
                        NULL), ==, 0);
  again = field (out, 1);
  g_assert_true (g_str_has_suffix (again, "/UBND-VP"));
  g_assert_true (g_str_has_suffix (out, "\t2026-12-04\n"));
  expect ("", "--db", path, "--as", "tuphap", "doc", "finish", id, "--reply", reply, NULL);

  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "chutich", "doc", "show", id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "status\tdone\n"));
  g_assert_nonnull (strstr (out, "\tregistered\t"));
  g_assert_nonnull (strstr (out, "\tdirected\t"));
  g_assert_nonnull (strstr (out, "\treplied\t"));
  g_assert_nonnull (strstr (out, "\tviewed\t"));
}

/* Issues an outgoing document on the demo commune at @path; returns its id. */
static char *
issue_one (const char *path)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *signed_pdf = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "..", "shared", "testdata", "pdf",
                                                 "minimal-signed-twice-both-created.pdf", NULL);
  char *id;

  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "tuphap", "doc", "outgoing", "add", "--type", "CV",
                        "--subject", "V/v gửi báo cáo qua trục liên thông", "--signer", "chutich", "--file",
                        signed_pdf, "--unit", "VP", NULL), ==, 0);
  id = g_strchomp (g_strdup (out));
  expect ("", "--db", path, "--as", "tuphap", "doc", "submit", id, "--for-signing", NULL);
  expect ("", "--db", path, "--as", "chutich", "doc", "sign", id, "--signed-file", signed_pdf, NULL);
  g_assert_cmpint (run (&out, &err, "--db", path, "--as", "vanthu", "doc", "issue", id, "--date", "2026-12-04",
                        NULL), ==, 0);
  return id;
}

static void
test_edxml (void)
{
  g_autofree char *path = xaso_test_temp_path ("gui.db");
  g_autofree char *other = xaso_test_temp_path ("nhan.db");
  g_autofree char *third = xaso_test_temp_path ("thu-muc.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *package = g_build_filename (dir, "di.edxml", NULL);
  g_autofree char *inbox = g_build_filename (dir, "hop-thu", NULL);
  g_autofree char *copy = g_build_filename (inbox, "1-goi.xml", NULL);
  g_autofree char *broken = g_build_filename (inbox, "2-hong.xml", NULL);
  g_autofree char *status = g_build_filename (dir, "trang-thai.xml", NULL);
  g_autofree char *out = NULL, *err = NULL, *id = NULL, *received = NULL, *xmllint = NULL, *text = NULL;
  gsize len;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", other, "demo", "--scale", "small", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", third, "demo", "--scale", "small", NULL), ==, 0);
  id = issue_one (path);

  expect ("", "--db", path, "doc", "export-edxml", id, "--output", package, NULL);
  xmllint = g_find_program_in_path ("xmllint");
  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", "--nonet", package, NULL };
      int wait_status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                   &wait_status, NULL));
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    }
  /* Elsewhere, the văn thư registers it. */
  g_assert_cmpint (run (&out, &err, "--db", other, "doc", "import-edxml", package, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "import-edxml", package, NULL), ==, 0);
  received = field (out, 0);
  g_assert_true (g_str_has_suffix (out, "/UBND-VP\n"));
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "import-edxml", package, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "show", received, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "V/v gửi báo cáo qua trục liên thông"));

  /* The statuses it owes its sender, as far as it has gone. */
  expect ("", "--db", other, "--as", "vanthu", "doc", "edxml-status", received, "--code", "03", "--output", status,
          NULL);
  g_assert_true (g_file_get_contents (status, &text, &len, NULL));
  g_assert_nonnull (strstr (text, "<edXML:StatusCode>03</edXML:StatusCode>"));
  g_assert_cmpint (run (&out, &err, "--db", other, "doc", "show", received, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\tedxml_status\t"));
  g_assert_nonnull (strstr (out, "\t03 Đã tiếp nhận\n"));
  g_assert_cmpint (run (&out, &err, "--db", other, "doc", "edxml-status", received, "--code", "06", "--output",
                        status, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", path, "doc", "edxml-status", id, "--code", "01", "--output", status,
                        NULL), ==, 1);

  /* A folder: the good package goes in, the broken one is named. */
  g_assert_cmpint (g_mkdir_with_parents (inbox, 0700), ==, 0);
  g_free (text);
  g_assert_true (g_file_get_contents (package, &text, &len, NULL));
  g_assert_true (g_file_set_contents (copy, text, len, NULL));
  g_assert_true (g_file_set_contents (broken, text, len / 2, NULL));
  g_assert_cmpint (run (&out, &err, "--db", third, "--as", "vanthu", "doc", "import-edxml", inbox, NULL), ==, 1);
  g_assert_true (g_str_has_suffix (out, "/UBND-VP\n"));
  g_assert_cmpstr (strchr (out, '\n') + 1, ==, "");
  g_assert_nonnull (strstr (err, "2-hong.xml"));
}

/* --pending: the front desk takes the package in without a số đến; the
 * văn thư registers it later with the next one, an officer cannot. */
static void
test_edxml_pending (void)
{
  g_autofree char *path = xaso_test_temp_path ("gui-cho.db");
  g_autofree char *other = xaso_test_temp_path ("nhan-cho.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *package = g_build_filename (dir, "cho.edxml", NULL);
  g_autofree char *out = NULL, *err = NULL, *id = NULL, *waiting = NULL, *number = NULL, *line = NULL;
  g_autofree char *last = NULL, *expected = NULL;

  g_assert_cmpint (run (&out, &err, "--db", path, "demo", "--scale", "small", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--db", other, "demo", "--scale", "small", NULL), ==, 0);
  id = issue_one (path);
  expect ("", "--db", path, "doc", "export-edxml", id, "--output", package, NULL);

  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "tuphap", "doc", "import-edxml", package, "--pending",
                        NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "motcua1", "doc", "import-edxml", package, "--pending",
                        NULL), ==, 0);
  waiting = field (out, 0);
  number = field (out, 1);
  g_assert_cmpstr (number, ==, "");
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "import-edxml", package, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "doc", "list", "--status", "received", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, waiting));
  g_assert_cmpint (run (&out, &err, "--db", other, "doc", "show", waiting, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "status\treceived\n"));
  g_assert_null (strstr (out, "\nnumber\t"));

  /* A document registered meanwhile, received today like it; then the next số đến is its. */
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "incoming", "add", "--issuer",
                        "Sở Tư pháp", "--notation", "31/STP-HCTP", "--subject", "Văn bản vào sổ trước", NULL), ==, 0);
  last = field (out, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "tuphap", "doc", "register", waiting, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "motcua1", "doc", "register", waiting, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "register", waiting, NULL), ==, 0);
  expected = g_strdup_printf ("%s\t%d\n", waiting, atoi (last) + 1);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpint (run (&out, &err, "--db", other, "--as", "vanthu", "doc", "register", waiting, NULL), ==, 1);
  g_assert_cmpint (run (&out, &err, "--db", other, "doc", "show", waiting, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "status\tregistered\n"));
  line = g_strdup_printf ("\nnumber\t%d\n", atoi (last) + 1);
  g_assert_nonnull (strstr (out, line));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/documents/flow", test_document_flow);
  g_test_add_func ("/cli/documents/edxml", test_edxml);
  g_test_add_func ("/cli/documents/edxml-pending", test_edxml_pending);
  return g_test_run ();
}
