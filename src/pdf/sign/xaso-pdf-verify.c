/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xaso-pdf-form.h"
#include "xaso-pdf-verify-private.h"

static void
signature_report_free (gpointer data)
{
  XasoPdfSignatureReport *r = data;

  g_free (r->field_name);
  g_free (r->sub_filter);
  g_free (r->signer_name);
  g_free (r->organization);
  g_free (r->subject);
  g_free (r->issuer);
  g_free (r->serial);
  g_clear_pointer (&r->not_before, g_date_time_unref);
  g_clear_pointer (&r->not_after, g_date_time_unref);
  g_free (r->trust_problem);
  g_clear_pointer (&r->claimed_time, g_date_time_unref);
  g_clear_pointer (&r->timestamp_time, g_date_time_unref);
  g_ptr_array_unref (r->problems);
  g_free (r);
}

void
xaso_pdf_verify_report_free (XasoPdfVerifyReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->signatures);
  g_free (report);
}

gboolean
xaso_pdf_signature_report_is_valid (const XasoPdfSignatureReport *r)
{
  return r->range_ok && r->cms_ok && r->digest_ok && r->signature_ok && (!r->ess_present || r->ess_ok);
}

const char *
xaso_pdf_signature_report_revocation (const XasoPdfSignatureReport *report)
{
  /* Offline there is no OCSP answer or fresh CRL: never claim "valid". */
  return _("Revocation not checked (offline)");
}

/* "D:YYYYMMDDHHmmSS+07'00'", any tail missing (§7.9.4). */
static GDateTime *
parse_pdf_date (const guint8 *data,
                gsize         len)
{
  g_autofree char *text = g_strndup ((const char *)data, len);
  const char *p = g_str_has_prefix (text, "D:") ? text + 2 : text;
  int f[6] = { 0, 1, 1, 0, 0, 0 }, tzh = 0, tzm = 0, n = 0;
  static const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  g_autoptr(GTimeZone) tz = NULL;
  char sign = 'Z';

  for (int i = 0; i < 6 && g_ascii_isdigit (*p); i++, n++)
    {
      f[i] = 0;
      for (int k = 0; k < widths[i] && g_ascii_isdigit (*p); k++)
        f[i] = f[i] * 10 + (*p++ - '0');
    }
  if (n == 0)
    return NULL;
  if (*p == '+' || *p == '-')
    {
      sign = *p++;
      sscanf (p, "%2d'%2d", &tzh, &tzm);
    }
  tz = sign == 'Z' ? g_time_zone_new_utc ()
                   : g_time_zone_new_offset ((sign == '-' ? -1 : 1) * (tzh * 3600 + tzm * 60));
  return g_date_time_new (tz, f[0], f[1], f[2], f[3], f[4], f[5]);
}

/* The bytes left out of the signature must be the hex string of
 * /Contents and nothing else: a literal string, or anything beside the
 * digits, is where signature-wrapping attacks hide unsigned content. */
static gboolean
hole_is_hex_string (const guint8 *data,
                    guint64       start,
                    guint64       end)
{
  if (end - start < 2 || data[start] != '<' || data[end - 1] != '>')
    return FALSE;
  for (guint64 i = start + 1; i < end - 1; i++)
    if (!g_ascii_isxdigit (data[i]) && !g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_range (XasoPdfSignatureReport *r,
             const XasoPdfSignature *sig,
             const guint8           *data,
             guint64                 size)
{
  const gint64 *br = sig->byte_range;

  r->range_ok = sig->n_byte_range == 4 && sig->contents_located && br[0] == 0 && br[1] > 0 &&
                br[2] > br[1] && br[3] >= 0 && (guint64)br[2] + (guint64)br[3] <= size &&
                (guint64)br[1] == sig->contents_start && (guint64)br[2] == sig->contents_end &&
                hole_is_hex_string (data, (guint64)br[1], (guint64)br[2]);
  if (!r->range_ok)
    {
      g_ptr_array_add (r->problems, g_strdup (_("The signed byte range does not cover the document as it must: only the signature value may be left out.")));
      return FALSE;
    }
  r->signed_end = (guint64)br[2] + (guint64)br[3];
  return TRUE;
}

static XasoPdfSignatureReport *
report_new (const XasoPdfSignature *sig)
{
  XasoPdfSignatureReport *r = g_new0 (XasoPdfSignatureReport, 1);
  XasoPdfObject *m = xaso_pdf_object_dict_get (sig->field.value, "M");
  gsize len = 0;
  const guint8 *text = xaso_pdf_object_get_string (m, &len);

  r->problems = g_ptr_array_new_with_free_func (g_free);
  r->field_name = g_strdup (sig->field.name);
  r->sub_filter = g_strdup (sig->sub_filter);
  if (text != NULL)
    r->claimed_time = parse_pdf_date (text, len);
  return r;
}

/* The two ranges joined: a private writable map of the file lets the
 * second slide over the hole (only its pages are copied). */
static void
verify_one (XasoPdfSignatureReport   *r,
            const XasoPdfSignature   *sig,
            const char               *path,
            guint64                   size,
            gnutls_x509_trust_list_t  trust)
{
  g_autoptr(GMappedFile) map = NULL;
  guint8 *data;
  guint64 a = (guint64)sig->byte_range[1], b = (guint64)sig->byte_range[2], c = (guint64)sig->byte_range[3];

  if (sig->contents == NULL)
    {
      g_ptr_array_add (r->problems, g_strdup (_("The signature has no value (/Contents).")));
      return;
    }
  /* The file was parsed from another mapping: one of another size was
   * changed meanwhile, and its bytes are not the ones checked. */
  map = g_mapped_file_new (path, TRUE, NULL);
  if (map == NULL || g_mapped_file_get_length (map) != size || b + c > size)
    {
      g_ptr_array_add (r->problems, g_strdup (_("The file changed while its signatures were being checked.")));
      return;
    }
  data = (guint8 *)g_mapped_file_get_contents (map);
  memmove (data + a, data + b, c);
  xaso_pdf_verify_cms (r, sig->contents, data, a + c, trust);
}

/* A revision ended by a later signature is that signature's own, not a
 * change, only when the later signature itself checks out: otherwise
 * anyone could append changes with a made-up signature to excuse them. */
static gboolean
is_signature_end (GPtrArray *reports,
                  guint64    end)
{
  for (guint i = 0; i < reports->len; i++)
    {
      const XasoPdfSignatureReport *other = g_ptr_array_index (reports, i);

      if (other->signed_end == end && xaso_pdf_signature_report_is_valid (other))
        return TRUE;
    }
  return FALSE;
}

/* What lies after each signature: later signatures, each ending its own
 * revision, are expected; any other revision is a change after signing. */
static void
classify_after (XasoPdfVerifyReport *report,
                XasoPdfDocument     *document)
{
  for (guint i = 0; i < report->signatures->len; i++)
    {
      XasoPdfSignatureReport *r = g_ptr_array_index (report->signatures, i);
      guint n = xaso_pdf_document_get_n_revisions (document);
      guint64 last_end = n > 0 ? xaso_pdf_document_get_revision (document, n - 1)->end : 0;
      gboolean changed = FALSE;

      if (!r->range_ok)
        continue;
      for (guint k = 0; k < report->signatures->len; k++)
        {
          XasoPdfSignatureReport *other = g_ptr_array_index (report->signatures, k);

          if (other->range_ok && other->signed_end > r->signed_end)
            r->later_signatures++;
        }
      for (guint k = 0; k < n; k++)
        {
          guint64 end = xaso_pdf_document_get_revision (document, k)->end;

          if (end <= r->signed_end)
            continue;
          r->later_updates++;
          if (!is_signature_end (report->signatures, end))
            changed = TRUE;
        }
      /* Bytes after the last revision the reader knows count too. */
      if (report->file_size > MAX (r->signed_end, last_end + 2) && !is_signature_end (report->signatures, report->file_size))
        changed = TRUE;
      r->after = report->file_size <= r->signed_end ? XASO_PDF_AFTER_NOTHING
               : changed ? XASO_PDF_AFTER_CHANGES : XASO_PDF_AFTER_SIGNATURES;
      if (r->after == XASO_PDF_AFTER_CHANGES)
        g_ptr_array_add (r->problems, g_strdup (_("The document was changed after this signature by an update that no later signature covers.")));
    }
}

static gint
by_end (gconstpointer a,
        gconstpointer b)
{
  const XasoPdfSignatureReport *x = *(XasoPdfSignatureReport * const *)a;
  const XasoPdfSignatureReport *y = *(XasoPdfSignatureReport * const *)b;

  return x->signed_end < y->signed_end ? -1 : x->signed_end > y->signed_end;
}

static gnutls_x509_trust_list_t
load_trust (const char * const  *paths,
            GError             **error)
{
  gnutls_x509_trust_list_t trust = NULL;

  if (paths == NULL || paths[0] == NULL)
    return NULL;
  gnutls_x509_trust_list_init (&trust, 0);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      int ret = g_file_test (paths[i], G_FILE_TEST_IS_DIR)
                ? gnutls_x509_trust_list_add_trust_dir (trust, paths[i], NULL, GNUTLS_X509_FMT_PEM, 0, 0)
                : gnutls_x509_trust_list_add_trust_file (trust, paths[i], NULL, GNUTLS_X509_FMT_PEM, 0, 0);

      if (ret <= 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("No root certificate could be read from “%s”."), paths[i]);
          gnutls_x509_trust_list_deinit (trust, 1);
          return NULL;
        }
    }
  return trust;
}

XasoPdfVerifyReport *
xaso_pdf_verify_file (const char          *path,
                      const char * const  *trust_paths,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(XasoPdfDocument) document = xaso_pdf_document_new_from_file (path, error);
  g_autoptr(GPtrArray) sigs = NULL;
  gnutls_x509_trust_list_t trust = NULL;
  XasoPdfVerifyReport *report;
  gsize size = 0;

  if (document == NULL)
    return NULL;
  trust = load_trust (trust_paths, error);
  if (trust == NULL && error != NULL && *error != NULL)
    return NULL;
  xaso_pdf_document_get_data (document, &size);
  report = g_new0 (XasoPdfVerifyReport, 1);
  report->file_size = size;
  report->n_revisions = xaso_pdf_document_get_n_revisions (document);
  report->signatures = g_ptr_array_new_with_free_func (signature_report_free);
  sigs = xaso_pdf_document_list_signatures (document);
  for (guint i = 0; i < sigs->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const XasoPdfSignature *sig = g_ptr_array_index (sigs, i);
      XasoPdfSignatureReport *r;

      if (sig->field.value == NULL)
        continue;               /* an empty field waiting for a signature */
      r = report_new (sig);
      g_ptr_array_add (report->signatures, r);
      if (check_range (r, sig, xaso_pdf_document_get_data (document, NULL), size))
        verify_one (r, sig, path, size, trust);
    }
  g_ptr_array_sort (report->signatures, by_end);
  classify_after (report, document);
  if (trust != NULL)
    gnutls_x509_trust_list_deinit (trust, 1);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_pointer (&report, xaso_pdf_verify_report_free);
  return report;
}

char *
xaso_pdf_dup_default_trust_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "xaso", "trust", NULL);
}

GStrv
xaso_pdf_dup_default_trust_paths (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *dir = xaso_pdf_dup_default_trust_dir ();

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_strv_builder_add (builder, dir);
  return g_strv_builder_end (builder);
}
