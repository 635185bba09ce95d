/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pdf-sign-test-util.h"

/* Real PDFs we did not write (the Debian corpus of pdf-signing.md §5 and
 * ../shared/testdata/pdf), each signed twice — the leader, then the
 * organization — and checked by ours, pdfsig, qpdf and (for some) openssl.
 * Signatures already in a file must stay valid. */

static const char *debian[] = {
  "/usr/share/cups/data/form_english.pdf",
  "/usr/share/cups/data/form_russian.pdf",
  "/usr/share/cups/data/default-testpage.pdf",
  "/usr/share/cups/data/classified.pdf",
  "/usr/share/cups/data/confidential.pdf",
  "/usr/share/cups/data/topsecret.pdf",
  "/usr/share/doc/libpodofo-utils/examples/podofoimpose/sample.pdf",
  "/usr/share/doc/libjs-pdf/examples/learning/helloworld.pdf",
  "/usr/share/doc/asymptote/examples/pixel.pdf",
  "/usr/share/doc/asymptote/asymptote.pdf",
  "/usr/share/doc/asymptote/asyRefCard.pdf",
  "/usr/share/doc/libtasn1-doc/libtasn1.pdf",
  "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
  "/usr/share/doc/gnuplot/gnuplot.pdf",
  "/usr/share/doc/r-doc-pdf/manual/refman.pdf",
  "/usr/share/doc/r-doc-pdf/manual/R-intro.pdf",
  "/usr/share/doc/valgrind/valgrind_manual.pdf.gz",
  "/usr/share/doc/zlib1g-dev/crc-doc.1.0.pdf.gz",
  "/usr/share/doc/nettle-dev/nettle.pdf.gz",
  "/usr/share/doc/fonts-sil-abyssinica/documentation/AbyssinicaSILTypeSample.pdf.gz",
  "/usr/share/doc/fonts-sil-abyssinica/documentation/AbyssinicaSILFontFeatures.pdf.gz",
  "/usr/share/doc/fonts-sil-scheherazade/documentation/Scheherazade-features.pdf.gz",
  "/usr/share/doc/fonts-sil-andika/documentation/pdf/about.pdf.gz",
  "/usr/share/doc/fonts-sil-andika/documentation/pdf/features.pdf.gz",
  "/usr/share/doc/fonts-sil-padauk/documentation/Padauk-features.pdf.gz",
};

/* The encrypted samples are refused by the reader on purpose, and
 * broken-objstream1.pdf has no page the reader can find to sign on. */
static const char *shared[] = {
  "minimal-broken-xref-size.pdf",
  "minimal-hybrid-xref-mswordstyle.pdf",
  "minimal-hybrid-xref.pdf",
  "minimal-signed-twice-both-created.pdf",
  "minimal-startxref-obo1.pdf",
  "minimal-two-fields-signed-twice.pdf",
};

static XasoPdfIdentity *leader, *organization;
static guint case_index;

/* A copy in a temporary folder (unpacked when gzipped): outputs go beside it. */
static char *
copy_input (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GInputStream) plain = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xaso-corpus-XXXXXX", NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  g_assert_no_error (error);
  if (g_str_has_suffix (base, ".gz"))
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      base[strlen (base) - 3] = 0;
      plain = g_converter_input_stream_new (in, G_CONVERTER (gunzip));
    }
  else
    plain = g_object_ref (in);
  target = g_file_new_build_filename (dir, base, NULL);
  out = g_file_replace (target, NULL, FALSE, 0, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice (G_OUTPUT_STREAM (out), plain, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_file_get_path (target);
}

static guint
count_signed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_file (path, &error);
  g_autoptr(GPtrArray) sigs = NULL;
  guint n = 0;

  g_assert_no_error (error);
  sigs = xaso_pdf_document_list_signatures (doc);
  for (guint i = 0; i < sigs->len; i++)
    n += ((XasoPdfSignature *)g_ptr_array_index (sigs, i))->field.value != NULL;
  return n;
}

static char *
sign_as (XasoPdfIdentity *identity,
         const char      *input,
         double           x)
{
  g_autoptr(GError) error = NULL;
  char *output = xaso_pdf_sign_default_output (input);
  XasoPdfSignOptions options;

  xaso_pdf_sign_options_init (&options);
  options.rect[0] = x, options.rect[1] = 40, options.rect[2] = 150, options.rect[3] = 60;
  xaso_pdf_sign_file (identity, input, output, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return output;
}

static void
check_ours (const char *path,
            guint       before,
            guint       total)
{
  g_autoptr(XasoPdfVerifyReport) report = verify_ours (path);

  g_assert_cmpuint (report->signatures->len, ==, total);
  for (guint i = 0; i < total; i++)
    {
      XasoPdfSignatureReport *r = g_ptr_array_index (report->signatures, i);

      /* Earlier signatures chain to someone else's test CA: valid, untrusted. */
      g_assert_true (xaso_pdf_signature_report_is_valid (r));
      if (i >= before)
        g_assert_true (r->trusted);
      g_assert_cmpint (r->after, !=, XASO_PDF_AFTER_CHANGES);
    }
}

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *input = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  guint before, index = case_index++;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || !sign_env_setup ())
    {
      g_test_skip ("file or signing tools missing");
      return;
    }
  if (leader == NULL)
    {
      leader = sign_env_p12 ("rsa");
      organization = sign_env_p12 ("ec");
    }
  input = copy_input (path);
  before = count_signed (input);
  once = sign_as (leader, input, 300);
  twice = sign_as (organization, once, 250);
  check_ours (twice, before, before + 2);
  oracle_qpdf (twice);
  oracle_pdfsig (twice, before + 2);
  /* openssl on a third of the files keeps the suite short. */
  if (index % 3 == 0)
    {
      oracle_openssl_cms (twice, before, FALSE);
      oracle_openssl_cms (twice, before + 1, FALSE);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (debian); i++)
    g_ptr_array_add (paths, g_strdup (debian[i]));
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    g_ptr_array_add (paths, pdf_test_sample_path (shared[i]));
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strdup_printf ("/pdf/sign-corpus/%u-%s", i, base);

      g_test_add_data_func (name, path, test_file);
    }
  status = g_test_run ();
  g_clear_object (&leader);
  g_clear_object (&organization);
  return status;
}
