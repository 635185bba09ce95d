/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xaso-syllable.h"

/* The validator runs over every word of a file once per candidate encoding,
 * so a word is checked without allocating: each character is decoded
 * straight into a letter of the Vietnamese alphabet (shape marks included)
 * and a separate tone, from a table filled once from GLib's canonical
 * decompositions.  NFC, NFD and mixed spellings all decode alike.
 */

typedef enum
{
  L_NONE,
  L_A, L_A_BREVE, L_A_CIRCUMFLEX, L_B, L_C, L_D, L_D_STROKE, L_E,
  L_E_CIRCUMFLEX, L_G, L_H, L_I, L_K, L_L, L_M, L_N, L_O, L_O_CIRCUMFLEX,
  L_O_HORN, L_P, L_Q, L_R, L_S, L_T, L_U, L_U_HORN, L_V, L_X, L_Y,
} Letter;

typedef enum
{
  TONE_NONE,
  TONE_GRAVE,
  TONE_ACUTE,
  TONE_HOOK,
  TONE_TILDE,
  TONE_DOT,
} Tone;

/* F, J, W and Z are not letters of the Vietnamese alphabet. */
static const guint8 ascii_letters[26] = {
  L_A, L_B, L_C, L_D, L_E, L_NONE, L_G, L_H, L_I, L_NONE, L_K, L_L, L_M,
  L_N, L_O, L_P, L_Q, L_R, L_S, L_T, L_U, L_V, L_NONE, L_X, L_Y, L_NONE,
};

/* The longest syllable, "nghiêng", has seven letters. */
#define MAX_LETTERS 8
/* The longest rhymes ("uyên", "ương", "oăng") have four letters; five
 * leaves room without making the packed key wider than 32 bits.
 */
#define MAX_RHYME   5
#define LETTER_BITS 5

typedef struct
{
  guint8   letters[MAX_LETTERS];
  guint    n_letters;
  Tone     tone;
  guint    tone_at;
  gboolean seen_lower;
  gboolean upper_after_first;
} Syllable;

/* Precomposed letters: U+00C0 to U+01B0 (Latin-1, Extended-A and the start
 * of Extended-B, which holds ơ and ư) and U+1EA0 to U+1EF9 (the letters
 * carrying both a shape and a tone mark).  Other code points in these
 * ranges (ö, ñ, ā, Þ…) get L_NONE.
 */
#define LATIN_FIRST 0x00C0
#define LATIN_LAST  0x01B0
#define VIET_FIRST  0x1EA0
#define VIET_LAST   0x1EF9

typedef struct
{
  guint8 letter;
  guint8 tone;
  guint8 upper;
} Precomposed;

static Precomposed latin_table[LATIN_LAST - LATIN_FIRST + 1];
static Precomposed viet_table[VIET_LAST - VIET_FIRST + 1];

/* The rhymes (vần) of Vietnamese orthography, as each nucleus and the codas
 * it takes; "-" is no coda.  Nuclei closed by a glide (ai, ao, iêu…) take
 * no further coda.  "ăk" is there for the place names of the Central
 * Highlands (Đắk Lắk, Đắk Nông), which clerks type every day.
 */
typedef struct
{
  const char *nucleus;
  const char *codas;
} RhymeRow;

static const RhymeRow rhyme_rows[] = {
  { "a", "- c ch m n ng nh p t" },
  { "ă", "c k m n ng p t" },
  { "â", "c m n ng p t" },
  { "e", "- c m n ng p t" },
  { "ê", "- ch m n ng nh p t" },
  { "i", "- ch m n nh p t" },
  { "o", "- c m n ng p t" },
  { "ô", "- c m n ng p t" },
  { "ơ", "- m n p t" },
  { "u", "- c m n ng p t" },
  { "ư", "- c m ng t" },
  { "y", "-" },
  { "ia", "-" },
  { "iê", "c m n ng p t" },
  { "yê", "m n ng t" },
  { "ua", "-" },
  { "uô", "c m n ng t" },
  { "ưa", "-" },
  { "ươ", "c m n ng p t" },
  { "oo", "c ng" },
  { "ai", "-" }, { "ao", "-" }, { "au", "-" }, { "ay", "-" },
  { "âu", "-" }, { "ây", "-" }, { "eo", "-" }, { "êu", "-" },
  { "iu", "-" }, { "oi", "-" }, { "ôi", "-" }, { "ơi", "-" },
  { "ui", "-" }, { "ưi", "-" }, { "ưu", "-" }, { "iêu", "-" },
  { "yêu", "-" }, { "uôi", "-" }, { "ươi", "-" }, { "ươu", "-" },
  /* With the glide written o or u before the vowel (âm đệm). */
  { "oa", "- c ch m n ng nh p t" },
  { "oă", "c m n ng t" },
  { "oe", "- n t" },
  { "uâ", "n ng t" },
  { "uê", "- ch nh" },
  { "uơ", "-" },
  { "uy", "- ch n nh p t" },
  { "uya", "-" },
  { "uyê", "n t" },
  { "oai", "-" }, { "oay", "-" }, { "oao", "-" }, { "oeo", "-" },
  { "uây", "-" }, { "uyu", "-" },
};

/* Spelling rules tied to an onset.  The c/k rule is enforced one way only:
 * c is never written before e, ê, i or y, but k before a, o or u turns up in
 * real names (Kon Tum, Ksor), so it is allowed.
 */
typedef enum
{
  ONSET_ANY,
  ONSET_NOT_FRONT,      /* c: not before e ê i y */
  ONSET_FRONT_ONLY,     /* gh, ngh: only before e ê i */
  ONSET_QU,             /* qu: the u is the glide, so no second u, ư or o */
  ONSET_Q,              /* q + a rhyme that opens with the glide u */
} OnsetRule;

typedef struct
{
  const char *spelling;
  OnsetRule   rule;
} OnsetRow;

/* Longest first, so "nghiêng" is tried as ngh + iêng before ng or n. */
static const OnsetRow onset_rows[] = {
  { "ngh", ONSET_FRONT_ONLY },
  { "ch", ONSET_ANY }, { "gh", ONSET_FRONT_ONLY }, { "gi", ONSET_ANY },
  { "kh", ONSET_ANY }, { "ng", ONSET_ANY }, { "nh", ONSET_ANY },
  { "ph", ONSET_ANY }, { "qu", ONSET_QU }, { "th", ONSET_ANY },
  { "tr", ONSET_ANY },
  { "b", ONSET_ANY }, { "c", ONSET_NOT_FRONT }, { "d", ONSET_ANY },
  { "đ", ONSET_ANY }, { "g", ONSET_ANY }, { "h", ONSET_ANY },
  { "k", ONSET_ANY }, { "l", ONSET_ANY }, { "m", ONSET_ANY },
  { "n", ONSET_ANY }, { "p", ONSET_ANY }, { "q", ONSET_Q },
  { "r", ONSET_ANY }, { "s", ONSET_ANY }, { "t", ONSET_ANY },
  { "v", ONSET_ANY }, { "x", ONSET_ANY },
};

typedef struct
{
  guint8    letters[3];
  guint     n_letters;
  OnsetRule rule;
} Onset;

static Onset onsets[G_N_ELEMENTS (onset_rows)];

/* Every row expands to at most nine rhymes. */
static guint32 rhyme_keys[G_N_ELEMENTS (rhyme_rows) * 9];
static guint n_rhyme_keys;

static gboolean
is_vowel (guint8 letter)
{
  switch (letter)
    {
    case L_A: case L_A_BREVE: case L_A_CIRCUMFLEX: case L_E:
    case L_E_CIRCUMFLEX: case L_I: case L_O: case L_O_CIRCUMFLEX:
    case L_O_HORN: case L_U: case L_U_HORN: case L_Y:
      return TRUE;
    default:
      return FALSE;
    }
}

static Tone
tone_of_mark (gunichar mark)
{
  switch (mark)
    {
    case 0x0300: case 0x0340: return TONE_GRAVE;
    case 0x0301: case 0x0341: return TONE_ACUTE;
    case 0x0309: return TONE_HOOK;
    case 0x0303: return TONE_TILDE;
    case 0x0323: return TONE_DOT;
    default: return TONE_NONE;
    }
}

/* The breve, circumflex and horn make new letters of a, e, o and u. */
static guint8
apply_shape (guint8   letter,
             gunichar mark)
{
  switch (mark)
    {
    case 0x0302:
      return letter == L_A ? L_A_CIRCUMFLEX :
             letter == L_E ? L_E_CIRCUMFLEX :
             letter == L_O ? L_O_CIRCUMFLEX : L_NONE;
    case 0x0306:
      return letter == L_A ? L_A_BREVE : L_NONE;
    case 0x031B:
      return letter == L_O ? L_O_HORN : letter == L_U ? L_U_HORN : L_NONE;
    default:
      return L_NONE;
    }
}

/* A word is written in lower case, in upper case or with a capital first,
 * never with mixed case after that.  TCVN3 text read as Latin-1 breaks this
 * all the time, as in "trÊn" for "trấn" or "MÉn" for "Mẫn".
 */
static gboolean
add_letter (Syllable *s,
            guint8    letter,
            gboolean  upper)
{
  if (letter == L_NONE || s->n_letters == MAX_LETTERS)
    return FALSE;
  if (upper ? s->seen_lower : s->upper_after_first)
    return FALSE;
  s->seen_lower |= !upper;
  s->upper_after_first |= upper && s->n_letters > 0;
  s->letters[s->n_letters++] = letter;
  return TRUE;
}

/* A tone belongs on a vowel, and a syllable has one at most. */
static gboolean
set_tone (Syllable *s,
          Tone      tone)
{
  if (s->tone != TONE_NONE || s->n_letters == 0 ||
      !is_vowel (s->letters[s->n_letters - 1]))
    return FALSE;
  s->tone = tone;
  s->tone_at = s->n_letters - 1;
  return TRUE;
}

/* In NFD a shape mark may follow the tone mark ("ệ" is e, dot below,
 * circumflex), so it reshapes the last letter, wherever the tone went.
 */
static gboolean
add_mark (Syllable *s,
          gunichar  mark)
{
  Tone tone = tone_of_mark (mark);
  guint8 shaped;

  if (tone != TONE_NONE)
    return set_tone (s, tone);
  if (s->n_letters == 0)
    return FALSE;
  shaped = apply_shape (s->letters[s->n_letters - 1], mark);
  if (shaped == L_NONE)
    return FALSE;
  s->letters[s->n_letters - 1] = shaped;
  return TRUE;
}

static gboolean
add_ascii (Syllable *s,
           guchar    c)
{
  gboolean upper = g_ascii_isupper (c);

  c = g_ascii_tolower (c);
  if (c < 'a' || c > 'z')
    return FALSE;
  return add_letter (s, ascii_letters[c - 'a'], upper);
}

static gboolean
add_precomposed (Syllable          *s,
                 const Precomposed *p)
{
  if (!add_letter (s, p->letter, p->upper))
    return FALSE;
  return p->tone == TONE_NONE || set_tone (s, p->tone);
}

static gboolean
add_char (Syllable *s,
          gunichar  c)
{
  if (c < 0x80)
    return add_ascii (s, c);
  if (c >= 0x0300 && c <= 0x036F)
    return add_mark (s, c);
  if (c >= LATIN_FIRST && c <= LATIN_LAST)
    return add_precomposed (s, &latin_table[c - LATIN_FIRST]);
  if (c >= VIET_FIRST && c <= VIET_LAST)
    return add_precomposed (s, &viet_table[c - VIET_FIRST]);
  return FALSE;
}

static gboolean
decode (const char *p,
        const char *end,
        Syllable   *s)
{
  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (!add_ascii (s, *p++))
            return FALSE;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2 || !add_char (s, c))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* Only used while the tables are filled, before add_char() can look them
 * up: đ has no decomposition, the rest decompose to a base and marks.
 */
static Precomposed
describe_precomposed (gunichar c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  Precomposed p = { L_NONE, TONE_NONE, g_unichar_isupper (c) };
  Syllable s = { 0 };
  gsize n;

  if (c == 0x0110 || c == 0x0111)
    return (Precomposed) { L_D_STROKE, TONE_NONE, c == 0x0110 };

  n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  if (n < 2 || n > G_N_ELEMENTS (parts) || parts[0] >= 0x80 || !add_ascii (&s, parts[0]))
    return p;
  for (gsize i = 1; i < n; i++)
    if (!add_mark (&s, parts[i]))
      return p;
  p.letter = s.letters[0];
  p.tone = s.tone;
  return p;
}

static guint32
pack_key (const guint8 *letters,
          guint         n_letters)
{
  guint32 key = 0;

  for (guint i = 0; i < n_letters; i++)
    key = (key << LETTER_BITS) | letters[i];
  return key;
}

static int
compare_keys (const void *a,
              const void *b)
{
  guint32 ka = *(const guint32 *) a;
  guint32 kb = *(const guint32 *) b;

  return ka < kb ? -1 : ka > kb;
}

static void
add_rhyme (const char *nucleus,
           const char *coda)
{
  g_autofree char *spelling = g_strconcat (nucleus, coda, NULL);
  Syllable s = { 0 };

  if (!decode (spelling, spelling + strlen (spelling), &s) ||
      s.n_letters > MAX_RHYME || n_rhyme_keys == G_N_ELEMENTS (rhyme_keys))
    {
      g_critical ("Bad rhyme table entry “%s”", spelling);
      return;
    }
  rhyme_keys[n_rhyme_keys++] = pack_key (s.letters, s.n_letters);
}

static void
fill_rhymes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rhyme_rows); i++)
    {
      g_auto(GStrv) codas = g_strsplit (rhyme_rows[i].codas, " ", -1);

      for (guint j = 0; codas[j] != NULL; j++)
        add_rhyme (rhyme_rows[i].nucleus, g_str_equal (codas[j], "-") ? "" : codas[j]);
    }
  qsort (rhyme_keys, n_rhyme_keys, sizeof rhyme_keys[0], compare_keys);
}

static void
fill_onsets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (onset_rows); i++)
    {
      const char *spelling = onset_rows[i].spelling;
      Syllable s = { 0 };

      decode (spelling, spelling + strlen (spelling), &s);
      memcpy (onsets[i].letters, s.letters, sizeof onsets[i].letters);
      onsets[i].n_letters = s.n_letters;
      onsets[i].rule = onset_rows[i].rule;
    }
}

static void
ensure_tables (void)
{
  static gsize initialised = 0;

  if (!g_once_init_enter (&initialised))
    return;

  for (gunichar c = LATIN_FIRST; c <= LATIN_LAST; c++)
    latin_table[c - LATIN_FIRST] = describe_precomposed (c);
  for (gunichar c = VIET_FIRST; c <= VIET_LAST; c++)
    viet_table[c - VIET_FIRST] = describe_precomposed (c);
  fill_onsets ();
  fill_rhymes ();

  g_once_init_leave (&initialised, 1);
}

static gboolean
is_known_rhyme (const guint8 *letters,
                guint         n_letters)
{
  guint32 key = pack_key (letters, n_letters);

  return bsearch (&key, rhyme_keys, n_rhyme_keys, sizeof key, compare_keys) != NULL;
}

/* Syllables closed by c, ch, p or t (and the k of Đắk) are checked syllables
 * and take only the acute or the dot below.  Mojibake breaks this rule
 * often, so it is worth enforcing.
 */
static gboolean
is_checked (const guint8 *rhyme,
            guint         n)
{
  guint8 last = rhyme[n - 1];

  return last == L_C || last == L_P || last == L_T || last == L_K ||
         (n >= 2 && last == L_H && rhyme[n - 2] == L_C);
}

/* A rhyme ending in a glide (ai, ao, iêu, ươi…) never has the tone on the
 * glide, whichever convention places it: "xão", never "xaõ" (which is how
 * VNI text of "xã" reads as Latin-1).  In "uy" the y is the vowel itself,
 * so "thuý" and "thúy" both stand.
 */
static gboolean
tone_on_glide (const guint8 *rhyme,
               guint         n,
               guint         tone_at)
{
  guint8 last = rhyme[n - 1];

  if (n < 2 || tone_at != n - 1 || !is_vowel (rhyme[n - 2]))
    return FALSE;
  if (n == 2 && rhyme[0] == L_U && last == L_Y)
    return FALSE;
  return last == L_I || last == L_Y || last == L_O || last == L_U;
}

static gboolean
rhyme_is_valid (const Syllable *s,
                guint           start)
{
  const guint8 *rhyme = s->letters + start;
  guint n = s->n_letters - start;

  if (n == 0 || n > MAX_RHYME || !is_known_rhyme (rhyme, n))
    return FALSE;
  if (s->tone == TONE_NONE)
    return !is_checked (rhyme, n);
  if (s->tone_at < start)
    return FALSE;
  if (is_checked (rhyme, n) && s->tone != TONE_ACUTE && s->tone != TONE_DOT)
    return FALSE;
  return !tone_on_glide (rhyme, n, s->tone_at - start);
}

static gboolean
is_front_vowel (guint8 letter)
{
  return letter == L_E || letter == L_E_CIRCUMFLEX || letter == L_I || letter == L_Y;
}

static gboolean
onset_allows (const Onset    *onset,
              const Syllable *s)
{
  guint n_rest = s->n_letters - onset->n_letters;
  const guint8 *rest = s->letters + onset->n_letters;

  if (n_rest == 0)
    return FALSE;
  switch (onset->rule)
    {
    case ONSET_NOT_FRONT:
      return !is_front_vowel (rest[0]);
    case ONSET_FRONT_ONLY:
      return is_front_vowel (rest[0]) && rest[0] != L_Y;
    case ONSET_QU:
      return rest[0] != L_U && rest[0] != L_U_HORN && rest[0] != L_O;
    case ONSET_Q:
      return rest[0] == L_U && n_rest >= 2 && is_vowel (rest[1]);
    case ONSET_ANY:
    default:
      return TRUE;
    }
}

/* Every onset the word starts with is tried, so "gin" falls back from
 * gi + n to g + in, while "giữa" is gi + ưa.
 */
static gboolean
is_syllable (const Syllable *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (onsets); i++)
    {
      const Onset *onset = &onsets[i];

      if (onset->n_letters < s->n_letters &&
          memcmp (s->letters, onset->letters, onset->n_letters) == 0 &&
          onset_allows (onset, s) &&
          rhyme_is_valid (s, onset->n_letters))
        return TRUE;
    }
  return rhyme_is_valid (s, 0);
}

gboolean
xaso_syllable_is_vietnamese (const char *word,
                             gssize      len)
{
  Syllable s = { 0 };

  g_return_val_if_fail (word != NULL || len == 0, FALSE);

  ensure_tables ();
  if (len < 0)
    len = strlen (word);
  return decode (word, word + len, &s) && is_syllable (&s);
}

/* Reads the character at @p; returns its length in bytes and whether it
 * belongs to a word.  A byte that is not valid UTF-8 separates words.
 */
static gsize
read_char (const char *p,
           const char *end,
           gboolean   *in_word)
{
  guchar b = (guchar) *p;
  gunichar c;

  if (b < 0x80)
    {
      *in_word = g_ascii_isalpha (b);
      return 1;
    }
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *in_word = FALSE;
      return 1;
    }
  *in_word = g_unichar_isalpha (c) || g_unichar_ismark (c);
  return g_utf8_skip[b];
}

/* Finds the next word at or after *@p, leaving *@p after it. */
static gboolean
next_word (const char **p,
           const char  *end,
           const char **start,
           gboolean    *non_ascii)
{
  gboolean in_word = FALSE;

  while (*p < end)
    {
      gsize n = read_char (*p, end, &in_word);

      if (in_word)
        break;
      *p += n;
    }
  if (*p == end)
    return FALSE;

  *start = *p;
  *non_ascii = FALSE;
  while (*p < end)
    {
      gsize n = read_char (*p, end, &in_word);

      if (!in_word)
        break;
      *non_ascii |= (guchar) **p >= 0x80;
      *p += n;
    }
  return TRUE;
}

void
xaso_syllable_count_words (const char *text,
                           gssize      len,
                           guint      *n_vietnamese,
                           guint      *n_foreign)
{
  guint n_valid = 0;
  guint n_invalid = 0;
  const char *p = text;
  const char *end;
  const char *start;
  gboolean non_ascii;

  g_return_if_fail (text != NULL || len == 0);

  end = text + (len < 0 ? (gssize) strlen (text) : len);
  while (next_word (&p, end, &start, &non_ascii))
    {
      if (!non_ascii)
        continue;
      if (xaso_syllable_is_vietnamese (start, p - start))
        n_valid++;
      else
        n_invalid++;
    }

  if (n_vietnamese != NULL)
    *n_vietnamese = n_valid;
  if (n_foreign != NULL)
    *n_foreign = n_invalid;
}
