/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pdf-sign-test-util.h"
#include "xaso-pdf-update.h"

/* PAdES signing and verification, checked by ours and by pdfsig, qpdf and
 * openssl. Keys, the token and the TSA are made at run time. */

#define FORM "/usr/share/cups/data/form_english.pdf"
/* A manual without a form (libtasn1-doc): poppler draws the appearances of
 * a form that asks for /NeedAppearances itself, and draws signatures empty. */
#define MANUAL "/usr/share/doc/libtasn1-doc/libtasn1.pdf"

static char *
sample_of (const char *source,
           const char *name)
{
  g_autofree char *tmp = g_dir_make_tmp ("xaso-sign-test-XXXXXX", NULL);
  g_autofree char *data = NULL;
  char *path = g_build_filename (tmp, name, NULL);
  gsize len = 0;

  g_assert_true (g_file_get_contents (source, &data, &len, NULL));
  write_file (path, (const guint8 *)data, len);
  return path;
}

static char *
sample (const char *name)
{
  return sample_of (FORM, name);
}

static gboolean
ready (void)
{
  if (!g_file_test (FORM, G_FILE_TEST_EXISTS) || !sign_env_setup ())
    {
      g_test_skip ("signing tools or cups-filters missing");
      return FALSE;
    }
  return TRUE;
}

static char *
sign (XasoPdfIdentity *identity,
      const char      *input,
      const char      *tsa,
      gboolean         visible)
{
  g_autoptr(GError) error = NULL;
  char *output = xaso_pdf_sign_default_output (input);
  XasoPdfSignOptions options;

  xaso_pdf_sign_options_init (&options);
  options.reason = "Phê duyệt";
  options.location = "Xã Thử Nghiệm";
  options.tsa_url = tsa;
  if (visible)
    {
      options.rect[0] = 350, options.rect[1] = 80, options.rect[2] = 200, options.rect[3] = 70;
    }
  g_assert_true (xaso_pdf_sign_file (identity, input, output, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return output;
}

static void
assert_all_valid (const char *path,
                  guint       n)
{
  g_autoptr(XasoPdfVerifyReport) report = verify_ours (path);

  g_assert_cmpuint (report->signatures->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      XasoPdfSignatureReport *r = g_ptr_array_index (report->signatures, i);

      g_assert_true (xaso_pdf_signature_report_is_valid (r));
      g_assert_true (r->trusted);
      g_assert_true (r->ess_ok);
      g_assert_false (r->has_signing_time);
      g_assert_nonnull (r->claimed_time);
      g_assert_cmpint (r->after, ==, i + 1 < n ? XASO_PDF_AFTER_SIGNATURES : XASO_PDF_AFTER_NOTHING);
    }
}

static void
test_p12 (gconstpointer data)
{
  const char *key = data;
  g_autoptr(XasoPdfIdentity) identity = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  XasoPdfSignatureReport *r;

  if (!ready ())
    return;
  identity = sign_env_p12 (key);
  input = sample ("form.pdf");
  output = sign (identity, input, NULL, TRUE);
  assert_all_valid (output, 1);
  report = verify_ours (output);
  r = g_ptr_array_index (report->signatures, 0);
  g_assert_cmpstr (r->organization, ==, "UBND xã Thử Nghiệm");
  g_assert_cmpstr (r->sub_filter, ==, "ETSI.CAdES.detached");
  oracle_pdfsig (output, 1);
  oracle_qpdf (output);
  oracle_openssl_cms (output, 0, FALSE);
}

static void
test_timestamp (void)
{
  g_autoptr(XasoPdfIdentity) identity = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  XasoPdfSignatureReport *r;

  if (!ready ())
    return;
  identity = sign_env_p12 ("ec");
  input = sample ("stamped.pdf");
  output = sign (identity, input, sign_env_tsa (), TRUE);
  report = verify_ours (output);
  r = g_ptr_array_index (report->signatures, 0);
  g_assert_true (xaso_pdf_signature_report_is_valid (r));
  g_assert_true (r->has_timestamp);
  g_assert_true (r->timestamp_ok);
  g_assert_true (r->timestamp_trusted);
  g_assert_nonnull (r->timestamp_time);
  oracle_pdfsig (output, 1);
  oracle_qpdf (output);
  oracle_openssl_cms (output, 0, TRUE);
}

static void
test_pkcs11 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfIdentity) identity = NULL;
  g_autoptr(XasoPdfIdentity) wrong = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  const char *url = "pkcs11:token=XASO-TEST;object=signkey";

  if (!ready ())
    return;
  wrong = xaso_pdf_identity_new_from_pkcs11 (url, "0000", &error);
  g_assert_null (wrong);
  g_assert_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PIN);
  g_assert_true (g_str_has_prefix (error->message, "Wrong PIN."));
  g_clear_error (&error);
  identity = xaso_pdf_identity_new_from_pkcs11 (url, "1234", &error);
  g_assert_no_error (error);
  input = sample ("token.pdf");
  output = sign (identity, input, NULL, TRUE);
  assert_all_valid (output, 1);
  oracle_pdfsig (output, 1);
  oracle_qpdf (output);
  oracle_openssl_cms (output, 0, FALSE);
}

static void
test_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p12 = NULL;
  g_autoptr(XasoPdfIdentity) identity = NULL;

  if (!ready ())
    return;
  p12 = sign_env_path ("rsa.p12");
  identity = xaso_pdf_identity_new_from_pkcs12 (p12, "nope", &error);
  g_assert_null (identity);
  g_assert_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PASSWORD);
}

/* Leader, then organization: the first signature stays valid. */
static void
test_twice (void)
{
  g_autoptr(XasoPdfIdentity) leader = NULL;
  g_autoptr(XasoPdfIdentity) org = NULL;
  g_autofree char *input = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  if (!ready ())
    return;
  leader = sign_env_p12 ("rsa");
  org = sign_env_p12 ("ec");
  input = sample ("twice.pdf");
  once = sign (leader, input, NULL, TRUE);
  twice = sign (org, once, NULL, TRUE);
  assert_all_valid (twice, 2);
  oracle_pdfsig (twice, 2);
  oracle_qpdf (twice);
  oracle_openssl_cms (twice, 0, FALSE);
  oracle_openssl_cms (twice, 1, FALSE);
}

/* Signs @input as @kind where that kind goes (DESIGN.md §5, DOMAIN.md),
 * with the appearance drawn from the certificate. */
static char *
sign_placed (XasoPdfIdentity       *identity,
             const char            *input,
             const char            *name,
             XasoPdfAppearanceKind  kind)
{
  g_autofree char *dir = g_path_get_dirname (input);
  char *output = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  XasoPdfSignOptions options;
  XasoPdfAppearance look;

  xaso_pdf_sign_options_init (&options);
  xaso_pdf_appearance_init (&look, kind);
  look.copy_form = "SAO Y";
  options.placement = XASO_PDF_PLACE_AUTO;
  options.appearance = &look;
  g_assert_true (xaso_pdf_sign_file (identity, input, output, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return output;
}

/* The widget of signature @index: its page and rectangle [x1 y1 x2 y2]. */
static int
widget_of (const char *path,
           guint       index,
           double      box[4])
{
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_file (path, NULL);
  g_autoptr(GPtrArray) sigs = xaso_pdf_document_list_signatures (doc);
  XasoPdfSignature *sig = g_ptr_array_index (sigs, index);
  XasoPdfObject *rect = xaso_pdf_object_dict_get (sig->field.dict, "Rect");
  XasoPdfObject *page = xaso_pdf_object_dict_get (sig->field.dict, "P");

  for (guint i = 0; i < 4; i++)
    g_assert_true (xaso_pdf_object_get_number (xaso_pdf_object_array_get (rect, i), &box[i]));
  for (guint i = 0; i < xaso_pdf_document_get_n_pages (doc); i++)
    {
      guint32 num = 0;

      xaso_pdf_document_get_page (doc, i, &num, NULL);
      if (num == xaso_pdf_object_ref_get_num (page))
        return (int)i;
    }
  return -1;
}

static void
assert_page_text (const char *path,
                  const char *page,
                  const char *expected)
{
  const char *argv[] = { "pdftotext", "-f", page, "-l", page, path, "-", NULL };
  int status = 0;
  g_autofree char *text = sign_env_run (argv, &status);

  g_test_message ("page %s of %s: %s", page, path, text);
  g_assert_nonnull (strstr (text, expected));
}

static void
test_placed_by_kind (void)
{
  g_autoptr(XasoPdfIdentity) leader = NULL;
  g_autoptr(XasoPdfIdentity) org = NULL;
  g_autofree char *input = NULL, *once = NULL, *twice = NULL, *copy = NULL;
  double person[4], seal[4], copied[4];

  if (!ready () || !g_file_test (MANUAL, G_FILE_TEST_EXISTS))
    return;
  leader = sign_env_p12 ("rsa");
  org = sign_env_p12 ("ec");
  input = sample_of (MANUAL, "placed.pdf");
  once = sign_placed (leader, input, "person.pdf", XASO_PDF_APPEARANCE_LEADER);
  twice = sign_placed (org, once, "seal.pdf", XASO_PDF_APPEARANCE_ORGANIZATION);
  copy = sign_placed (org, input, "copy.pdf", XASO_PDF_APPEARANCE_COPY);

  /* The person's signature at the bottom right of the last page (36, US
   * letter), in Vietnamese with the names of the certificate. */
  g_assert_cmpint (widget_of (twice, 0, person), ==, 35);
  g_assert_cmpfloat (person[2], >, 612 * 0.75);
  g_assert_cmpfloat (person[1], <, 792 * 0.25);
  assert_page_text (twice, "36", "Ký bởi: Nguyễn Văn An");
  /* The organization's seal over the left third of it, on the same page. */
  g_assert_cmpint (widget_of (twice, 1, seal), ==, 35);
  g_assert_cmpfloat (seal[0], <, person[0]);
  g_assert_cmpfloat (seal[2], >, person[0]);
  g_assert_cmpfloat (seal[2], <=, person[0] + (person[2] - person[0]) / 3 + 1);
  assert_page_text (twice, "36", "Ký bởi: UBND xã Thử Nghiệm");
  /* A copy's text at the top right of page 1. */
  g_assert_cmpint (widget_of (copy, 0, copied), ==, 0);
  g_assert_cmpfloat (copied[2], >, 612 * 0.75);
  g_assert_cmpfloat (copied[3], >, 792 * 0.9);
  assert_page_text (copy, "1", "SAO Y");
  assert_all_valid (twice, 2);
  oracle_pdfsig (twice, 2);
  oracle_qpdf (twice);
}

/* A copy's text on a page turned a quarter (/Rotate 90): at the top
 * right of the page as shown, and upright — wider than tall, as pdftotext
 * measures it in the shown page's coordinates. */
static void
test_upright_on_turned_page (void)
{
  g_autoptr(XasoPdfIdentity) org = NULL;
  g_autofree char *input = NULL, *turned = NULL, *copy = NULL, *bbox = NULL;
  double x_min, y_min, x_max, y_max;
  const char *word;
  int status = 0;

  if (!ready () || !g_file_test (MANUAL, G_FILE_TEST_EXISTS))
    return;
  org = sign_env_p12 ("ec");
  input = sample_of (MANUAL, "upright.pdf");
  turned = g_strconcat (input, "-turned.pdf", NULL);
  {
    const char *argv[] = { "qpdf", "--rotate=+90", input, turned, NULL };
    g_free (sign_env_run (argv, &status));
  }
  copy = sign_placed (org, turned, "turned-copy.pdf", XASO_PDF_APPEARANCE_COPY);
  {
    const char *argv[] = { "pdftotext", "-bbox", "-f", "1", "-l", "1", copy, "-", NULL };
    bbox = sign_env_run (argv, &status);
  }
  word = strstr (bbox, ">SAO<");
  g_assert_nonnull (word);
  while (word > bbox && strncmp (word, "<word", 5) != 0)
    word--;
  g_assert_cmpint (sscanf (word, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                           &x_min, &y_min, &x_max, &y_max), ==, 4);
  g_assert_cmpfloat (x_max, >, 792 * 0.7);       /* the shown page is 792 wide */
  g_assert_cmpfloat (y_min, <, 60);
  g_assert_cmpfloat (x_max - x_min, >, y_max - y_min);
  assert_all_valid (copy, 1);
}

static void
flip_byte (const char *path,
           gsize       at)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (at, <, len);
  data[at] ^= 0x01;
  write_file (path, (const guint8 *)data, len);
}

static void
test_tampered (void)
{
  g_autoptr(XasoPdfIdentity) identity = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (!ready ())
    return;
  identity = sign_env_p12 ("rsa");
  input = sample ("tampered.pdf");
  output = sign (identity, input, NULL, FALSE);
  /* Inside the original's compressed page content, far from the syntax. */
  flip_byte (output, 1000);
  report = verify_ours (output);
  g_assert_cmpuint (report->signatures->len, ==, 1);
  g_assert_false (xaso_pdf_signature_report_is_valid (g_ptr_array_index (report->signatures, 0)));
  g_assert_false (((XasoPdfSignatureReport *)g_ptr_array_index (report->signatures, 0))->digest_ok);
  db = g_strdup_printf ("sql:%s/nssdb", sign_env.dir);
  {
    const char *argv[] = { "pdfsig", "-nssdir", db, output, NULL };

    out = sign_env_run (argv, &status);
  }
  g_assert_null (strstr (out, "Signature is Valid."));
}

/* A later signature that does not check out cannot excuse the update it
 * ends: otherwise anyone could append changes behind a made-up signature
 * and the earlier one would say "only later signatures were added". */
static void
test_broken_later_signature_is_a_change (void)
{
  g_autoptr(XasoPdfIdentity) leader = NULL;
  g_autoptr(XasoPdfIdentity) org = NULL;
  g_autofree char *input = NULL, *once = NULL, *twice = NULL;
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  XasoPdfSignatureReport *first, *second;
  guint64 hole = 0;

  if (!ready ())
    return;
  leader = sign_env_p12 ("rsa");
  org = sign_env_p12 ("ec");
  input = sample ("broken-later.pdf");
  once = sign (leader, input, NULL, TRUE);
  twice = sign (org, once, NULL, TRUE);
  {
    g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_file (twice, NULL);
    g_autoptr(GPtrArray) sigs = xaso_pdf_document_list_signatures (doc);

    for (guint i = 0; i < sigs->len; i++)
      {
        XasoPdfSignature *sig = g_ptr_array_index (sigs, i);

        hole = MAX (hole, sig->contents_start);
      }
  }
  /* A digit of the second signature's value: outside every signed range. */
  flip_byte (twice, hole + 301);
  report = verify_ours (twice);
  g_assert_cmpuint (report->signatures->len, ==, 2);
  first = g_ptr_array_index (report->signatures, 0);
  second = g_ptr_array_index (report->signatures, 1);
  g_assert_true (xaso_pdf_signature_report_is_valid (first));
  g_assert_false (xaso_pdf_signature_report_is_valid (second));
  g_assert_cmpint (first->after, ==, XASO_PDF_AFTER_CHANGES);
}

/* An update after the signature that no signature covers. */
static void
test_changed_after (void)
{
  g_autoptr(XasoPdfIdentity) identity = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = NULL;
  g_autoptr(XasoPdfUpdate) update = NULL;
  g_autoptr(GBytes) tail = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(XasoPdfVerifyReport) report = NULL;
  XasoPdfSignatureReport *r;
  XasoPdfObject *root;

  if (!ready ())
    return;
  identity = sign_env_p12 ("rsa");
  input = sample ("changed.pdf");
  output = sign (identity, input, NULL, TRUE);
  doc = xaso_pdf_document_new_from_file (output, &error);
  g_assert_no_error (error);
  update = xaso_pdf_update_new (doc);
  root = xaso_pdf_object_dict_get (xaso_pdf_document_get_trailer (doc), "Root");
  xaso_pdf_object_dict_set (xaso_pdf_update_edit (update, xaso_pdf_object_ref_get_num (root), 0, &error),
                            "Lang", xaso_pdf_object_new_string ((const guint8 *)"en", 2));
  tail = xaso_pdf_update_build (update, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (input);
  stream = g_file_replace (file, NULL, FALSE, 0, NULL, &error);
  g_assert_true (xaso_pdf_update_write (update, tail, G_OUTPUT_STREAM (stream), NULL, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  report = verify_ours (input);
  r = g_ptr_array_index (report->signatures, 0);
  g_assert_true (xaso_pdf_signature_report_is_valid (r));
  g_assert_cmpint (r->after, ==, XASO_PDF_AFTER_CHANGES);
  g_assert_cmpuint (r->later_updates, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/pdf/sign/p12-rsa", "rsa", test_p12);
  g_test_add_data_func ("/pdf/sign/p12-ecdsa", "ec", test_p12);
  g_test_add_func ("/pdf/sign/p12-wrong-password", test_wrong_password);
  g_test_add_func ("/pdf/sign/pkcs11-token-and-wrong-pin", test_pkcs11);
  g_test_add_func ("/pdf/sign/b-t-timestamp", test_timestamp);
  g_test_add_func ("/pdf/sign/leader-then-organization", test_twice);
  g_test_add_func ("/pdf/sign/placed-by-kind", test_placed_by_kind);
  g_test_add_func ("/pdf/sign/upright-on-turned-page", test_upright_on_turned_page);
  g_test_add_func ("/pdf/sign/flipped-byte-rejected", test_tampered);
  g_test_add_func ("/pdf/sign/changed-after-signing", test_changed_after);
  g_test_add_func ("/pdf/sign/broken-later-signature-is-a-change", test_broken_later_signature_is_a_change);
  status = g_test_run ();
  if (sign_env.tsa_stdin > 0)
    close (sign_env.tsa_stdin);
  return status;
}
