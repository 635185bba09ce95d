/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-fold.h"

/* Folding runs over every name in the register when the search index is
 * rebuilt, so the common case (ASCII and precomposed Vietnamese letters) is
 * a table look-up on the raw UTF-8 bytes.  Only other scripts and symbols go
 * through g_utf8_normalize().
 *
 * Each table holds one lower-case ASCII letter per code point.  NO_FOLD marks
 * a code point without a one-letter fold (Æ, ß, ×, hooks…); those take the
 * slow path, which still lower-cases them.
 */
#define NO_FOLD '.'

/* U+00C0 to U+01B0: Latin-1, Latin Extended-A and the start of Extended-B,
 * which holds Ơ ơ (U+01A0/1) and Ư ư (U+01AF/B0).
 */
#define LATIN_FIRST 0x00C0
#define LATIN_LAST  0x01B0
static const char latin_fold[] =
  "aaaaaa.ceeeeiiii.nooooo.ouuuuy.." /* U+00C0 */
  "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" /* U+00E0 */
  "aaaaaaccccccccddddeeeeeeeeeegggg" /* U+0100 */
  "gggghhhhiiiiiiiiii..jjkk.llllll." /* U+0120 */
  ".llnnnnnn...oooooo..rrrrrrssssss" /* U+0140 */
  "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs" /* U+0160 */
  "b........d......................" /* U+0180 */
  "oo.............uu";               /* U+01A0 */

/* U+1EA0 to U+1EF9: Latin Extended Additional, the letters that carry both a
 * vowel mark and a tone mark (ạ ả ấ ầ ẩ ẫ ậ … ỹ).
 */
#define VIET_FIRST 0x1EA0
#define VIET_LAST  0x1EF9
static const char vietnamese_fold[] =
  "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" /* U+1EA0 */
  "eeeeeeeeiiiioooooooooooooooooooo" /* U+1EC0 */
  "oooouuuuuuuuuuuuuuyyyyyyyy";      /* U+1EE0 */

G_STATIC_ASSERT (sizeof latin_fold - 1 == LATIN_LAST - LATIN_FIRST + 1);
G_STATIC_ASSERT (sizeof vietnamese_fold - 1 == VIET_LAST - VIET_FIRST + 1);

typedef struct
{
  char       *buf;
  gsize       len;
  gsize       cap;
  const char *end;            /* end of the input, to size reallocations */
  gboolean    pending_space;
} Folder;

static inline void
put_byte (Folder *f,
          char    c)
{
  /* Spaces are only written once something follows them, which both
   * collapses runs and trims both ends of the result.
   */
  if (f->pending_space)
    {
      if (f->len > 0)
        f->buf[f->len++] = ' ';
      f->pending_space = FALSE;
    }
  f->buf[f->len++] = c;
}

static inline gboolean
is_continuation (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/* The fast paths never write more bytes than they consume, so the buffer
 * only has to grow for what the slow path adds on top of that.
 */
static void
reserve (Folder     *f,
         const char *rest,
         gsize       extra)
{
  gsize need = f->len + extra + (gsize) (f->end - rest) + 2;

  if (need > f->cap)
    {
      f->cap = MAX (need, f->cap * 2);
      f->buf = g_realloc (f->buf, f->cap);
    }
}

static void
put_unichar (Folder     *f,
             const char *rest,
             gunichar    c)
{
  char utf8[6];
  int n;

  if (g_unichar_ismark (c))
    return;

  if (g_unichar_isspace (c))
    {
      f->pending_space = TRUE;
      return;
    }

  n = g_unichar_to_utf8 (g_unichar_tolower (c), utf8);
  reserve (f, rest, n);
  for (int i = 0; i < n; i++)
    put_byte (f, utf8[i]);
}

/* The slow path: any other non-ASCII character.  Compatibility
 * decomposition turns full-width letters, ligatures and the like into plain
 * letters plus marks; the marks are dropped.  Invalid bytes are skipped so a
 * damaged name still folds to something searchable.
 */
static const char *
fold_other (Folder     *f,
            const char *p)
{
  g_autofree char *decomposed = NULL;
  gunichar c;
  const char *next;

  c = g_utf8_get_char_validated (p, f->end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return p + 1;

  next = g_utf8_next_char (p);
  if (g_unichar_ismark (c) || g_unichar_isspace (c))
    {
      put_unichar (f, next, c);
      return next;
    }

  decomposed = g_utf8_normalize (p, next - p, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return next;

  for (const char *d = decomposed; *d != '\0'; d = g_utf8_next_char (d))
    put_unichar (f, next, g_utf8_get_char (d));

  return next;
}

/* Two-byte sequences: the Latin range and the combining diacritical marks
 * U+0300 to U+036F (lead bytes CC and CD), which NFD input spells out.
 * Returns NULL when the slow path must take the character.
 */
static inline const char *
fold_two_bytes (Folder     *f,
                const char *p)
{
  guchar lead = (guchar) p[0];
  guchar tail = (guchar) p[1];
  gunichar c;

  if (!is_continuation (tail))
    return NULL;

  if (lead == 0xCC || (lead == 0xCD && tail <= 0xAF))
    return p + 2;

  c = ((gunichar) (lead & 0x1F) << 6) | (tail & 0x3F);
  if (c < LATIN_FIRST || c > LATIN_LAST || latin_fold[c - LATIN_FIRST] == NO_FOLD)
    return NULL;

  put_byte (f, latin_fold[c - LATIN_FIRST]);
  return p + 2;
}

/* Three-byte sequences E1 BA A0 to E1 BB B9: U+1EA0 to U+1EF9. */
static inline const char *
fold_three_bytes (Folder     *f,
                  const char *p)
{
  guchar b1 = (guchar) p[1];
  guchar b2 = (guchar) p[2];
  gunichar c;

  if ((b1 != 0xBA && b1 != 0xBB) || !is_continuation (b2))
    return NULL;

  c = 0x1000 | ((gunichar) (b1 & 0x3F) << 6) | (b2 & 0x3F);
  if (c < VIET_FIRST || c > VIET_LAST)
    return NULL;

  put_byte (f, vietnamese_fold[c - VIET_FIRST]);
  return p + 3;
}

static inline const char *
fold_ascii (Folder     *f,
            const char *p)
{
  char c = *p;

  if (c == ' ' || (c >= '\t' && c <= '\r'))
    f->pending_space = TRUE;
  else if (c >= 'A' && c <= 'Z')
    put_byte (f, c + ('a' - 'A'));
  else
    put_byte (f, c);

  return p + 1;
}

/**
 * xaso_fold:
 * @text: UTF-8 text, in NFC or NFD
 *
 * Folds @text for searching: lower case, without diacritics (đ becomes d),
 * with runs of white space collapsed to one space and no space at either
 * end.  Punctuation is kept.
 *
 * Returns: (transfer full): the folded text
 */
char *
xaso_fold (const char *text)
{
  Folder f = { 0 };
  gsize text_len;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  text_len = strlen (text);
  f.cap = text_len + 1;
  f.buf = g_malloc (f.cap);
  f.end = text + text_len;

  while (p < f.end)
    {
      guchar lead = (guchar) *p;
      const char *next = NULL;

      if (lead < 0x80)
        next = fold_ascii (&f, p);
      else if (lead >= 0xC3 && lead <= 0xCD)
        next = fold_two_bytes (&f, p);
      else if (lead == 0xE1 && p + 2 < f.end)
        next = fold_three_bytes (&f, p);

      p = next != NULL ? next : fold_other (&f, p);
    }

  f.buf[f.len] = '\0';
  return f.buf;
}

static gboolean
is_token_char (const char *p)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (g_utf8_get_char (p));
}

/**
 * xaso_fold_query_words:
 * @user_text: what the user typed into a search field
 *
 * Splits @user_text into folded words, the way the full-text index splits
 * the text it holds: `Nguyễn Văn-A` gives `nguyen`, `van` and `a`.
 *
 * Returns: (transfer full): the words, possibly none
 */
GStrv
xaso_fold_query_words (const char *user_text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p;

  g_return_val_if_fail (user_text != NULL, NULL);

  folded = xaso_fold (user_text);
  for (p = folded; *p != '\0';)
    {
      const char *start;

      while (*p != '\0' && !is_token_char (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && is_token_char (p))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/**
 * xaso_fold_query_to_fts:
 * @user_text: what the user typed into a search field
 *
 * Builds an SQLite FTS5 MATCH expression that finds every row containing
 * words starting with each word of @user_text, after folding.  Every token
 * is quoted, so no character the user types can change the query syntax:
 * `Nguyễn Văn-A` becomes `"nguyen"* "van"* "a"*`.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL if
 *   @user_text holds no letters or digits
 */
char *
xaso_fold_query_to_fts (const char *user_text)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (user_text != NULL, NULL);

  words = xaso_fold_query_words (user_text);
  return xaso_fold_words_to_fts ((const char * const *)words);
}

/**
 * xaso_fold_words_to_fts:
 * @words: folded words, as xaso_fold_query_words() gives them
 *
 * The FTS5 MATCH expression of xaso_fold_query_to_fts() for words already
 * folded and split.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL for no words
 */
char *
xaso_fold_words_to_fts (const char * const *words)
{
  g_autoptr(GString) query = NULL;

  if (words[0] == NULL)
    return NULL;
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (query, "%s\"%s\"*", i ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Where the words of a folded text start; at most 64, which is more than
 * any name or address holds. */
#define MAX_TEXT_WORDS 64

static guint
find_word_starts (const char  *text,
                  const char **starts)
{
  gboolean at_start = TRUE;
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < MAX_TEXT_WORDS; p = g_utf8_next_char (p))
    {
      gboolean in_word = is_token_char (p);

      if (in_word && at_start)
        starts[n++] = p;
      at_start = !in_word;
    }
  return n;
}

/* Gives each query word a word of its own in the text, trying the
 * alternatives when one word could take several: "n ng" matches
 * "nam nguyen" only with n→nam and ng→nguyen. */
static gboolean
assign_words (const char * const *words,
              const char        **starts,
              guint               n_starts,
              guint64             taken)
{
  if (words[0] == NULL)
    return TRUE;
  for (guint i = 0; i < n_starts; i++)
    {
      if ((taken & (G_GUINT64_CONSTANT (1) << i)) == 0 &&
          strncmp (starts[i], words[0], strlen (words[0])) == 0 &&
          assign_words (words + 1, starts, n_starts, taken | (G_GUINT64_CONSTANT (1) << i)))
        return TRUE;
    }
  return FALSE;
}

/**
 * xaso_fold_words_start_words:
 * @words: folded words, as xaso_fold_query_words() gives them
 * @folded_text: (nullable): folded text, such as a folded name
 *
 * Tells whether every word of @words begins a word of @folded_text, each a
 * word of its own, in any order: `nguyen van a` begins words of
 * `nguyen van anh` and of `tran van nguyen an`, `guyen` begins none, and
 * `nguyen nguyen` needs two words beginning so.
 *
 * Returns: %TRUE when every word begins a word of the text
 */
gboolean
xaso_fold_words_start_words (const char * const *words,
                             const char         *folded_text)
{
  const char *starts[MAX_TEXT_WORDS];
  guint n_starts;

  if (folded_text == NULL)
    return words[0] == NULL;
  n_starts = find_word_starts (folded_text, starts);
  return assign_words (words, starts, n_starts, 0);
}
