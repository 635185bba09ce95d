/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gnutls/crypto.h>

#include "xaso-pdf-cms-private.h"
#include "xaso-pdf-identity-private.h"
#include "xaso-pdf-sign-private.h"
#include "xaso-pdf-tst-private.h"

/* Room left in /Contents beyond the measured size: ECDSA signatures vary
 * by a few bytes, time-stamp tokens by a few more. */
#define CMS_MARGIN     64
#define TOKEN_MARGIN   256

typedef struct
{
  XasoPdfProgressFunc progress;
  gpointer            user_data;
  double              from;
  double              to;
} Stage;

static void
stage_cb (double   fraction,
          gpointer user_data)
{
  Stage *stage = user_data;

  if (stage->progress != NULL)
    stage->progress (stage->from + fraction * (stage->to - stage->from), stage->user_data);
}

void
xaso_pdf_sign_options_init (XasoPdfSignOptions *options)
{
  memset (options, 0, sizeof *options);
  options->page = -1;
}

char *
xaso_pdf_sign_default_output (const char *input)
{
  const char *dot = strrchr (input, '.');
  const char *slash = strrchr (input, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strconcat (input, "-signed.pdf", NULL);
  return g_strdup_printf ("%.*s-signed%s", (int)(dot - input), input, dot);
}

/* The CMS of this identity has the same size for any document, give or
 * take a byte: one dry run per identity measures it. */
static gsize
cms_size (XasoPdfIdentity  *identity,
          GError          **error)
{
  static const guint8 dummy[32] = { 0 };
  g_autoptr(GBytes) cms = NULL;

  if (xaso_pdf_identity_get_cms_estimate (identity) == 0)
    {
      cms = xaso_pdf_cms_sign (identity, dummy, sizeof dummy, error);
      if (cms == NULL)
        return 0;
      xaso_pdf_identity_set_cms_estimate (identity, g_bytes_get_size (cms));
    }
  return xaso_pdf_identity_get_cms_estimate (identity);
}

/* A token's size depends on the TSA (its certificates), not on what it
 * stamps: one request per server and process measures it. */
static gsize
token_size (const char    *url,
            GCancellable  *cancellable,
            GError       **error)
{
  static GMutex lock;
  static GHashTable *sizes;
  static const guint8 dummy[32] = { 0 };
  g_autoptr(GBytes) token = NULL;
  gsize size;

  g_mutex_lock (&lock);
  if (sizes == NULL)
    sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  size = GPOINTER_TO_SIZE (g_hash_table_lookup (sizes, url));
  g_mutex_unlock (&lock);
  if (size > 0)
    return size;
  token = xaso_pdf_tsa_request (url, dummy, cancellable, error);
  if (token == NULL)
    return 0;
  size = g_bytes_get_size (token);
  g_mutex_lock (&lock);
  g_hash_table_insert (sizes, g_strdup (url), GSIZE_TO_POINTER (size));
  g_mutex_unlock (&lock);
  return size;
}

static gsize
reserve_size (XasoPdfIdentity          *identity,
              const XasoPdfSignOptions *options,
              GCancellable             *cancellable,
              GError                  **error)
{
  gsize cms = cms_size (identity, error), token = 0;

  if (cms == 0)
    return 0;
  if (options->tsa_url != NULL)
    {
      token = token_size (options->tsa_url, cancellable, error);
      if (token == 0)
        return 0;
      /* The attribute's headers around the token. */
      token += TOKEN_MARGIN + 32;
    }
  return cms + CMS_MARGIN + token;
}

typedef struct
{
  guint64 range[4];             /* 0, a, b, c */
  guint64 contents_at;          /* the "<" of /Contents in the new file */
  gsize   reserve;              /* bytes of CMS room */
} Layout;

static void
patch_byte_range (GBytes                       *tail,
                  guint64                       base,
                  guint64                       body_offset,
                  const XasoPdfSigPlaceholders *ph,
                  Layout                       *layout)
{
  guint8 *data = (guint8 *)g_bytes_get_data (tail, NULL);
  guint64 total = base + g_bytes_get_size (tail);
  g_autofree char *text = NULL;

  layout->contents_at = body_offset + ph->contents_at;
  layout->reserve = ph->contents_len / 2;
  layout->range[0] = 0;
  layout->range[1] = layout->contents_at;
  layout->range[2] = layout->contents_at + ph->contents_len + 2;
  layout->range[3] = total - layout->range[2];
  text = g_strdup_printf ("[0 %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                          layout->range[1], layout->range[2], layout->range[3]);
  /* The tail is ours until it is written: patching it in place keeps the
   * fixed width (spaces fill up to the "]"). */
  memset (data + (body_offset - base) + ph->byte_range_at, ' ', ph->byte_range_len - 1);
  memcpy (data + (body_offset - base) + ph->byte_range_at, text, strlen (text));
}

static GBytes *
build_update (XasoPdfUpdate            *update,
              XasoPdfIdentity          *identity,
              const XasoPdfSignOptions *options,
              gsize                     reserve,
              Layout                   *layout,
              GError                  **error)
{
  XasoPdfSigPlaceholders ph = { 0 };
  g_autoptr(GBytes) tail = NULL;
  guint64 body = 0;
  gsize len = 0;

  if (!xaso_pdf_sign_add_field (update, identity, options, reserve, &ph, error))
    return NULL;
  tail = xaso_pdf_update_build (update, error);
  if (tail == NULL)
    return NULL;
  xaso_pdf_document_get_data (xaso_pdf_update_get_document (update), &len);
  xaso_pdf_update_get_body_offset (update, ph.sig_num, &body);
  patch_byte_range (tail, len, body, &ph, layout);
  return g_steal_pointer (&tail);
}

static gboolean
write_unsigned (XasoPdfUpdate  *update,
                GBytes         *tail,
                const char     *path,
                GCancellable   *cancellable,
                Stage          *stage,
                GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);

  if (out == NULL)
    return FALSE;
  if (!xaso_pdf_update_write (update, tail, G_OUTPUT_STREAM (out), cancellable, stage_cb, stage, error))
    return FALSE;
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

/* GnuTLS hashes one contiguous buffer. A private writable map of the new
 * file lets the bytes after /Contents slide over the hole: only the last
 * pages are copied, the file itself is untouched, and nothing is read
 * into memory twice. */
static GBytes *
sign_mapped (XasoPdfIdentity  *identity,
             const char       *path,
             const Layout     *layout,
             GError          **error)
{
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, TRUE, error);
  guint8 *data;

  if (map == NULL)
    return NULL;
  data = (guint8 *)g_mapped_file_get_contents (map);
  memmove (data + layout->range[1], data + layout->range[2], layout->range[3]);
  return xaso_pdf_cms_sign (identity, data, layout->range[1] + layout->range[3], error);
}

/* PAdES B-T: a token over the signature value, as the unsigned attribute
 * signature-time-stamp. */
static GBytes *
add_timestamp (GBytes        *cms,
               const char    *url,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) signature = xaso_pdf_cms_get_signature (cms, error);
  g_autoptr(GBytes) token = NULL;
  guint8 digest[32];

  if (signature == NULL)
    return NULL;
  gnutls_hash_fast (GNUTLS_DIG_SHA256, g_bytes_get_data (signature, NULL), g_bytes_get_size (signature), digest);
  token = xaso_pdf_tsa_request (url, digest, cancellable, error);
  if (token == NULL)
    return NULL;
  return xaso_pdf_cms_add_unsigned_attr (cms, XASO_OID_SIGNATURE_TIMESTAMP, token, error);
}

static gboolean
write_contents (const char    *path,
                const Layout  *layout,
                GBytes        *cms,
                GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileIOStream) io = NULL;
  gsize len = 0;
  const guint8 *der = g_bytes_get_data (cms, &len);
  g_autofree char *hex = g_malloc (2 * len + 1);

  if (len > layout->reserve)
    {
      g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_FAILED,
                   _("The signature is larger than the room reserved for it (%zu > %zu bytes)."),
                   len, layout->reserve);
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    g_snprintf (hex + 2 * i, 3, "%02X", der[i]);
  io = g_file_open_readwrite (file, NULL, error);
  if (io == NULL ||
      !g_seekable_seek (G_SEEKABLE (io), (goffset)layout->contents_at + 1, G_SEEK_SET, NULL, error) ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)), hex, 2 * len, NULL, NULL, error))
    return FALSE;
  return g_io_stream_close (G_IO_STREAM (io), NULL, error);
}

static char *
temp_path_beside (const char  *output,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (output);
  g_autofree char *base = g_path_get_basename (output);
  g_autofree char *templ = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (templ, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create a file in “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&templ);
}

static gboolean
sign_into (XasoPdfIdentity          *identity,
           XasoPdfDocument          *document,
           const char               *temp,
           const XasoPdfSignOptions *options,
           GCancellable             *cancellable,
           Stage                    *stage,
           GError                  **error)
{
  g_autoptr(XasoPdfUpdate) update = xaso_pdf_update_new (document);
  g_autoptr(GBytes) tail = NULL;
  g_autoptr(GBytes) cms = NULL;
  Layout layout = { { 0 } };
  gsize reserve = reserve_size (identity, options, cancellable, error);

  if (reserve == 0)
    return FALSE;
  tail = build_update (update, identity, options, reserve, &layout, error);
  if (tail == NULL || !write_unsigned (update, tail, temp, cancellable, stage, error))
    return FALSE;
  cms = sign_mapped (identity, temp, &layout, error);
  if (cms != NULL && options->tsa_url != NULL)
    {
      GBytes *stamped = add_timestamp (cms, options->tsa_url, cancellable, error);

      g_bytes_unref (cms);
      cms = stamped;
    }
  return cms != NULL && write_contents (temp, &layout, cms, error);
}

gboolean
xaso_pdf_sign_file (XasoPdfIdentity          *identity,
                    const char               *input,
                    const char               *output,
                    const XasoPdfSignOptions *options,
                    GCancellable             *cancellable,
                    XasoPdfProgressFunc       progress,
                    gpointer                  user_data,
                    GError                  **error)
{
  g_autoptr(XasoPdfDocument) document = NULL;
  g_autofree char *temp = NULL;
  Stage stage = { progress, user_data, 0.0, 0.8 };
  XasoPdfSignOptions defaults;

  g_return_val_if_fail (XASO_IS_PDF_IDENTITY (identity), FALSE);
  if (options == NULL)
    {
      xaso_pdf_sign_options_init (&defaults);
      options = &defaults;
    }
  document = xaso_pdf_document_new_from_file (input, error);
  if (document == NULL)
    return FALSE;
  temp = temp_path_beside (output, error);
  if (temp == NULL)
    return FALSE;
  if (!sign_into (identity, document, temp, options, cancellable, &stage, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  /* rename () replaces the output at once on POSIX; Windows refuses to
   * rename over a file, so there the old one goes first. Elsewhere the
   * original stays whole if the rename fails. */
#ifdef G_OS_WIN32
  g_unlink (output);
#endif
  if (g_rename (temp, output) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot save “%s”: %s"), output, g_strerror (saved));
      g_unlink (temp);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
