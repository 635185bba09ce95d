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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/documents/flow", test_document_flow);
  return g_test_run ();
}
