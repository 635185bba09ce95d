/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pdf-test-util.h"

/* Real PDFs we did not write, from Debian packages that build-aux/dev
 * installs (the corpus of pdf-signing.md §5). Each is opened, its page
 * count compared with pdfinfo's, and its object count with qpdf's. */

typedef enum
{
  KIND_TABLE,
  KIND_STREAM,
  KIND_ANY,                     /* repaired files: the kind is a guess */
} Kind;

typedef struct
{
  const char *path;
  Kind        kind;
  gboolean    damaged;          /* qpdf reconstructs its xref; we repair only if an
                                 * object we need is misplaced */
  gboolean    form;             /* has an AcroForm with fields */
} Sample;

static const Sample samples[] = {
  { "/usr/share/cups/data/form_english.pdf", KIND_TABLE, FALSE, TRUE },
  { "/usr/share/cups/data/form_russian.pdf", KIND_TABLE, FALSE, TRUE },
  { "/usr/share/cups/data/default-testpage.pdf", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/cups/data/classified.pdf", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/cups/data/confidential.pdf", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/cups/data/topsecret.pdf", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/doc/libpodofo-utils/examples/podofoimpose/sample.pdf", KIND_ANY, FALSE, FALSE },
  { "/usr/share/doc/libjs-pdf/examples/learning/helloworld.pdf", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/doc/asymptote/examples/pixel.pdf", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/doc/asymptote/asymptote.pdf", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/asymptote/asyRefCard.pdf", KIND_ANY, FALSE, FALSE },
  { "/usr/share/doc/libtasn1-doc/libtasn1.pdf", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/gnuplot/gnuplot.pdf", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/r-doc-pdf/manual/refman.pdf", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/r-doc-pdf/manual/R-intro.pdf", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/valgrind/valgrind_manual.pdf.gz", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/doc/zlib1g-dev/crc-doc.1.0.pdf.gz", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/doc/nettle-dev/nettle.pdf.gz", KIND_STREAM, FALSE, FALSE },
  { "/usr/share/doc/fonts-sil-abyssinica/documentation/AbyssinicaSILTypeSample.pdf.gz", KIND_ANY, FALSE, FALSE },
  { "/usr/share/doc/fonts-sil-abyssinica/documentation/AbyssinicaSILFontFeatures.pdf.gz", KIND_TABLE, FALSE, FALSE },
  { "/usr/share/doc/fonts-sil-scheherazade/documentation/Scheherazade-features.pdf.gz", KIND_ANY, FALSE, FALSE },
  { "/usr/share/doc/fonts-sil-andika/documentation/pdf/about.pdf.gz", KIND_ANY, TRUE, FALSE },
  { "/usr/share/doc/fonts-sil-andika/documentation/pdf/features.pdf.gz", KIND_ANY, TRUE, FALSE },
  { "/usr/share/doc/fonts-sil-padauk/documentation/Padauk-features.pdf.gz", KIND_TABLE, FALSE, FALSE },
};

/* The .gz files are unpacked to a temporary file, which pdfinfo and qpdf
 * read too. */
static char *
unpacked_path (const char *path,
               char      **tmpdir)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GConverter) gunzip = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  *tmpdir = NULL;
  if (!g_str_has_suffix (path, ".gz"))
    return g_strdup (path);
  *tmpdir = g_dir_make_tmp ("xaso-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  base[strlen (base) - 3] = 0;
  target = g_file_new_build_filename (*tmpdir, base, NULL);
  raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  in = g_converter_input_stream_new (raw, gunzip);
  out = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice (G_OUTPUT_STREAM (out), in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_file_get_path (target);
}

static void
remove_unpacked (const char *path,
                 char       *tmpdir)
{
  if (tmpdir == NULL)
    return;
  g_remove (path);
  g_rmdir (tmpdir);
  g_free (tmpdir);
}

/* qpdf --show-xref lists one line per object: "N/G: uncompressed; …" or
 * "N/G: compressed; …". FALSE when qpdf is missing. */
static gboolean
qpdf_counts (const char *path,
             guint      *direct,
             guint      *compressed)
{
  const char *argv[] = { "qpdf", "--show-xref", path, NULL };
  g_autofree char *out = pdf_test_run (argv);

  if (out == NULL)
    return FALSE;
  *direct = *compressed = 0;
  /* A plain walk: strstr() over the whole output per line is quadratic
   * under AddressSanitizer's interceptor. */
  for (const char *p = out; *p != 0; p++)
    {
      if (*p != ':')
        continue;
      *direct += strncmp (p, ": uncompressed;", 15) == 0;
      *compressed += strncmp (p, ": compressed;", 13) == 0;
    }
  return TRUE;
}

static void
check_objects (XasoPdfDocument *doc,
               const char      *path,
               const Sample    *sample)
{
  guint direct, compressed, q_direct, q_compressed;

  xaso_pdf_document_count_objects (doc, &direct, &compressed);
  g_assert_cmpuint (direct + compressed, >, 0);
  if (sample->damaged || !qpdf_counts (path, &q_direct, &q_compressed))
    return;
  g_assert_cmpuint (compressed, ==, q_compressed);
  g_assert_cmpuint (direct, ==, q_direct);
}

static void
check_pages (XasoPdfDocument *doc,
             const char      *path)
{
  gint64 expected = pdf_test_pdfinfo_pages (path);
  guint n = xaso_pdf_document_get_n_pages (doc);

  g_assert_cmpuint (n, >, 0);
  if (expected >= 0)
    g_assert_cmpint (n, ==, expected);
  /* Every page has a media box, inherited or its own. */
  for (guint i = 0; i < n; i += MAX (1, n / 50))
    g_assert_nonnull (xaso_pdf_document_get_page_attribute (doc, i, "MediaBox"));
}

static void
test_sample (gconstpointer data)
{
  const Sample *sample = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  g_autofree char *path = NULL;
  char *tmpdir = NULL;

  if (!g_file_test (sample->path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("not installed; build-aux/dev installs it");
      return;
    }
  path = unpacked_path (sample->path, &tmpdir);
  doc = xaso_pdf_document_new_from_file (path, &error);
  g_assert_no_error (error);
  if (!sample->damaged)
    g_assert_false (xaso_pdf_document_was_repaired (doc));
  if (sample->kind != KIND_ANY)
    g_assert_cmpint (xaso_pdf_document_get_last_xref_kind (doc), ==,
                     sample->kind == KIND_TABLE ? XASO_PDF_XREF_TABLE : XASO_PDF_XREF_STREAM);
  check_pages (doc, path);
  check_objects (doc, path, sample);
  if (sample->form)
    {
      g_autoptr(GPtrArray) fields = xaso_pdf_document_list_fields (doc);

      g_assert_cmpuint (fields->len, >, 0);
    }
  remove_unpacked (path, tmpdir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *base = g_path_get_basename (samples[i].path);
      g_autofree char *name = g_strdup_printf ("/pdf/debian/%s", base);

      g_test_add_data_func (name, &samples[i], test_sample);
    }
  return g_test_run ();
}
