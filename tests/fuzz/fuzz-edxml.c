/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-fuzz"

/* libFuzzer harness: reads any bytes as an edXML package, as an import
 * would before it touches the database. Must never crash, hang or leak;
 * refusals are fine, and a package read must hold what the checks
 * promise. */

#include <glib.h>

#include "xaso-edxml.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
walk (const XasoEdxmlPackage *package)
{
  g_autofree char *notation = xaso_edxml_package_get_notation (package);
  gsize total = 0;

  g_assert (package->from.organ_id != NULL && package->subject != NULL && package->document_id != NULL);
  g_assert (package->promulgation_date != NULL && g_utf8_validate (package->subject, -1, NULL));
  (void)xaso_edxml_package_get_main (package);
  for (guint i = 0; i < package->attachments->len; i++)
    {
      XasoEdxmlAttachment *a = g_ptr_array_index (package->attachments, i);

      g_assert (a->data != NULL);
      total += g_bytes_get_size (a->data);
    }
  g_assert (total <= XASO_EDXML_MAX_TOTAL_SIZE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoEdxmlPackage) package = NULL;

  /* A critical or a warning from the library is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  bytes = g_bytes_new (data, size);
  package = xaso_edxml_read_bytes (bytes, &error);
  if (package == NULL)
    g_assert (error != NULL && error->domain == XASO_EDXML_ERROR);
  else
    walk (package);
  return 0;
}
