/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "xaso-collate.h"
#include "xaso-legacy.h"
#include "xaso-text-decode.h"
#include "xaso-test-util.h"
#include "xaso-unicode.h"

/* One Unicode form, the Vietnamese alphabetical order, and text from old
 * encodings found and converted. */

/* "Trần Thị Quỳnh Ngọc Lạc" with every mark combining (NFD). */
#define LAC_NFD "Tra\xcc\x82\xcc\x80n Thi\xcc\xa3 Quy\xcc\x80nh Ngo\xcc\xa3" "c La\xcc\xa3" "c"
#define LAC_NFC "Trần Thị Quỳnh Ngọc Lạc"

static void
test_nfc (void)
{
  g_autofree char *nfc = xaso_unicode_nfc (LAC_NFD);
  g_autofree char *same = xaso_unicode_nfc (LAC_NFC);
  g_autofree char *repaired = xaso_unicode_nfc ("Nguy\xff" "en");

  g_assert_cmpstr (nfc, ==, LAC_NFC);
  g_assert_cmpint (g_utf8_strlen (nfc, -1), ==, 23);
  g_assert_cmpstr (same, ==, LAC_NFC);
  g_assert_true (xaso_unicode_is_nfc (LAC_NFC));
  g_assert_true (xaso_unicode_is_nfc ("Nguyen Van An 0123"));
  g_assert_false (xaso_unicode_is_nfc (LAC_NFD));
  /* Precomposed ê followed by a combining tilde is not NFC either. */
  g_assert_false (xaso_unicode_is_nfc ("Nguy\xc3\xaa\xcc\x83n"));
  g_assert_false (xaso_unicode_is_nfc ("Nguy\xff" "en"));
  g_assert_cmpstr (repaired, ==, "Nguy\xef\xbf\xbd" "en");
  g_assert_null (xaso_unicode_nfc (NULL));
}

static int
compare_name_keys (gconstpointer a,
                   gconstpointer b)
{
  g_autofree char *ka = xaso_collate_name_key (*(const char **) a);
  g_autofree char *kb = xaso_collate_name_key (*(const char **) b);

  return strcmp (ka, kb);
}

static void
test_register_order (void)
{
  g_autoptr(GPtrArray) expected = xaso_test_register_order ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < expected->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (expected, i));
  for (guint i = sorted->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer t = sorted->pdata[i];

      sorted->pdata[i] = sorted->pdata[j];
      sorted->pdata[j] = t;
    }
  g_ptr_array_sort (sorted, compare_name_keys);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (g_ptr_array_index (sorted, i), ==, g_ptr_array_index (expected, i));
}

static void
test_alphabet_and_tones (void)
{
  static const char * const alphabet[] = {
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q",
    "r", "s", "t", "u", "ư", "v", "x", "y",
  };
  static const char * const tones[] = { "ma", "mà", "mả", "mã", "má", "mạ", "mai" };

  for (guint i = 1; i < G_N_ELEMENTS (alphabet); i++)
    g_assert_cmpint (xaso_collate_compare (alphabet[i - 1], alphabet[i]), <, 0);
  for (guint i = 1; i < G_N_ELEMENTS (tones); i++)
    g_assert_cmpint (xaso_collate_compare (tones[i - 1], tones[i]), <, 0);
  /* Case, the Unicode form and extra spaces do not count. */
  g_assert_cmpint (xaso_collate_compare ("NGUYỄN  Văn An", "Nguyễn Văn An "), ==, 0);
  g_assert_cmpint (xaso_collate_compare (LAC_NFD, LAC_NFC), ==, 0);
  /* Numbers by their value: hamlets, document numbers. */
  g_assert_cmpint (xaso_collate_compare ("Thôn 2", "Thôn 10"), <, 0);
  g_assert_cmpint (xaso_collate_compare ("Thôn Dương", "Thôn Đông"), <, 0);
  /* Independent of the locale the program runs in. */
  g_assert_nonnull (xaso_collate_get_version ());
}

static void
test_sort_strv (void)
{
  g_auto(GStrv) hamlets = g_strsplit ("Thôn 10|Xóm Đình|Thôn 2|Ấp Bắc|Xóm Dưới|Thôn 1", "|", -1);
  g_autofree char *joined = NULL;

  xaso_collate_sort_strv (hamlets);
  joined = g_strjoinv ("|", hamlets);
  g_assert_cmpstr (joined, ==, "Ấp Bắc|Thôn 1|Thôn 2|Thôn 10|Xóm Dưới|Xóm Đình");
}

static void
test_name_key_compares_given_name_first (void)
{
  g_autofree char *anh = xaso_collate_name_key ("Trần Văn Anh");
  g_autofree char *anh_acute = xaso_collate_name_key ("Bùi Thị Ánh");
  g_autofree char *an = xaso_collate_name_key ("Vũ An");
  g_autofree char *an_longer = xaso_collate_name_key ("An");

  /* The whole given name, tones included, comes before the surname. */
  g_assert_cmpint (strcmp (anh, anh_acute), <, 0);
  g_assert_cmpint (strcmp (an_longer, an), <, 0);
}

/* Decoding -------------------------------------------------------------- */

static const char * const sample_lines[] = {
  "Cộng hòa xã hội chủ nghĩa Việt Nam",
  "Nguyễn Văn An,Thôn Đông,Nông dân",
  "Trần Thị Quỳnh Ngọc Lạc,Xóm Giữa,Giáo viên",
  "Phạm Đức Thắng,Thôn Thượng,Bộ đội xuất ngũ",
  "Lê Thị Hường,Ấp Mỹ Lợi,Buôn bán",
};

static char *
sample_file (XasoEncoding encoding)
{
  GString *file = g_string_new ("full_name,hamlet,occupation\n");

  for (guint i = 0; i < G_N_ELEMENTS (sample_lines); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = 0;
      g_autofree char *bytes = xaso_legacy_encode (encoding, sample_lines[i], &len, &error);

      g_assert_no_error (error);
      g_string_append_len (file, bytes, len);
      g_string_append (file, "\r\n");
    }
  return g_string_free (file, FALSE);
}

static char *
expected_file (void)
{
  GString *file = g_string_new ("full_name,hamlet,occupation\n");

  for (guint i = 0; i < G_N_ELEMENTS (sample_lines); i++)
    g_string_append_printf (file, "%s\r\n", sample_lines[i]);
  return g_string_free (file, FALSE);
}

static void
assert_decodes (const char   *bytes,
                XasoEncoding  file_encoding,
                XasoEncoding  from,
                guint         n_converted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = expected_file ();
  XasoTextDecoding decoding;
  g_autofree char *text = xaso_text_decode_auto (bytes, strlen (bytes), &decoding, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (decoding.file_encoding, ==, file_encoding);
  g_assert_cmpint (decoding.converted_from, ==, from);
  g_assert_cmpuint (decoding.n_lines_converted, ==, n_converted);
}

static void
test_decode_each_encoding (void)
{
  static const XasoEncoding encodings[] = { XASO_ENCODING_TCVN3, XASO_ENCODING_VNI, XASO_ENCODING_CP1258 };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *file = sample_file (encodings[i]);

      assert_decodes (file, encodings[i], encodings[i], G_N_ELEMENTS (sample_lines));
    }
}

static void
test_decode_unicode (void)
{
  g_autofree char *plain = expected_file ();
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", plain, NULL);
  g_autofree char *nfd = g_utf8_normalize (plain, -1, G_NORMALIZE_NFD);
  XasoTextDecoding decoding;
  g_autofree char *text = NULL;

  assert_decodes (plain, XASO_ENCODING_UTF8, XASO_ENCODING_UTF8, 0);
  assert_decodes (bom, XASO_ENCODING_UTF8, XASO_ENCODING_UTF8, 0);
  assert_decodes (nfd, XASO_ENCODING_UTF8, XASO_ENCODING_UTF8, 0);
  text = xaso_text_decode_auto (bom, strlen (bom), &decoding, NULL);
  g_assert_true (decoding.had_bom);
}

/* Old-font text that reached a UTF-8 file as Windows-1252 characters, a
 * row in Unicode among rows in TCVN3: only the old rows are converted. */
static void
test_decode_legacy_inside_unicode (void)
{
  static const char file[] =
    "full_name,hamlet\n"
    "Nguy\xc3\x94n V\xc2\xa8n An,Th\xc2\xabn \xc2\xa7\xc2\xabng\n"     /* NguyÔn V¨n An,Th«n §«ng */
    "Trần Thị Lạc,Xóm Giữa\n"
    "L\xc2\xaa V\xc2\xa8n T\xc2\xb8m,Th\xc2\xabn \xc2\xa7\xc2\xabng\n"  /* Lª V¨n T¸m */
    "V\xc2\xa8n T\xc2\xb8m,Th\xc2\xabn \xc2\xa7\xc2\xabng\n";          /* only symbols: V¨n T¸m */
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;
  g_autofree char *text = xaso_text_decode_auto (file, strlen (file), &decoding, &error);
  g_autofree char *said = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "full_name,hamlet\nNguyễn Văn An,Thôn Đông\nTrần Thị Lạc,Xóm Giữa\n"
                             "Lê Văn Tám,Thôn Đông\nVăn Tám,Thôn Đông\n");
  g_assert_cmpint (decoding.file_encoding, ==, XASO_ENCODING_UTF8);
  g_assert_cmpint (decoding.converted_from, ==, XASO_ENCODING_TCVN3);
  g_assert_cmpuint (decoding.n_lines_converted, ==, 3);
  g_assert_cmpuint (decoding.first_converted_line, ==, 2);
  said = xaso_text_decoding_describe (&decoding);
  g_assert_cmpstr (said, ==, "3 rows were in TCVN3 and were converted to Unicode.");
}

static void
test_decode_refuses_mixed (void)
{
  g_autofree char *tcvn3 = sample_file (XASO_ENCODING_TCVN3);
  g_autofree char *vni = sample_file (XASO_ENCODING_VNI);
  g_autofree char *mixed = g_strconcat (tcvn3, strchr (vni, '\n') + 1, NULL);
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;
  g_autofree char *text = xaso_text_decode_auto (mixed, strlen (mixed), &decoding, &error);

  g_assert_null (text);
  g_assert_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_MIXED);
  g_assert_nonnull (strstr (error->message, "TCVN3"));
  g_assert_nonnull (strstr (error->message, "VNI"));
}

/* Past the first lines one encoding reads first, the others only where it
 * does not: a second encoding far down the file is still found. */
static void
test_decode_refuses_mixed_far_down (void)
{
  g_autoptr(GString) file = g_string_new (NULL);
  g_autofree char *vni = sample_file (XASO_ENCODING_VNI);
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;
  char *text;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *tcvn3 = sample_file (XASO_ENCODING_TCVN3);

      g_string_append (file, tcvn3);
    }
  text = xaso_text_decode_auto (file->str, file->len, &decoding, &error);
  g_assert_no_error (error);
  g_free (text);
  g_string_append (file, strchr (vni, '\n') + 1);
  text = xaso_text_decode_auto (file->str, file->len, &decoding, &error);
  g_assert_null (text);
  g_assert_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_MIXED);
}

static void
test_decode_refuses_undecidable (void)
{
  /* French in Latin-1, and bytes that are no text at all. */
  static const char french[] = "nom,ville\nFran\xe7oise M\xfcller,Gen\xe8ve\nJos\xe9 \xc9lise,Orl\xe9\x61ns\n";
  static const char noise[] = "\x80\x81\x82\xff\xfe\n\x90\x91\xd0\xd1\n";
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;
  char *text = xaso_text_decode_auto (french, strlen (french), &decoding, &error);

  g_assert_null (text);
  g_assert_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_UNDECIDABLE);
  g_clear_error (&error);
  text = xaso_text_decode_auto (noise, strlen (noise), &decoding, &error);
  g_assert_null (text);
  g_assert_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_UNDECIDABLE);
}

static void
test_decode_as_named_encoding (void)
{
  g_autofree char *vni = sample_file (XASO_ENCODING_VNI);
  g_autofree char *expected = expected_file ();
  g_autoptr(GError) error = NULL;
  XasoTextDecoding decoding;
  g_autofree char *text = xaso_text_decode_as (vni, strlen (vni), XASO_ENCODING_VNI, &decoding, &error);
  char *invalid;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
  invalid = xaso_text_decode_as (vni, strlen (vni), XASO_ENCODING_UTF8, &decoding, &error);
  g_assert_null (invalid);
  g_assert_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_INVALID);
}

static void
test_pasted_text (void)
{
  XasoEncoding from = XASO_ENCODING_UTF8;
  g_autofree char *tcvn3 = xaso_text_convert_pasted ("NguyÔn V¨n An", &from);
  g_autofree char *vni = NULL;

  g_assert_cmpstr (tcvn3, ==, "Nguyễn Văn An");
  g_assert_cmpint (from, ==, XASO_ENCODING_TCVN3);
  vni = xaso_text_convert_pasted ("Nguyeãn Vaên An", &from);
  g_assert_cmpstr (vni, ==, "Nguyễn Văn An");
  g_assert_cmpint (from, ==, XASO_ENCODING_VNI);
  /* Unicode, plain ASCII and other languages are left alone. */
  g_assert_null (xaso_text_convert_pasted ("Nguyễn Văn An", &from));
  g_assert_null (xaso_text_convert_pasted ("Nguyen Van An", &from));
  g_assert_null (xaso_text_convert_pasted ("Françoise Müller", &from));
  /* Vietnamese words beside a dash or quotes are Unicode already. */
  g_assert_null (xaso_text_convert_pasted ("Thái Hà – “Tổ 1”", &from));
  g_assert_null (xaso_text_convert_pasted ("Thái Hà – «Tổ»", &from));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/unicode/nfc", test_nfc);
  g_test_add_func ("/text/collate/register-order", test_register_order);
  g_test_add_func ("/text/collate/alphabet-and-tones", test_alphabet_and_tones);
  g_test_add_func ("/text/collate/given-name-first", test_name_key_compares_given_name_first);
  g_test_add_func ("/text/collate/sort-strv", test_sort_strv);
  g_test_add_func ("/text/decode/each-old-encoding", test_decode_each_encoding);
  g_test_add_func ("/text/decode/unicode-with-or-without-bom", test_decode_unicode);
  g_test_add_func ("/text/decode/old-text-inside-unicode", test_decode_legacy_inside_unicode);
  g_test_add_func ("/text/decode/refuses-mixed", test_decode_refuses_mixed);
  g_test_add_func ("/text/decode/refuses-mixed-far-down", test_decode_refuses_mixed_far_down);
  g_test_add_func ("/text/decode/refuses-undecidable", test_decode_refuses_undecidable);
  g_test_add_func ("/text/decode/as-named-encoding", test_decode_as_named_encoding);
  g_test_add_func ("/text/decode/pasted-text", test_pasted_text);

  return g_test_run ();
}
