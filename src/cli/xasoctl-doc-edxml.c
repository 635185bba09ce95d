/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "xaso-edxml.h"
#include "xasoctl-doc.h"

/* xasoctl doc import-edxml FILE|DIR [--pending] | export-edxml ID --output F |
 * edxml-status ID --code 01|03|04|06 --output F: documents exchanged with
 * other agencies as edXML packages (QCVN 102:2016). --pending takes the
 * packages in without a số đến, for the văn thư to register (xasoctl doc
 * register ID). Status packages are written when asked for, one per step
 * the sender should hear about. */

static int
usage (const char *message)
{
  g_printerr ("%s\n", message);
  return 2;
}

static void
print_imported (XasoDocument *doc)
{
  g_print ("%s\t%s\t%s\n", xaso_record_get_id (XASO_RECORD (doc)), xaso_document_get (doc, XASO_DOCUMENT_NUMBER) ?: "",
           xaso_document_get (doc, XASO_DOCUMENT_NOTATION) ?: "");
}

/* A folder: every package on its own; the exit status says whether all
 * went in. */
static int
import_dir (XasoDatabase    *db,
            XasoUser        *actor,
            const char      *dir,
            XasoEdxmlImport  mode)
{
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  docs = xaso_edxml_import_dir (db, actor, dir, mode, failures, &error);
  if (docs == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < docs->len; i++)
    print_imported (g_ptr_array_index (docs, i));
  for (guint i = 0; i < failures->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (failures, i));
  return failures->len == 0 ? 0 : 1;
}

static int
doc_import_edxml (XasoctlContext *ctx, int argc, char **argv)
{
  gboolean pending = FALSE;
  GOptionEntry entries[] = {
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending,
      N_("Take them in without a number, for the clerk to register later"), NULL },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(XasoDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  XasoEdxmlImport mode;
  int status = 0;

  if (!xasoctl_doc_parse (_("FILE|DIR — register edXML packages as incoming documents; prints ID, NUMBER, NOTATION"),
                          entries, &argc, &argv, 1, &status))
    return status;
  if (!xasoctl_open_with_actor (ctx, &db, &actor, TRUE))
    return 1;
  mode = pending ? XASO_EDXML_IMPORT_PENDING : XASO_EDXML_IMPORT_REGISTER;
  if (g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    return import_dir (db, actor, argv[1], mode);
  doc = xaso_edxml_import_file (db, actor, argv[1], mode, &error);
  if (doc == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  print_imported (doc);
  return 0;
}

static int
doc_export_edxml (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the package"), "FILE" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — write an issued outgoing document as an edXML package"), entries, &argc, &argv,
                          1, &status))
    return status;
  if (output == NULL)
    return usage (_("Say where to write the package with --output."));
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if (!xaso_edxml_write_document (db, actor, argv[1], output, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

static int
doc_edxml_status (XasoctlContext *ctx, int argc, char **argv)
{
  g_autofree char *output = NULL, *code = NULL;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("01 delivered, 03 registered, 04 assigned or 06 done"), "CODE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the package"), "FILE" },
    { NULL }
  };
  g_autoptr(XasoDatabase) db = NULL;
  g_autoptr(XasoUser) actor = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!xasoctl_doc_parse (_("ID — write the status package an incoming edXML document owes its sender"), entries,
                          &argc, &argv, 1, &status))
    return status;
  if (output == NULL || code == NULL)
    return usage (_("Give the status with --code and the file with --output."));
  if (!xasoctl_open_with_actor (ctx, &db, &actor, FALSE))
    return 1;
  if (!xaso_edxml_write_status (db, actor, argv[1], (XasoEdxmlStatus)atoi (code), output, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  return 0;
}

const XasoctlVerb xasoctl_doc_edxml_verbs[] = {
  { "import-edxml", doc_import_edxml, NULL },
  { "export-edxml", doc_export_edxml, NULL },
  { "edxml-status", doc_edxml_status, NULL },
};
const guint xasoctl_doc_edxml_n_verbs = G_N_ELEMENTS (xasoctl_doc_edxml_verbs);
