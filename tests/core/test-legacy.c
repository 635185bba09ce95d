/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "xaso-legacy.h"

/* glibc's iconv knows TCVN3 as "TCVN5712-1" and Windows-1258 as "CP1258";
 * it serves as the independent reference where it is available. */
#define GLIBC_TCVN3  "TCVN5712-1"
#define GLIBC_CP1258 "CP1258"

static const char * const vowels[] = {
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
};

/* None, grave, acute, hook above, tilde, dot below. */
static const char * const tone_marks[] = {
  "", "\xcc\x80", "\xcc\x81", "\xcc\x89", "\xcc\x83", "\xcc\xa3",
};

/* Every Vietnamese letter: 12 vowels with 6 tones in 2 cases, and đ Đ.
 * 146 in all, of which the 12 plain a e i o u y are ASCII. */
static GPtrArray *
vietnamese_letters (void)
{
  GPtrArray *letters = g_ptr_array_new_with_free_func (g_free);

  for (guint v = 0; v < G_N_ELEMENTS (vowels); v++)
    for (guint t = 0; t < G_N_ELEMENTS (tone_marks); t++)
      {
        g_autofree char *nfd = g_strconcat (vowels[v], tone_marks[t], NULL);
        char *small = g_utf8_normalize (nfd, -1, G_NORMALIZE_NFC);

        g_ptr_array_add (letters, g_utf8_strup (small, -1));
        g_ptr_array_add (letters, small);
      }
  g_ptr_array_add (letters, g_strdup ("đ"));
  g_ptr_array_add (letters, g_strdup ("Đ"));
  return letters;
}

static gboolean
glibc_knows (const char *charset)
{
  g_autofree char *out = g_convert ("a", 1, "UTF-8", charset, NULL, NULL, NULL);

  return out != NULL;
}

/* What glibc reads @bytes as, in NFC, or NULL when it cannot read them. */
static char *
glibc_decode (const char *charset,
              const char *bytes,
              gsize       len)
{
  g_autofree char *utf8 = g_convert (bytes, len, "UTF-8", charset, NULL, NULL, NULL);

  return utf8 != NULL ? g_utf8_normalize (utf8, -1, G_NORMALIZE_NFC) : NULL;
}

static char *
decode (XasoEncoding  encoding,
        const char   *bytes)
{
  return xaso_legacy_decode (encoding, bytes, -1, NULL);
}

static char *
encode (XasoEncoding  encoding,
        const char   *utf8)
{
  g_autoptr(GError) error = NULL;
  char *bytes = xaso_legacy_encode (encoding, utf8, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_decodes_to (XasoEncoding  encoding,
                   const char   *bytes,
                   const char   *expected)
{
  g_autofree char *text = decode (encoding, bytes);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_encodes_to (XasoEncoding  encoding,
                   const char   *utf8,
                   const char   *expected)
{
  g_autofree char *bytes = encode (encoding, utf8);

  g_assert_cmpstr (bytes, ==, expected);
}

/* Reading one byte gives what glibc gives for it; where glibc has nothing,
 * it gives the Windows-1252 character, or U+FFFD. */
static void
assert_byte_matches_glibc (XasoEncoding  encoding,
                           const char   *charset,
                           guchar        byte)
{
  char bytes[2] = { (char) byte, '\0' };
  g_autofree char *ours = decode (encoding, bytes);
  g_autofree char *theirs = glibc_decode (charset, bytes, 1);
  g_autofree char *cp1252 = glibc_decode ("CP1252", bytes, 1);

  if (theirs == NULL)
    theirs = g_strdup (cp1252 != NULL ? cp1252 : "\xef\xbf\xbd");
  if (g_strcmp0 (ours, theirs) != 0)
    g_test_message ("byte 0x%02X", byte);
  g_assert_cmpstr (ours, ==, theirs);
}

static void
test_names (void)
{
  XasoEncoding encoding = XASO_ENCODING_UTF8;

  g_assert_cmpstr (xaso_encoding_get_name (XASO_ENCODING_UTF8), ==, "UTF-8");
  g_assert_cmpstr (xaso_encoding_get_name (XASO_ENCODING_TCVN3), ==, "TCVN3");
  g_assert_cmpstr (xaso_encoding_get_name (XASO_ENCODING_VNI), ==, "VNI");
  g_assert_cmpstr (xaso_encoding_get_name (XASO_ENCODING_CP1258), ==, "Windows-1258");

  g_assert_true (xaso_encoding_from_name ("tcvn3", &encoding));
  g_assert_cmpint (encoding, ==, XASO_ENCODING_TCVN3);
  g_assert_true (xaso_encoding_from_name ("VNI", &encoding));
  g_assert_cmpint (encoding, ==, XASO_ENCODING_VNI);
  g_assert_true (xaso_encoding_from_name ("CP1258", &encoding));
  g_assert_cmpint (encoding, ==, XASO_ENCODING_CP1258);
  g_assert_true (xaso_encoding_from_name ("Windows-1258", &encoding));
  g_assert_cmpint (encoding, ==, XASO_ENCODING_CP1258);
  g_assert_true (xaso_encoding_from_name ("utf8", &encoding));
  g_assert_cmpint (encoding, ==, XASO_ENCODING_UTF8);
  g_assert_true (xaso_encoding_from_name ("Utf-8", NULL));
  g_assert_false (xaso_encoding_from_name ("latin1", &encoding));
  g_assert_false (xaso_encoding_from_name ("", &encoding));
}

static void
test_ascii_is_identity (void)
{
  g_autoptr(GString) ascii = g_string_new ("\t\n\r");

  for (char c = 0x20; c < 0x7F; c++)
    g_string_append_c (ascii, c);

  for (XasoEncoding e = XASO_ENCODING_UTF8; e <= XASO_ENCODING_CP1258; e++)
    {
      g_autofree char *text = decode (e, ascii->str);
      g_autofree char *bytes = encode (e, ascii->str);

      g_assert_cmpstr (text, ==, ascii->str);
      g_assert_cmpstr (bytes, ==, ascii->str);
    }
}

static void
test_tcvn3_matches_glibc (void)
{
  if (!glibc_knows (GLIBC_TCVN3))
    {
      g_test_skip ("iconv does not know " GLIBC_TCVN3);
      return;
    }

  /* The C0 positions too: VN1 has capitals at 0x01, 0x02, 0x04–0x06 and
   * 0x11–0x17, but TAB, LF and CR stay controls. */
  for (guint b = 0x01; b <= 0xFF; b++)
    assert_byte_matches_glibc (XASO_ENCODING_TCVN3, GLIBC_TCVN3, b);
  assert_decodes_to (XASO_ENCODING_TCVN3, "\x01\t\n\r\x16", "Ú\t\n\rÝ");
}

/* glibc composes a letter with the combining tone mark after it; so does
 * decoding, through NFC.  Except where glibc is wrong: it reads Ú, Ó, ó
 * and ú followed by a tilde as Ṹ, Ṍ, ṍ and ṹ, whose tilde comes before the
 * acute; marks of one combining class do not commute, so those are other
 * letters, and NFC leaves the pair as it is. */
static gboolean
glibc_misorders (guchar byte,
                 guchar mark)
{
  return mark == 0xB2 && (byte == 0x01 || byte == 0x95 || byte == 0xE3 || byte == 0xF3);
}

static void
test_tcvn3_composes_like_glibc (void)
{
  if (!glibc_knows (GLIBC_TCVN3))
    {
      g_test_skip ("iconv does not know " GLIBC_TCVN3);
      return;
    }

  for (guint b = 0x01; b <= 0xFF; b++)
    for (guint mark = 0xB0; mark <= 0xB4; mark++)
      {
        char bytes[3] = { (char) b, (char) mark, '\0' };
        g_autofree char *ours = decode (XASO_ENCODING_TCVN3, bytes);
        g_autofree char *theirs = glibc_decode (GLIBC_TCVN3, bytes, 2);

        if (!glibc_misorders (b, mark))
          g_assert_cmpstr (ours, ==, theirs);
        else
          g_assert_cmpstr (ours, !=, theirs);
      }
  assert_decodes_to (XASO_ENCODING_TCVN3, "\xa8\xb3", "ắ");
  assert_decodes_to (XASO_ENCODING_TCVN3, "\xe3\xb2", "ó\xcc\x83");
}

static void
test_tcvn3_encodes_like_glibc (void)
{
  g_autoptr(GPtrArray) letters = vietnamese_letters ();

  if (!glibc_knows (GLIBC_TCVN3))
    {
      g_test_skip ("iconv does not know " GLIBC_TCVN3);
      return;
    }

  for (guint i = 0; i < letters->len; i++)
    {
      const char *letter = letters->pdata[i];
      g_autofree char *ours = encode (XASO_ENCODING_TCVN3, letter);
      g_autofree char *theirs = g_convert (letter, -1, GLIBC_TCVN3, "UTF-8", NULL, NULL, NULL);

      g_assert_cmpstr (ours, ==, theirs);
    }
}

/* VN1 holds all 134 non-ASCII letters, capitals included, each in one
 * byte. */
static void
test_tcvn3_holds_every_letter (void)
{
  g_autoptr(GPtrArray) letters = vietnamese_letters ();
  guint non_ascii = 0;

  g_assert_cmpuint (letters->len, ==, 146);
  for (guint i = 0; i < letters->len; i++)
    {
      const char *letter = letters->pdata[i];
      gsize len = 0;
      g_autofree char *bytes = xaso_legacy_encode (XASO_ENCODING_TCVN3, letter, &len, NULL);

      g_assert_cmpuint (g_utf8_strlen (letter, -1), ==, 1);
      g_assert_nonnull (bytes);
      g_assert_cmpuint (len, ==, 1);
      if ((guchar) letter[0] >= 0x80)
        non_ascii++;
    }
  g_assert_cmpuint (non_ascii, ==, 134);
}

static void
test_cp1258_matches_glibc (void)
{
  if (!glibc_knows (GLIBC_CP1258))
    {
      g_test_skip ("iconv does not know " GLIBC_CP1258);
      return;
    }

  for (guint b = 0x01; b <= 0xFF; b++)
    assert_byte_matches_glibc (XASO_ENCODING_CP1258, GLIBC_CP1258, b);
  /* Undefined in Windows-1258: Š of Windows-1252, and nothing at all. */
  assert_decodes_to (XASO_ENCODING_CP1258, "\x8a\x81", "Š\xef\xbf\xbd");
  assert_decodes_to (XASO_ENCODING_CP1258, "a\xec \xf4\xf2", "á ộ");
}

static void
test_cp1258_encodes_like_glibc (void)
{
  g_autoptr(GPtrArray) letters = vietnamese_letters ();

  if (!glibc_knows (GLIBC_CP1258))
    {
      g_test_skip ("iconv does not know " GLIBC_CP1258);
      return;
    }

  for (guint i = 0; i < letters->len; i++)
    {
      const char *letter = letters->pdata[i];
      g_autofree char *ours = encode (XASO_ENCODING_CP1258, letter);
      g_autofree char *theirs = g_convert (letter, -1, GLIBC_CP1258, "UTF-8", NULL, NULL, NULL);
      g_autofree char *ours_read = glibc_decode (GLIBC_CP1258, ours, strlen (ours));
      g_autofree char *theirs_read = decode (XASO_ENCODING_CP1258, theirs);

      g_assert_cmpstr (ours, ==, theirs);
      g_assert_cmpstr (ours_read, ==, letter);
      g_assert_cmpstr (theirs_read, ==, letter);
    }
  /* The base letter is as precomposed as the code page allows. */
  assert_encodes_to (XASO_ENCODING_CP1258, "ộ Ấ ẵ ừ", "\xf4\xf2 \xc2\xec \xe3\xde \xfd\xcc");
}

static void
assert_round_trips (XasoEncoding encoding)
{
  g_autoptr(GPtrArray) letters = vietnamese_letters ();
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *back = NULL;

  for (guint i = 0; i < letters->len; i++)
    {
      g_autofree char *letter_bytes = encode (encoding, letters->pdata[i]);
      g_autofree char *letter = decode (encoding, letter_bytes);

      g_assert_cmpstr (letter, ==, letters->pdata[i]);
      g_string_append (all, letters->pdata[i]);
    }

  /* Run together, no letter may take a mark byte of the next one. */
  bytes = encode (encoding, all->str);
  back = decode (encoding, bytes);
  g_assert_cmpstr (back, ==, all->str);
}

static void
test_tcvn3_round_trip (void)
{
  assert_round_trips (XASO_ENCODING_TCVN3);
}

static void
test_vni_round_trip (void)
{
  assert_round_trips (XASO_ENCODING_VNI);
}

static void
test_cp1258_round_trip (void)
{
  assert_round_trips (XASO_ENCODING_CP1258);
}

/* Typed by hand from documents set in .VnTime; the bytes as Windows-1252
 * shows them are "Céng hßa x· héi chñ nghÜa ViÖt Nam" and "NguyÔn V¨n An". */
static void
test_tcvn3_samples (void)
{
  assert_decodes_to (XASO_ENCODING_TCVN3,
                     "C\xe9ng h\xdf" "a x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam",
                     "Cộng hòa xã hội chủ nghĩa Việt Nam");
  assert_decodes_to (XASO_ENCODING_TCVN3, "Nguy\xd4n V\xa8n An", "Nguyễn Văn An");
  assert_decodes_to (XASO_ENCODING_TCVN3, "Tr\xad\xeang \xae\xb9i h\xe4" "c", "Trường đại học");
  assert_decodes_to (XASO_ENCODING_TCVN3, "C\x97NG H\x92" "A", "CỘNG HÒA");
  assert_encodes_to (XASO_ENCODING_TCVN3, "Nguyễn Văn An", "Nguy\xd4n V\xa8n An");
}

/* Typed by hand in VNI-Times: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam". */
static void
test_vni_samples (void)
{
  assert_decodes_to (XASO_ENCODING_VNI,
                     "Co\xe4ng ho\xf8" "a xa\xf5 ho\xe4i chu\xfb ngh\xf3" "a Vie\xe4t Nam",
                     "Cộng hòa xã hội chủ nghĩa Việt Nam");
  assert_decodes_to (XASO_ENCODING_VNI, "Nguye\xe3n Va\xea" "n An", "Nguyễn Văn An");
  assert_decodes_to (XASO_ENCODING_VNI, "Tr\xf6\xf4\xf8ng \xf1" "a\xefi ho\xef" "c", "Trường đại học");
  assert_decodes_to (XASO_ENCODING_VNI, "CO\xc4NG HO\xd8" "A \xd1" "A\xcb" "NG", "CỘNG HÒA ĐẶNG");
  assert_encodes_to (XASO_ENCODING_VNI, "Nguyễn Văn An", "Nguye\xe3n Va\xea" "n An");
}

static void
test_vni_letter_bytes (void)
{
  assert_encodes_to (XASO_ENCODING_VNI, "ấ Ấ ặ Ặ", "a\xe1 A\xc1 a\xeb A\xcb");
  assert_encodes_to (XASO_ENCODING_VNI, "ớ Ừ ư Ơ", "\xf4\xf9 \xd6\xd8 \xf6 \xd4");
  assert_encodes_to (XASO_ENCODING_VNI, "í ị Ỉ ĩ ỳ ỵ Ỵ", "\xed \xf2 \xc6 \xf3 y\xf8 \xee \xce");
  assert_encodes_to (XASO_ENCODING_VNI, "đ Đ", "\xf1 \xd1");
}

static void
test_vni_longest_match (void)
{
  /* A vowel-mark byte and a tone byte after it make one letter. */
  assert_decodes_to (XASO_ENCODING_VNI, "a\xe2\xf9", "ấ");
  /* A mark byte that cannot go on the letter before it stands alone. */
  assert_decodes_to (XASO_ENCODING_VNI, "b\xf9", "bù");
  assert_decodes_to (XASO_ENCODING_VNI, "o\xea", "oê");
  assert_decodes_to (XASO_ENCODING_VNI, "\xf9" "a", "ùa");
  assert_decodes_to (XASO_ENCODING_VNI, "\xf6\xe2", "ưâ");
  /* Capital marks on small letters are read all the same. */
  assert_decodes_to (XASO_ENCODING_VNI, "a\xc1", "ấ");
  /* Bytes VNI leaves alone are Windows-1252. */
  assert_decodes_to (XASO_ENCODING_VNI, "\x80 \x96 \xb0 \xd7 \x81", "€ – ° × \xef\xbf\xbd");
  assert_encodes_to (XASO_ENCODING_VNI, "€ – ° ×", "\x80 \x96 \xb0 \xd7");
}

static void
assert_encode_fails (XasoEncoding  encoding,
                     const char   *utf8,
                     const char   *in_message)
{
  g_autoptr(GError) error = NULL;
  gsize len = 1234;
  g_autofree char *bytes = xaso_legacy_encode (encoding, utf8, &len, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE);
  g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_encode_unrepresentable (void)
{
  assert_encode_fails (XASO_ENCODING_TCVN3, "Giá 5 €", "U+20AC");
  for (XasoEncoding e = XASO_ENCODING_TCVN3; e <= XASO_ENCODING_CP1258; e++)
    assert_encode_fails (e, "Nguyễn 阮", "阮");
  /* Ş has a cedilla, which no table holds; ñ is đ's byte in VNI. */
  assert_encode_fails (XASO_ENCODING_CP1258, "Ş", "U+015E");
  assert_encode_fails (XASO_ENCODING_VNI, "ñ", "U+00F1");
  /* İ lower-cases to a plain i but is no Vietnamese capital. */
  assert_encode_fails (XASO_ENCODING_VNI, "İ", "U+0130");
  assert_encode_fails (XASO_ENCODING_UTF8, "\xff", "UTF-8");
}

static void
test_encode_any_normal_form (void)
{
  /* "Nguyễn Việt" with every mark a combining character. */
  const char *nfd = "Nguye\xcc\x82\xcc\x83n Vie\xcc\xa3\xcc\x82t";

  assert_encodes_to (XASO_ENCODING_TCVN3, nfd, "Nguy\xd4n Vi\xd6t");
  assert_encodes_to (XASO_ENCODING_VNI, nfd, "Nguye\xe3n Vie\xe4t");
  assert_encodes_to (XASO_ENCODING_CP1258, nfd, "Nguy\xea\xden Vi\xea\xf2t");
  assert_encodes_to (XASO_ENCODING_UTF8, nfd, "Nguyễn Việt");
}

/* Other letters of a base letter and one tone mark are written as such, as
 * glibc writes them. */
static void
test_encode_other_letters (void)
{
  assert_encodes_to (XASO_ENCODING_TCVN3, "ñ Ǹ q\xcc\x81", "n\xb2 N\xb0 q\xb3");
  assert_encodes_to (XASO_ENCODING_CP1258, "ǹ ḿ Ǻ", "n\xcc m\xec \xc5\xec");
  /* ṍ is õ with an acute; ó with a tilde would be another letter. */
  assert_encode_fails (XASO_ENCODING_CP1258, "ṍ", "U+1E4D");
}

static void
test_decode_keeps_nul (void)
{
  gsize len = 0;
  g_autofree char *text = xaso_legacy_decode (XASO_ENCODING_TCVN3, "\xb8\0\xb8", 3, &len);
  g_autofree char *empty = NULL;

  g_assert_cmpmem (text, len, "á\0á", 5);
  g_clear_pointer (&text, g_free);
  text = xaso_legacy_decode (XASO_ENCODING_CP1258, "\0a\xec\0", 4, &len);
  g_assert_cmpmem (text, len, "\0á\0", 4);
  empty = xaso_legacy_decode (XASO_ENCODING_VNI, "", 0, &len);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpuint (len, ==, 0);
}

/* Any bytes at all read as valid UTF-8, a mark byte at the very end too.
 * NULs are left out only because g_utf8_validate() refuses them. */
static void
test_decode_any_bytes (void)
{
  for (XasoEncoding e = XASO_ENCODING_UTF8; e <= XASO_ENCODING_CP1258; e++)
    for (guint round = 0; round < 200; round++)
      {
        guchar bytes[64];
        gsize len = 0;
        g_autofree char *text = NULL;

        for (guint i = 0; i < sizeof bytes; i++)
          bytes[i] = round < 4 ? MAX (1, 0x40 * round + i) : (guint) g_test_rand_int_range (1, 256);
        text = xaso_legacy_decode (e, (const char *) bytes, sizeof bytes, &len);
        g_assert_true (g_utf8_validate (text, len, NULL));
      }
}

static void
test_decode_invalid_utf8 (void)
{
  assert_decodes_to (XASO_ENCODING_UTF8, "Nguy\xff" "e\xcc\x82\xcc\x83n", "Nguy\xef\xbf\xbdễn");
}

static void
test_bytes_from_latin (void)
{
  gsize len = 0;
  g_autofree char *bytes = xaso_legacy_bytes_from_latin ("NguyÔn V¨n", &len);
  g_autofree char *text = xaso_legacy_decode (XASO_ENCODING_TCVN3, bytes, len, NULL);
  g_autofree char *c1 = xaso_legacy_bytes_from_latin ("€\xc2\x81‘ÿ", NULL);
  g_autofree char *chinese = xaso_legacy_bytes_from_latin ("Nguyễn 阮", NULL);
  g_autofree char *latin_b = xaso_legacy_bytes_from_latin ("ơ", NULL);
  g_autofree char *nfd = xaso_legacy_bytes_from_latin ("NguyO\xcc\x82n", NULL);

  g_assert_cmpstr (bytes, ==, "Nguy\xd4n V\xa8n");
  g_assert_cmpuint (len, ==, 10);
  g_assert_cmpstr (text, ==, "Nguyễn Văn");
  g_assert_cmpstr (c1, ==, "\x80\x81\x91\xff");
  g_assert_null (chinese);
  g_assert_null (latin_b);
  g_assert_cmpstr (nfd, ==, "Nguy\xd4n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/legacy/names", test_names);
  g_test_add_func ("/text/legacy/ascii-is-identity", test_ascii_is_identity);
  g_test_add_func ("/text/legacy/tcvn3/matches-glibc", test_tcvn3_matches_glibc);
  g_test_add_func ("/text/legacy/tcvn3/composes-like-glibc", test_tcvn3_composes_like_glibc);
  g_test_add_func ("/text/legacy/tcvn3/encodes-like-glibc", test_tcvn3_encodes_like_glibc);
  g_test_add_func ("/text/legacy/tcvn3/holds-every-letter", test_tcvn3_holds_every_letter);
  g_test_add_func ("/text/legacy/tcvn3/round-trip", test_tcvn3_round_trip);
  g_test_add_func ("/text/legacy/tcvn3/samples", test_tcvn3_samples);
  g_test_add_func ("/text/legacy/vni/round-trip", test_vni_round_trip);
  g_test_add_func ("/text/legacy/vni/samples", test_vni_samples);
  g_test_add_func ("/text/legacy/vni/letter-bytes", test_vni_letter_bytes);
  g_test_add_func ("/text/legacy/vni/longest-match", test_vni_longest_match);
  g_test_add_func ("/text/legacy/cp1258/matches-glibc", test_cp1258_matches_glibc);
  g_test_add_func ("/text/legacy/cp1258/encodes-like-glibc", test_cp1258_encodes_like_glibc);
  g_test_add_func ("/text/legacy/cp1258/round-trip", test_cp1258_round_trip);
  g_test_add_func ("/text/legacy/encode/unrepresentable", test_encode_unrepresentable);
  g_test_add_func ("/text/legacy/encode/any-normal-form", test_encode_any_normal_form);
  g_test_add_func ("/text/legacy/encode/other-letters", test_encode_other_letters);
  g_test_add_func ("/text/legacy/decode/keeps-nul", test_decode_keeps_nul);
  g_test_add_func ("/text/legacy/decode/any-bytes", test_decode_any_bytes);
  g_test_add_func ("/text/legacy/decode/invalid-utf8", test_decode_invalid_utf8);
  g_test_add_func ("/text/legacy/bytes-from-latin", test_bytes_from_latin);

  return g_test_run ();
}
