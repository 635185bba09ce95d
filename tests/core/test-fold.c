/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "xaso-fold.h"

static void
assert_folds_to (const char *input,
                 const char *expected)
{
  g_autofree char *folded = xaso_fold (input);

  g_assert_cmpstr (folded, ==, expected);
}

static void
assert_fts (const char *input,
            const char *expected)
{
  g_autofree char *query = xaso_fold_query_to_fts (input);

  g_assert_cmpstr (query, ==, expected);
}

static void
test_spellings_fold_alike (void)
{
  assert_folds_to ("nguyen van a", "nguyen van a");
  assert_folds_to ("Nguyen Van A", "nguyen van a");
  assert_folds_to ("Nguyễn Văn A", "nguyen van a");
  assert_folds_to ("NGUYỄN VĂN A", "nguyen van a");
}

static void
test_nfd_input (void)
{
  /* "Nguyễn Đức Thắng" with every mark as a separate combining character:
   * e + circumflex (U+0302) + tilde (U+0303), a + breve (U+0306) + acute.
   */
  assert_folds_to ("Nguye\xcc\x82\xcc\x83n", "nguyen");
  assert_folds_to ("Nguye\xcc\x82\xcc\x83n \xc4\x90u\xcc\x9b\xcc\x81\x63 Tha\xcc\x86\xcc\x81ng",
                   "nguyen duc thang");
  /* Mixed: precomposed ê followed by a combining tilde. */
  assert_folds_to ("Nguy\xc3\xaa\xcc\x83n", "nguyen");
}

static void
test_every_vowel_and_tone (void)
{
  assert_folds_to ("a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ",
                   "a a a a a a a a a a a a a a a a a a");
  assert_folds_to ("e è é ẻ ẽ ẹ ê ề ế ể ễ ệ", "e e e e e e e e e e e e");
  assert_folds_to ("i ì í ỉ ĩ ị", "i i i i i i");
  assert_folds_to ("o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ",
                   "o o o o o o o o o o o o o o o o o o");
  assert_folds_to ("u ù ú ủ ũ ụ ư ừ ứ ử ữ ự", "u u u u u u u u u u u u");
  assert_folds_to ("y ỳ ý ỷ ỹ ỵ", "y y y y y y");
  assert_folds_to ("À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ",
                   "a a a a a a a a a a a a a a a a a");
  assert_folds_to ("È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ", "e e e e e e e e e e e");
  assert_folds_to ("Ì Í Ỉ Ĩ Ị", "i i i i i");
  assert_folds_to ("Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ",
                   "o o o o o o o o o o o o o o o o o");
  assert_folds_to ("Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự", "u u u u u u u u u u u");
  assert_folds_to ("Ỳ Ý Ỷ Ỹ Ỵ", "y y y y y");
}

static void
test_d_with_stroke (void)
{
  assert_folds_to ("Đặng Đình Đức", "dang dinh duc");
  assert_folds_to ("đường", "duong");
}

static void
test_whitespace_collapsed_and_trimmed (void)
{
  assert_folds_to ("  Trần \t\n  Thị   Bích  ", "tran thi bich");
  /* A no-break space and an ideographic space are white space too. */
  assert_folds_to ("Lê\xc2\xa0Văn\xe3\x80\x80Tám", "le van tam");
  assert_folds_to ("   ", "");
  assert_folds_to ("", "");
}

static void
test_punctuation_kept (void)
{
  assert_folds_to ("Số 12/UBND-VP, ngày 01.02", "so 12/ubnd-vp, ngay 01.02");
}

static void
test_other_scripts (void)
{
  /* Latin letters outside the fast table still lose their marks. */
  assert_folds_to ("Ǎ ǖ Ș", "a u s");
  /* Full-width letters fold through compatibility decomposition. */
  assert_folds_to ("\xef\xbc\xa1\xef\xbd\x82", "ab");
  assert_folds_to ("Æther Straße", "æther straße");
  assert_folds_to ("ΑΒΓ", "αβγ");
  assert_folds_to ("阮文", "阮文");
  /* A ligature that expands: "ﬁ" (3 bytes) becomes "fi". */
  assert_folds_to ("\xef\xac\x81le", "file");
}

static void
test_expanding_input_grows_buffer (void)
{
  /* U+FDFA expands to a long phrase: the buffer must grow, and the ASCII
   * that follows must still fit.
   */
  g_autofree char *folded = xaso_fold ("\xef\xb7\xba AAAAAAAAAAAAAAAAAAAA");

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_str_has_suffix (folded, " aaaaaaaaaaaaaaaaaaaa"));
  g_assert_cmpuint (strlen (folded), >, 30);
}

static void
test_invalid_utf8_skipped (void)
{
  assert_folds_to ("Nguy\xff\xfe\xe1n", "nguyn");
  assert_folds_to ("abc\xc3", "abc");
  assert_folds_to ("abc\xe1\xba", "abc");
}

static void
test_fts_prefix_tokens (void)
{
  assert_fts ("Nguyễn Văn A", "\"nguyen\"* \"van\"* \"a\"*");
  assert_fts ("  nguyen  ", "\"nguyen\"*");
  assert_fts ("Trần-Thị,Bích", "\"tran\"* \"thi\"* \"bich\"*");
}

static void
test_fts_user_syntax_quoted (void)
{
  assert_fts ("\"Lê\" OR Văn*", "\"le\"* \"or\"* \"van\"*");
  assert_fts ("a\"b", "\"a\"* \"b\"*");
  assert_fts ("NEAR(x y) ^z -w", "\"near\"* \"x\"* \"y\"* \"z\"* \"w\"*");
  assert_fts ("0010 85", "\"0010\"* \"85\"*");
}

static void
test_fts_no_tokens (void)
{
  assert_fts ("", NULL);
  assert_fts ("   ", NULL);
  assert_fts ("\"*()-:", NULL);
}

static gboolean
words_start (const char *query,
             const char *text)
{
  g_auto(GStrv) words = xaso_fold_query_words (query);

  return xaso_fold_words_start_words ((const char * const *)words, text);
}

static void
test_words_start_words (void)
{
  g_assert_true (words_start ("Nguyễn Văn A", "nguyen van anh"));
  g_assert_true (words_start ("van nguyen", "tran van nguyen an"));      /* any order */
  g_assert_false (words_start ("guyen", "nguyen van anh"));              /* inside a word */
  g_assert_true (words_start ("lap", "ap 3, xa tan lap"));               /* after punctuation */
  g_assert_false (words_start ("nguyen nguyen", "nguyen van nguyet"));   /* two words needed */
  g_assert_true (words_start ("nguyen nguyen", "nguyen van nguyenx"));
  g_assert_true (words_start ("n ng", "nam nguyen"));                    /* n→nam, ng→nguyen */
  g_assert_true (words_start ("ng n", "nam nguyen"));
  g_assert_false (words_start ("a", NULL));
  g_assert_true (words_start ("", "anything"));
}

static void
test_query_words (void)
{
  g_auto(GStrv) words = xaso_fold_query_words ("  Nguyễn Văn-Ánh, 0790 ");
  const char * const expected[] = { "nguyen", "van", "anh", "0790", NULL };

  g_assert_cmpstrv (words, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/spellings-fold-alike", test_spellings_fold_alike);
  g_test_add_func ("/text/fold/nfd-input", test_nfd_input);
  g_test_add_func ("/text/fold/every-vowel-and-tone", test_every_vowel_and_tone);
  g_test_add_func ("/text/fold/d-with-stroke", test_d_with_stroke);
  g_test_add_func ("/text/fold/whitespace-collapsed-and-trimmed",
                   test_whitespace_collapsed_and_trimmed);
  g_test_add_func ("/text/fold/punctuation-kept", test_punctuation_kept);
  g_test_add_func ("/text/fold/other-scripts", test_other_scripts);
  g_test_add_func ("/text/fold/expanding-input-grows-buffer", test_expanding_input_grows_buffer);
  g_test_add_func ("/text/fold/invalid-utf8-skipped", test_invalid_utf8_skipped);
  g_test_add_func ("/text/fold/fts-prefix-tokens", test_fts_prefix_tokens);
  g_test_add_func ("/text/fold/fts-user-syntax-quoted", test_fts_user_syntax_quoted);
  g_test_add_func ("/text/fold/fts-no-tokens", test_fts_no_tokens);
  g_test_add_func ("/text/fold/query-words", test_query_words);
  g_test_add_func ("/text/fold/words-start-words", test_words_start_words);

  return g_test_run ();
}
