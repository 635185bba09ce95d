/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-legacy.h"
#include "xaso-unicode.h"

/* Decoding maps each byte (or, in VNI, each letter and the mark bytes after
 * it) to code points, base letters and combining marks mixed, and then
 * composes the whole text to NFC.  Encoding works on NFC text and, for a
 * character the table lacks, tries it as a letter the table holds followed
 * by a combining tone mark, the way Windows-1258 writes "ộ" as ô and a dot.
 */

/* The five Vietnamese tone marks ("dấu thanh"), in the order the VNI tables
 * list them. */
typedef enum
{
  TONE_NONE,
  TONE_ACUTE,
  TONE_GRAVE,
  TONE_HOOK,
  TONE_TILDE,
  TONE_DOT,
  N_TONES
} Tone;

static const gunichar tone_marks[N_TONES] = { 0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323 };

/* The vowel marks VNI draws in the same byte as the tone: none (a, e, o),
 * circumflex (â, ê, ô) and breve (ă).  The horn of ơ and ư is part of a
 * letter byte of its own. */
typedef enum
{
  SHAPE_PLAIN,
  SHAPE_CIRCUMFLEX,
  SHAPE_BREVE,
  N_SHAPES
} Shape;

/* Windows-1252 at 0x80 to 0x9F; 0xA0 to 0xFF are Latin-1.  Text typed in a
 * legacy font is Windows-1252 to every program that does not know the font,
 * so a byte the legacy table leaves empty decodes as Windows-1252 does. */
static const guint16 cp1252_c1[32] = {
  0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000, /* 88 */
  0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178, /* 98 */
};

/* TCVN 5712:1993 VN1, as glibc's TCVN5712-1.  Besides the high half, VN1
 * puts twelve capitals on C0 controls; TAB, LF and CR keep their places,
 * so CSV files survive, and the other controls are themselves. */
static const guint16 tcvn3_low[32] = {
  0x0000, 0x00DA, 0x1EE4, 0x0003, 0x1EEA, 0x1EEC, 0x1EEE, 0x0007, /* 00 */
  0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F, /* 08 */
  0x0010, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4, /* 10 */
  0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F, /* 18 */
};

static const guint16 tcvn3_high[128] = {
  0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, /* 80 */
  0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128, /* 88 */
  0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, /* 90 */
  0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, /* 98 */
  0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, /* A0 */
  0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, /* A8 */
  0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, /* B0 */
  0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, /* B8 */
  0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, /* C0 */
  0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, /* C8 */
  0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, /* D0 */
  0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, /* D8 */
  0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, /* E0 */
  0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, /* E8 */
  0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, /* F0 */
  0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, /* F8 */
};

/* Windows-1258: Windows-1252 with the Vietnamese base letters in place of
 * some Latin-1 letters and the five tone marks as combining characters at
 * 0xCC, 0xD2, 0xDE, 0xEC and 0xF2.  Zero marks a byte the code page leaves
 * undefined.  It is kept here because iconv on Windows does not know it. */
static const guint16 cp1258_high[128] = {
  0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 80 */
  0x02C6, 0x2030, 0x0000, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000, /* 88 */
  0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 90 */
  0x02DC, 0x2122, 0x0000, 0x203A, 0x0153, 0x0000, 0x0000, 0x0178, /* 98 */
  0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, /* A0 */
  0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, /* A8 */
  0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, /* B0 */
  0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, /* B8 */
  0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, /* C0 */
  0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, /* C8 */
  0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, /* D0 */
  0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, /* D8 */
  0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, /* E0 */
  0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, /* E8 */
  0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, /* F0 */
  0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF, /* F8 */
};

typedef struct
{
  const guint16 *low;   /* 0x00 to 0x1F, or NULL when they are the controls */
  const guint16 *high;  /* 0x80 to 0xFF */
} ByteTable;

static const ByteTable tcvn3_table = { tcvn3_low, tcvn3_high };
static const ByteTable cp1258_table = { NULL, cp1258_high };

/* VNI writes a vowel as a letter byte followed by one mark byte that draws
 * both the vowel mark and the tone.  Only small letters are listed: every
 * byte of a capital, ASCII letters included, is the byte of the small
 * letter minus 0x20 ("aù" is á, "AÙ" is Á); the fonts draw capital marks
 * higher. */
static const guchar vni_marks[N_SHAPES][N_TONES] = {
  /* none  acute grave hook  tilde dot */
  { 0x00, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF }, /* a e i o u y ơ ư */
  { 0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4 }, /* â ê ô */
  { 0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB }, /* ă */
};

/* The twelve vowels without tone: the letter byte, and the vowel mark of
 * the mark byte after it.  ơ and ư have letter bytes of their own. */
static const struct
{
  gunichar vowel;
  guchar   letter;
  Shape    shape;
} vni_vowels[] = {
  { 'a', 'a', SHAPE_PLAIN },
  { 0x0103, 'a', SHAPE_BREVE },      /* ă */
  { 0x00E2, 'a', SHAPE_CIRCUMFLEX }, /* â */
  { 'e', 'e', SHAPE_PLAIN },
  { 0x00EA, 'e', SHAPE_CIRCUMFLEX }, /* ê */
  { 'i', 'i', SHAPE_PLAIN },
  { 'o', 'o', SHAPE_PLAIN },
  { 0x00F4, 'o', SHAPE_CIRCUMFLEX }, /* ô */
  { 0x01A1, 0xF4, SHAPE_PLAIN },     /* ơ */
  { 'u', 'u', SHAPE_PLAIN },
  { 0x01B0, 0xF6, SHAPE_PLAIN },     /* ư */
  { 'y', 'y', SHAPE_PLAIN },
};

/* Letters VNI writes in one byte with no mark byte: đ, i with a tone,
 * whose mark would collide with the dot of the i, and ỵ, whose dot would
 * collide with the tail. */
static const struct
{
  guchar   byte;
  gunichar letter;
} vni_singles[] = {
  { 0xF1, 0x0111 }, /* đ */
  { 0xED, 0x00ED }, /* í */
  { 0xEC, 0x00EC }, /* ì */
  { 0xE6, 0x1EC9 }, /* ỉ */
  { 0xF3, 0x0129 }, /* ĩ */
  { 0xF2, 0x1ECB }, /* ị */
  { 0xEE, 0x1EF5 }, /* ỵ */
};

#define VNI_CAPITAL_OFFSET 0x20

static gunichar
cp1252_char_of (guchar byte)
{
  if (byte >= 0x80 && byte < 0xA0)
    return cp1252_c1[byte - 0x80] != 0 ? cp1252_c1[byte - 0x80] : 0xFFFD;
  return byte;
}

/* The Windows-1252 byte of @c, or -1.  The C1 controls have no byte here:
 * Windows-1252 gives their places to other characters. */
static int
cp1252_byte_of (gunichar c)
{
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
    return c;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_c1); i++)
    {
      if (cp1252_c1[i] == c)
        return 0x80 + i;
    }
  return -1;
}

static gunichar
table_char_of (const ByteTable *table,
               guchar           byte)
{
  if (byte < 0x20 && table->low != NULL)
    return table->low[byte];
  if (byte < 0x80)
    return byte;
  if (table->high[byte - 0x80] != 0)
    return table->high[byte - 0x80];
  return cp1252_char_of (byte);
}

static int
table_byte_of (const ByteTable *table,
               gunichar         c)
{
  if (c < 0x80)
    return table->low == NULL || c >= 0x20 || table->low[c] == c ? (int) c : -1;

  for (guint i = 0; i < 0x20 && table->low != NULL; i++)
    {
      if (table->low[i] == c)
        return i;
    }
  for (guint i = 0; i < 0x80; i++)
    {
      if (table->high[i] == c)
        return 0x80 + i;
    }
  return -1;
}

static Tone
tone_of_mark (gunichar mark)
{
  for (Tone t = TONE_ACUTE; t < N_TONES; t++)
    {
      if (tone_marks[t] == mark)
        return t;
    }
  return TONE_NONE;
}

/* Splits the tone off a character: "ộ" gives ô and the dot below.  In the
 * decomposition o, dot below, circumflex the dot (combining class 220) can
 * be taken out from under the circumflex (230); a tone mark followed by a
 * mark of its own class cannot, as the two would then mean another letter.
 * Returns FALSE when @c has no tone that leaves one character behind. */
static gboolean
split_tone (gunichar  c,
            gunichar *base,
            Tone     *tone)
{
  gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));
  gsize at = n - 1;
  gunichar composed = d[0];

  while (at > 0 && tone_of_mark (d[at]) == TONE_NONE)
    at--;
  if (at == 0)
    return FALSE;
  for (gsize i = at + 1; i < n; i++)
    {
      if (g_unichar_combining_class (d[i]) == g_unichar_combining_class (d[at]))
        return FALSE;
    }

  for (gsize i = 1; i < n; i++)
    {
      if (i != at && !g_unichar_compose (composed, d[i], &composed))
        return FALSE;
    }
  *base = composed;
  *tone = tone_of_mark (d[at]);
  return TRUE;
}

static gboolean
encode_table_char (const ByteTable *table,
                   gunichar         c,
                   GString         *out)
{
  int byte = table_byte_of (table, c);
  int tone_byte;
  gunichar base;
  Tone tone;

  if (byte >= 0)
    {
      g_string_append_c (out, (char) byte);
      return TRUE;
    }

  if (!split_tone (c, &base, &tone))
    return FALSE;
  byte = table_byte_of (table, base);
  tone_byte = table_byte_of (table, tone_marks[tone]);
  if (byte < 0 || tone_byte < 0)
    return FALSE;
  g_string_append_c (out, (char) byte);
  g_string_append_c (out, (char) tone_byte);
  return TRUE;
}

static gboolean
vni_mark_of_byte (guchar  byte,
                  Shape  *shape,
                  Tone   *tone)
{
  if (byte < 0xC0)
    return FALSE;
  for (Shape s = SHAPE_PLAIN; s < N_SHAPES; s++)
    for (Tone t = TONE_NONE; t < N_TONES; t++)
      {
        if (vni_marks[s][t] != 0 && vni_marks[s][t] == (byte | VNI_CAPITAL_OFFSET))
          {
            *shape = s;
            *tone = t;
            return TRUE;
          }
      }
  return FALSE;
}

/* The vowel written as the small letter byte @small and a mark byte of
 * @shape, or 0. */
static gunichar
vni_vowel_of (guchar small,
              Shape  shape)
{
  for (guint i = 0; i < G_N_ELEMENTS (vni_vowels); i++)
    {
      if (vni_vowels[i].letter == small && vni_vowels[i].shape == shape)
        return vni_vowels[i].vowel;
    }
  return 0;
}

/* The letter a byte of 0xC0 or more stands for on its own, or 0. */
static gunichar
vni_letter_of_byte (guchar byte)
{
  guchar small = byte | VNI_CAPITAL_OFFSET;
  gunichar letter = byte >= 0xC0 ? vni_vowel_of (small, SHAPE_PLAIN) : 0;

  for (guint i = 0; i < G_N_ELEMENTS (vni_singles) && byte >= 0xC0; i++)
    {
      if (vni_singles[i].byte == small)
        letter = vni_singles[i].letter;
    }
  return letter != 0 && small != byte ? g_unichar_toupper (letter) : letter;
}

static gboolean
vni_byte_is_free (guchar byte)
{
  Shape shape;
  Tone tone;

  return vni_letter_of_byte (byte) == 0 && !vni_mark_of_byte (byte, &shape, &tone);
}

/* Reads a letter byte and the mark bytes it takes, longest first: besides
 * the usual one mark byte, a vowel-mark byte followed by a tone byte ("aâù"
 * for ấ) is one letter too.  A byte that is no letter, or a mark byte after
 * a letter that cannot take it, is read on its own. */
static const guchar *
decode_vni_letter (const guchar *p,
                   const guchar *end,
                   GString      *out)
{
  guchar small = *p | VNI_CAPITAL_OFFSET;
  gboolean capital = small != *p;
  gunichar vowel = 0;
  Shape shape, second_shape;
  Tone tone, second_tone;

  if (p + 1 < end && vni_mark_of_byte (p[1], &shape, &tone))
    vowel = vni_vowel_of (small, shape);
  if (vowel == 0)
    {
      gunichar letter = *p < 0x80 ? *p : vni_letter_of_byte (*p);

      g_string_append_unichar (out, letter != 0 ? letter : cp1252_char_of (*p));
      return p + 1;
    }

  p += 2;
  if (shape != SHAPE_PLAIN && tone == TONE_NONE && p < end &&
      vni_mark_of_byte (*p, &second_shape, &second_tone) && second_shape == SHAPE_PLAIN)
    {
      tone = second_tone;
      p++;
    }
  g_string_append_unichar (out, capital ? g_unichar_toupper (vowel) : vowel);
  if (tone != TONE_NONE)
    g_string_append_unichar (out, tone_marks[tone]);
  return p;
}

/* Writes a byte of a small letter, or of its capital. */
static void
append_vni_byte (GString  *out,
                 guchar    byte,
                 gboolean  capital)
{
  g_string_append_c (out, (char) (capital ? byte & ~VNI_CAPITAL_OFFSET : byte));
}

/* Writes a small Vietnamese letter, or its capital; FALSE for any other
 * character. */
static gboolean
encode_vni_letter (gunichar  small,
                   gboolean  capital,
                   GString  *out)
{
  gunichar base = small;
  Tone tone = TONE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (vni_singles); i++)
    {
      if (vni_singles[i].letter == small)
        {
          append_vni_byte (out, vni_singles[i].byte, capital);
          return TRUE;
        }
    }

  split_tone (small, &base, &tone);
  for (guint i = 0; i < G_N_ELEMENTS (vni_vowels); i++)
    {
      Shape shape = vni_vowels[i].shape;

      if (vni_vowels[i].vowel != base)
        continue;
      append_vni_byte (out, vni_vowels[i].letter, capital);
      if (vni_marks[shape][tone] != 0)
        append_vni_byte (out, vni_marks[shape][tone], capital);
      return TRUE;
    }
  return FALSE;
}

static gboolean
encode_vni_char (gunichar  c,
                 GString  *out)
{
  gunichar small = g_unichar_tolower (c);
  int byte;

  if (c < 0x80)
    {
      g_string_append_c (out, (char) c);
      return TRUE;
    }

  /* A capital must be the capital of its small letter: İ lower-cases to a
   * plain i but is no Vietnamese letter. */
  if ((small == c || g_unichar_toupper (small) == c) &&
      encode_vni_letter (small, small != c, out))
    return TRUE;

  /* The fonts keep the Windows-1252 symbols on the bytes that draw no
   * Vietnamese letter or mark. */
  byte = cp1252_byte_of (c);
  if (byte < 0 || !vni_byte_is_free (byte))
    return FALSE;
  g_string_append_c (out, (char) byte);
  return TRUE;
}

static void
decode_table (const ByteTable *table,
              const guchar    *p,
              const guchar    *end,
              GString         *out)
{
  for (; p < end; p++)
    {
      gunichar c = table_char_of (table, *p);
      char utf8[6];

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_len (out, utf8, g_unichar_to_utf8 (c, utf8));
    }
}

/* g_utf8_normalize() stops at the first NUL, and the 8-bit encodings may
 * hold NULs, so the text is composed one NUL-separated piece at a time. */
static char *
compose_pieces (const GString *text,
                gsize         *out_len)
{
  g_autoptr(GString) result = g_string_sized_new (text->len);
  const char *p = text->str;
  const char *end = text->str + text->len;

  for (;;)
    {
      const char *nul = memchr (p, '\0', end - p);
      gsize piece_len = (nul ? nul : end) - p;

      /* Most text decodes to precomposed letters: nothing to compose. */
      if (xaso_unicode_is_plainly_nfc (p, piece_len))
        g_string_append_len (result, p, piece_len);
      else
        {
          g_autofree char *piece = g_utf8_normalize (p, piece_len, G_NORMALIZE_NFC);

          g_string_append (result, piece);
        }
      if (nul == NULL)
        break;
      g_string_append_c (result, '\0');
      p = nul + 1;
    }

  if (out_len != NULL)
    *out_len = result->len;
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/**
 * xaso_encoding_get_name:
 * @encoding: an encoding
 *
 * Gives the short name of @encoding, the same in every language: "UTF-8",
 * "TCVN3", "VNI" or "Windows-1258".
 *
 * Returns: (transfer none): the name
 */
const char *
xaso_encoding_get_name (XasoEncoding encoding)
{
  switch (encoding)
    {
    case XASO_ENCODING_UTF8:
      return "UTF-8";
    case XASO_ENCODING_TCVN3:
      return "TCVN3";
    case XASO_ENCODING_VNI:
      return "VNI";
    case XASO_ENCODING_CP1258:
      return "Windows-1258";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * xaso_encoding_from_name:
 * @name: a name such as "tcvn3", "vni", "cp1258", "windows-1258", "utf8"
 *   or "utf-8", in any case
 * @out: (out) (optional): where to store the encoding
 *
 * Looks an encoding up by the name a user or a command line gives.
 *
 * Returns: %TRUE when @name names an encoding
 */
gboolean
xaso_encoding_from_name (const char   *name,
                         XasoEncoding *out)
{
  static const struct
  {
    const char   *name;
    XasoEncoding  encoding;
  } names[] = {
    { "utf-8", XASO_ENCODING_UTF8 },
    { "utf8", XASO_ENCODING_UTF8 },
    { "tcvn3", XASO_ENCODING_TCVN3 },
    { "vni", XASO_ENCODING_VNI },
    { "windows-1258", XASO_ENCODING_CP1258 },
    { "cp1258", XASO_ENCODING_CP1258 },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (out != NULL)
            *out = names[i].encoding;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * xaso_legacy_decode:
 * @encoding: the encoding of @bytes
 * @bytes: the text
 * @len: the length of @bytes, or -1 if it ends with a NUL
 * @out_len: (out) (optional): where to store the length of the result,
 *   which holds a NUL for each NUL of @bytes
 *
 * Reads text in @encoding into UTF-8, composed to NFC.  Decoding never
 * fails: a byte that stands for no character of @encoding gives the
 * Windows-1252 character of that byte, or U+FFFD where Windows-1252 has
 * none either, and invalid UTF-8 gives U+FFFD.
 *
 * ASCII gives itself, except that in TCVN3 the control bytes 0x01, 0x02,
 * 0x04–0x06 and 0x11–0x17 are capitals, as in glibc's TCVN5712-1.  In VNI a
 * tone byte after a letter that cannot take it is read as Windows-1252.
 *
 * Returns: (transfer full): the text in UTF-8
 */
char *
xaso_legacy_decode (XasoEncoding  encoding,
                    const char   *bytes,
                    gssize        len,
                    gsize        *out_len)
{
  g_autoptr(GString) text = NULL;
  const guchar *p = (const guchar *) bytes;

  g_return_val_if_fail (bytes != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (bytes);
  text = g_string_sized_new (len * 2 + 1);

  switch (encoding)
    {
    case XASO_ENCODING_UTF8:
      {
        g_autofree char *valid = len > 0 ? g_utf8_make_valid (bytes, len) : NULL;

        g_string_append (text, valid != NULL ? valid : "");
        break;
      }
    case XASO_ENCODING_TCVN3:
      decode_table (&tcvn3_table, p, p + len, text);
      break;
    case XASO_ENCODING_VNI:
      while (p < (const guchar *) bytes + len)
        p = decode_vni_letter (p, (const guchar *) bytes + len, text);
      break;
    case XASO_ENCODING_CP1258:
      decode_table (&cp1258_table, p, p + len, text);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return compose_pieces (text, out_len);
}

static gboolean
encode_char (XasoEncoding  encoding,
             gunichar      c,
             GString      *out)
{
  switch (encoding)
    {
    case XASO_ENCODING_UTF8:
      g_string_append_unichar (out, c);
      return TRUE;
    case XASO_ENCODING_TCVN3:
      return encode_table_char (&tcvn3_table, c, out);
    case XASO_ENCODING_VNI:
      return encode_vni_char (c, out);
    case XASO_ENCODING_CP1258:
      return encode_table_char (&cp1258_table, c, out);
    default:
      return FALSE;
    }
}

/* The C1 controls U+0080 to U+009F give their own byte too, as Windows
 * passes the bytes Windows-1252 leaves undefined on so. */
static gboolean
encode_latin_char (XasoEncoding  unused,
                   gunichar      c,
                   GString      *out)
{
  int byte = c >= 0x80 && c < 0xA0 ? (int) c : cp1252_byte_of (c);

  if (byte >= 0)
    g_string_append_c (out, (char) byte);
  return byte >= 0;
}

/* Writes @utf8, in NFC, a character at a time.  On failure @failed is the
 * character that could not be written, or 0 for invalid UTF-8. */
static char *
encode_text (XasoEncoding   encoding,
             gboolean     (*encode_one) (XasoEncoding, gunichar, GString *),
             const char    *utf8,
             gsize         *out_len,
             gunichar      *failed)
{
  g_autofree char *nfc = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) out = NULL;

  *failed = 0;
  if (nfc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfc) + 1);
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!encode_one (encoding, g_utf8_get_char (p), out))
        {
          *failed = g_utf8_get_char (p);
          return NULL;
        }
    }

  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * xaso_legacy_encode:
 * @encoding: the encoding to write
 * @utf8: text in UTF-8, in any normalization form
 * @out_len: (out) (optional): where to store the length of the result
 * @error: return location for a #GError
 *
 * Writes @utf8 in @encoding.  A letter the encoding holds only as a base
 * letter and a combining tone mark, as Windows-1258 holds "ộ" as ô and a
 * dot below, is written that way.  UTF-8 is written in NFC.
 *
 * Returns: (transfer full) (nullable): the bytes, followed by a NUL, or
 *   %NULL with %G_CONVERT_ERROR_ILLEGAL_SEQUENCE when @utf8 is not valid
 *   UTF-8 or holds a character @encoding cannot write
 */
char *
xaso_legacy_encode (XasoEncoding   encoding,
                    const char    *utf8,
                    gsize         *out_len,
                    GError       **error)
{
  char *bytes;
  gunichar failed;
  char failed_utf8[7] = { 0 };

  g_return_val_if_fail (utf8 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = encode_text (encoding, encode_char, utf8, out_len, &failed);
  if (bytes == NULL && failed == 0)
    {
      g_set_error_literal (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                           _("The text is not valid UTF-8"));
    }
  else if (bytes == NULL)
    {
      g_unichar_to_utf8 (failed, failed_utf8);
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                   /* Translators: the first %s is a character, the second
                    * the name of an encoding such as "TCVN3". */
                   _("The character “%s” (U+%04X) cannot be written in %s"),
                   failed_utf8, failed, xaso_encoding_get_name (encoding));
    }
  return bytes;
}

/**
 * xaso_legacy_bytes_from_latin:
 * @utf8: text copied from a document typed in a legacy font
 * @out_len: (out) (optional): where to store the length of the result
 *
 * Gives back the bytes such text was typed as.  Copied out of a document
 * set in a .VnTime or VNI-Times font, "Nguyễn Văn" reaches the clipboard
 * as the Windows-1252 characters of its bytes, "NguyÔn V¨n"; the bytes can
 * then go to xaso_legacy_decode().
 *
 * Returns: (transfer full) (nullable): the bytes, followed by a NUL, or
 *   %NULL when @utf8 is not valid UTF-8 or holds a character outside
 *   Windows-1252 and the C1 controls
 */
char *
xaso_legacy_bytes_from_latin (const char *utf8,
                              gsize      *out_len)
{
  gunichar failed;

  g_return_val_if_fail (utf8 != NULL, NULL);

  return encode_text (XASO_ENCODING_UTF8, encode_latin_char, utf8, out_len, &failed);
}
