/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-pdf.h"
#include "xaso-pdf-verify.h"
#include "xasoctl-verbs.h"

/* xasoctl pdf info FILE
 * xasoctl pdf verify FILE [--trust CA.pem]…
 *   Exit status: 0 every signature valid (and trusted when roots are given),
 *   1 one is not valid, 3 all valid but one does not lead to the roots,
 *   2 wrong usage or unreadable file.
 * xasoctl pdf sign … (xasoctl-pdf-sign.c) */

#define EXIT_INVALID   1
#define EXIT_USAGE     2
#define EXIT_UNTRUSTED 3

static const char *
kind_name (XasoPdfXrefKind kind)
{
  return kind == XASO_PDF_XREF_STREAM ? _("xref stream") : _("xref table");
}

int
xasoctl_pdf_info (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  g_autoptr(GPtrArray) sigs = NULL;
  guint direct = 0, compressed = 0;
  gsize size = 0;

  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: xasoctl pdf info FILE"));
      return EXIT_USAGE;
    }
  doc = xaso_pdf_document_new_from_file (argv[1], &error);
  if (doc == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  xaso_pdf_document_get_data (doc, &size);
  xaso_pdf_document_count_objects (doc, &direct, &compressed);
  g_print (_("Version: PDF %s\n"), xaso_pdf_document_get_version (doc));
  g_print (_("Size: %zu bytes\n"), size);
  g_print (_("Pages: %u\n"), xaso_pdf_document_get_n_pages (doc));
  g_print (_("Objects: %u (%u in object streams)\n"), direct + compressed, compressed);
  g_print (_("Cross-reference: %s\n"), kind_name (xaso_pdf_document_get_last_xref_kind (doc)));
  g_print (_("Revisions: %u\n"), xaso_pdf_document_get_n_revisions (doc));
  for (guint i = 0; i < xaso_pdf_document_get_n_revisions (doc); i++)
    {
      const XasoPdfRevision *rev = xaso_pdf_document_get_revision (doc, i);

      g_print ("  %u: %s%s, startxref %" G_GUINT64_FORMAT ", ends at %" G_GUINT64_FORMAT "\n", i + 1,
               kind_name (rev->kind), rev->xref_stream >= 0 ? _(" (hybrid)") : "", rev->startxref, rev->end);
    }
  if (xaso_pdf_document_was_repaired (doc))
    for (const char * const *w = xaso_pdf_document_get_warnings (doc); *w != NULL; w++)
      g_print (_("Warning: %s\n"), *w);
  sigs = xaso_pdf_document_list_signatures (doc);
  g_print (_("Signature fields: %u\n"), sigs->len);
  for (guint i = 0; i < sigs->len; i++)
    {
      const XasoPdfSignature *sig = g_ptr_array_index (sigs, i);

      g_print ("  %s: %s\n", sig->field.name ? sig->field.name : "?",
               sig->field.value == NULL ? _("not signed") : sig->sub_filter ? sig->sub_filter : "?");
    }
  return 0;
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GTimeZone) vn = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (_("unknown"));
  local = g_date_time_to_timezone (time, vn);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S %:z");
}

static const char *
after_text (const XasoPdfSignatureReport *r)
{
  switch (r->after)
    {
    case XASO_PDF_AFTER_NOTHING:
      return _("The signature covers the whole document.");
    case XASO_PDF_AFTER_SIGNATURES:
      return _("Only later signatures were added after it.");
    case XASO_PDF_AFTER_CHANGES:
    default:
      return _("The document was changed after signing.");
    }
}

static void
print_signature (const XasoPdfSignatureReport *r,
                 guint                         index)
{
  g_autofree char *claimed = format_time (r->claimed_time);

  g_print (_("Signature %u (%s): %s\n"), index, r->field_name ? r->field_name : "?",
           !xaso_pdf_signature_report_is_valid (r) ? _("NOT VALID")
           : r->trusted ? _("valid") : _("valid but not trusted"));
  g_print (_("  Signer: %s\n"), r->signer_name ? r->signer_name : _("unknown"));
  if (r->organization != NULL)
    g_print (_("  Organization: %s\n"), r->organization);
  g_print (_("  Certificate: %s, issued by %s, serial %s\n"), r->subject ? r->subject : "?",
           r->issuer ? r->issuer : "?", r->serial ? r->serial : "?");
  g_print (_("  Format: %s\n"), r->sub_filter ? r->sub_filter : "?");
  g_print (_("  Signing time (claimed by the signer): %s\n"), claimed);
  if (r->has_timestamp)
    {
      g_autofree char *ts = format_time (r->timestamp_time);

      g_print (_("  Trusted time-stamp: %s (%s)\n"), ts,
               r->timestamp_trusted ? _("trusted") : r->timestamp_ok ? _("valid, authority not trusted") : _("NOT VALID"));
    }
  g_print ("  %s\n", after_text (r));
  g_print (_("  Certificate trust: %s\n"), r->trusted ? _("leads to a trusted root") : r->trust_problem);
  g_print ("  %s\n", xaso_pdf_signature_report_revocation (r));
  for (guint i = 0; i < r->problems->len; i++)
    g_print (_("  Problem: %s\n"), (const char *)g_ptr_array_index (r->problems, i));
}

int
xasoctl_pdf_verify (XasoctlContext  *ctx,
                    int              argc,
                    char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE — check the signatures of a PDF"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) trust = NULL;
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  gboolean invalid = FALSE, untrusted = FALSE;
  GOptionEntry entries[] = {
    { "trust", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &trust, N_("Trust the root certificates in this PEM file or folder (repeatable)"), "CA.pem" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc != 2)
    return xasoctl_usage (options, _("Say which PDF to verify."));
  /* Without --trust, the roots imported in the app's preferences. */
  if (trust == NULL)
    trust = xaso_pdf_dup_default_trust_paths ();
  report = xaso_pdf_verify_file (argv[1], (const char * const *)trust, NULL, &error);
  if (report == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  if (report->signatures->len == 0)
    {
      g_print ("%s\n", _("The document has no signatures."));
      return EXIT_INVALID;
    }
  for (guint i = 0; i < report->signatures->len; i++)
    {
      const XasoPdfSignatureReport *r = g_ptr_array_index (report->signatures, i);

      print_signature (r, i + 1);
      invalid |= !xaso_pdf_signature_report_is_valid (r);
      untrusted |= !r->trusted;
    }
  if (invalid)
    return EXIT_INVALID;
  return untrusted && trust[0] != NULL ? EXIT_UNTRUSTED : 0;
}

static const XasoctlVerb pdf_verbs[] = {
  { "info", xasoctl_pdf_info, NULL },
  { "verify", xasoctl_pdf_verify, NULL },
  { "sign", xasoctl_pdf_sign, NULL },
};

int
xasoctl_pdf_verb (XasoctlContext *ctx,
                  int             argc,
                  char          **argv)
{
  return xasoctl_run_subverb (ctx, pdf_verbs, G_N_ELEMENTS (pdf_verbs), argc, argv,
                              _("Usage: xasoctl pdf info FILE | verify FILE [--trust CA.pem] | sign FILE …"));
}
