/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "xaso-attachment.h"
#include "xaso-document-flow-private.h"

/* The organization's signature on an issued document (Decree 30, Decree
 * 69/2024): the văn thư signs the leader's signed file once more, with the
 * seal and the number, notation and date of issue on the page. A second
 * signature is an incremental update, so the sealed file begins with every
 * byte of the signed one: that is checked here, and it is what keeps the
 * leader's signature valid. */

static const char * const sealable[] = { XASO_DOCUMENT_ISSUED, NULL };

static gboolean
file_error (GError    **error,
            const char *message)
{
  g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_FILE, message);
  return FALSE;
}

/* Whether @longer begins with all of @shorter and goes on past it. */
static gboolean
extends_file (const char *shorter,
              const char *longer)
{
  FILE *a = g_fopen (shorter, "rb"), *b = g_fopen (longer, "rb");
  gboolean same = a != NULL && b != NULL;
  char x[65536], y[sizeof x];
  size_t n;

  while (same && (n = fread (x, 1, sizeof x, a)) > 0)
    same = fread (y, 1, n, b) == n && memcmp (x, y, n) == 0;
  same = same && !ferror (a) && fread (y, 1, 1, b) == 1;
  if (a != NULL)
    fclose (a);
  if (b != NULL)
    fclose (b);
  return same;
}

static gboolean
check_extends (XasoFlow    *flow,
               const char  *sealed_path,
               GError     **error)
{
  g_autofree char *current = xaso_document_get_file (flow->db, flow->doc);

  if (current == NULL)
    return file_error (error, _("The document has no signed file to seal."));
  if (!extends_file (current, sealed_path))
    return file_error (error, _("The sealed file is not the signed document with one more signature: "
                                "seal the document’s own file, without saving it again."));
  return TRUE;
}

typedef struct
{
  const char         *path;
  const XasoFlowFile *file;
} Seal;

static gboolean
seal_step (XasoFlow  *flow,
           GError   **error)
{
  const Seal *seal = flow->args;
  if (!_xaso_flow_expect (flow, "outgoing", sealable, error))
    return FALSE;
  if (xaso_document_is_sealed (flow->doc))
    {
      g_set_error_literal (error, XASO_DOCUMENT_ERROR, XASO_DOCUMENT_ERROR_STATE,
                           _("The document is already sealed."));
      return FALSE;
    }
  if (!check_extends (flow, seal->path, error))
    return FALSE;
  /* The day of the event is the sealed date (xaso-document-fold.c). */
  return _xaso_flow_replace_file (flow, seal->file, error) &&
         _xaso_flow_event (flow, "sealed", NULL, xaso_document_get (flow->doc, XASO_DOCUMENT_NOTATION), NULL,
                           error);
}

gboolean
xaso_document_record_seal (XasoDatabase  *db,
                           XasoUser      *actor,
                           const char    *document_id,
                           const char    *sealed_path,
                           GError       **error)
{
  g_auto(XasoFlowFile) file = { 0 };
  Seal seal = { sealed_path, &file };

  if (!xaso_user_check_right (actor, XASO_RIGHT_ISSUE_NUMBER, error) ||
      !_xaso_flow_store_file (db, sealed_path, &file, error))
    return FALSE;
  return _xaso_flow_run (db, actor, XASO_RIGHT_ISSUE_NUMBER, document_id, seal_step, &seal, error);
}
