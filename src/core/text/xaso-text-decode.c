/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-syllable.h"
#include "xaso-text-decode.h"
#include "xaso-unicode.h"

G_DEFINE_QUARK (xaso-text-error-quark, xaso_text_error)

/* The old encodings a line may be in, in the order a tie is settled. */
static const XasoEncoding legacy_encodings[] = {
  XASO_ENCODING_TCVN3, XASO_ENCODING_VNI, XASO_ENCODING_CP1258,
};
#define N_LEGACY G_N_ELEMENTS (legacy_encodings)

/* A line fits an encoding when read in it, it has Vietnamese words and no
 * word Vietnamese does not write. */
typedef struct
{
  guint    fits;              /* bit i: legacy_encodings[i] */
  guint    viet[N_LEGACY];
  guint    foreign[N_LEGACY];
} LineReading;

/* Lines that only one encoding reads, and none another, before the others
 * are tried only on lines it does not read. */
#define LEADER_LINES 50

typedef struct
{
  gboolean    utf8;               /* the file is valid UTF-8 */
  int         leader;             /* index of the encoding read first, or -1 */
  guint       decisive[N_LEGACY]; /* lines only that encoding fits */
  guint       first_decisive[N_LEGACY];
  guint       fitting[N_LEGACY];
  guint       viet[N_LEGACY];
  guint       foreign[N_LEGACY];
  GByteArray *line_fits;          /* a UTF-8 file's LineReading.fits, a byte a line */
} FileReading;

static gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Old-font letters that reach Unicode text as Windows-1252 symbols (TCVN3's
 * ă is "¨", ô "«", Đ "§"; VNI's marks are "ø", "ù"…) cut words into ASCII
 * pieces that say nothing: "V¨n" reads as "V" and "n". A line holding
 * such symbols and no Vietnamese word is read in the old encodings too. */
static gboolean
has_latin_symbols (const char *line,
                   gsize       len)
{
  const char *end = line + len;

  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2013 && c <= 0x2122))
        return TRUE;
    }
  return FALSE;
}

/* The bytes a line of a UTF-8 file stands for when its characters are
 * old-font bytes seen as Windows-1252; NULL when they cannot be. */
static char *
latin_bytes (const char *line,
             gsize       len,
             gsize      *out_len)
{
  g_autofree char *copy = g_strndup (line, len);

  return xaso_legacy_bytes_from_latin (copy, out_len);
}

static void
read_in (guint         i,
         const char   *bytes,
         gsize         n_bytes,
         LineReading  *reading)
{
  gsize out_len = 0;
  g_autofree char *text = xaso_legacy_decode (legacy_encodings[i], bytes, n_bytes, &out_len);

  xaso_syllable_count_words (text, out_len, &reading->viet[i], &reading->foreign[i]);
  if (reading->foreign[i] == 0 && reading->viet[i] > 0)
    reading->fits |= 1u << i;
}

/* Reads the line in the old encodings, @leader first (-1: none): when it
 * reads the line, the others are not tried. */
static void
read_legacy (const char  *bytes,
             gsize        n_bytes,
             int          leader,
             LineReading *reading)
{
  if (leader >= 0)
    {
      read_in (leader, bytes, n_bytes, reading);
      if (reading->fits != 0)
        return;
    }
  for (guint i = 0; i < N_LEGACY; i++)
    if ((int) i != leader)
      read_in (i, bytes, n_bytes, reading);
}

/* A line of an 8-bit file is read in the old encodings; a line of a UTF-8
 * file only when it does not read as Unicode Vietnamese already. */
static void
read_line (const char  *line,
           gsize        len,
           gboolean     utf8,
           int          leader,
           LineReading *reading)
{
  g_autofree char *bytes = NULL;
  gsize n_bytes = 0;
  guint viet = 0, foreign = 0;

  memset (reading, 0, sizeof *reading);
  if (is_ascii (line, len))
    return;
  if (!utf8)
    {
      read_legacy (line, len, leader, reading);
      return;
    }
  xaso_syllable_count_words (line, len, &viet, &foreign);
  /* Real Vietnamese words settle it; symbols alone do not. */
  if (foreign == 0 && (viet > 0 || !has_latin_symbols (line, len)))
    return;
  bytes = latin_bytes (line, len, &n_bytes);
  if (bytes != NULL)
    read_legacy (bytes, n_bytes, leader, reading);
}

static void
tally_line (FileReading       *file,
            const LineReading *reading,
            guint              line_number)
{
  for (guint i = 0; i < N_LEGACY; i++)
    {
      file->viet[i] += reading->viet[i];
      file->foreign[i] += reading->foreign[i];
      if (!(reading->fits & (1u << i)))
        continue;
      file->fitting[i]++;
      if (reading->fits == (1u << i) && file->decisive[i]++ == 0)
        file->first_decisive[i] = line_number;
    }
}

/* An encoding that alone has read many lines leads: a file is in one
 * encoding, and a line it reads needs no other. */
static void
choose_leader (FileReading *file)
{
  int only = -1;

  for (guint i = 0; i < N_LEGACY; i++)
    if (file->decisive[i] > 0)
      {
        if (only >= 0)
          return;
        only = i;
      }
  if (only >= 0 && file->decisive[only] >= LEADER_LINES)
    file->leader = only;
}

/* Calls @func on each line of @text, its end of line included. */
static void
foreach_line (const char *text,
              gsize       len,
              void      (*func) (const char *line, gsize line_len, guint number, gpointer data),
              gpointer    data)
{
  const char *end = text + len;
  guint number = 1;

  for (const char *p = text; p < end; number++)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *next = nl != NULL ? nl + 1 : end;

      func (p, next - p, number, data);
      p = next;
    }
}

static void
tally_cb (const char *line,
          gsize       len,
          guint       number,
          gpointer    data)
{
  FileReading *file = data;
  LineReading reading;

  read_line (line, len, file->utf8, file->leader, &reading);
  tally_line (file, &reading, number);
  if (file->utf8)
    {
      guint8 fits = reading.fits;

      g_byte_array_append (file->line_fits, &fits, 1);
    }
  if (file->leader < 0)
    choose_leader (file);
}

static gboolean
refuse_mixed (const FileReading  *file,
              GError            **error)
{
  guint a = N_LEGACY, b = N_LEGACY;

  for (guint i = 0; i < N_LEGACY; i++)
    if (file->decisive[i] > 0)
      {
        if (a == N_LEGACY)
          a = i;
        else if (b == N_LEGACY)
          b = i;
      }
  if (b == N_LEGACY)
    return FALSE;
  g_set_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_MIXED,
               _("The file mixes two old encodings: line %u is in %s and line %u in %s. Convert it to "
                 "Unicode in one encoding and import it again; nothing was imported."),
               file->first_decisive[a], xaso_encoding_get_name (legacy_encodings[a]),
               file->first_decisive[b], xaso_encoding_get_name (legacy_encodings[b]));
  return TRUE;
}

/* The old encoding of the file: the one lines alone fit, else the one
 * most lines fit; -1 when none reads. */
static int
choose_encoding (const FileReading *file)
{
  int best = -1;

  for (guint i = 0; i < N_LEGACY; i++)
    if (file->decisive[i] > 0)
      return i;
  for (guint i = 0; i < N_LEGACY; i++)
    if (file->fitting[i] > 0 && (best < 0 || file->fitting[i] > file->fitting[best]))
      best = i;
  return best;
}

/* An 8-bit file is read in one encoding, which must make nearly all its
 * words Vietnamese: a few names Vietnamese does not spell (Ksor, H'Hen)
 * are fine, a file of another language is not. */
static gboolean
reads_well (const FileReading *file,
            int                chosen)
{
  guint viet = file->viet[chosen], foreign = file->foreign[chosen];

  return viet > 0 && foreign * 10 <= viet + foreign;
}

static void
append_decoded (GString      *out,
                XasoEncoding  encoding,
                const char   *bytes,
                gsize         len)
{
  gsize out_len = 0;
  g_autofree char *text = xaso_legacy_decode (encoding, bytes, len, &out_len);

  g_string_append_len (out, text, out_len);
}

typedef struct
{
  XasoTextDecoding *decoding;
  GString          *out;        /* UTF-8 files: the text, old lines converted */
  const guint8     *line_fits;
  guint             chosen;     /* index in legacy_encodings */
} Convert;

static void
note_converted (XasoTextDecoding *decoding,
                guint             number)
{
  if (decoding->n_lines_converted++ == 0)
    decoding->first_converted_line = number;
}

/* 8-bit files: every line that is not plain ASCII was converted. */
static void
count_converted_cb (const char *line,
                    gsize       len,
                    guint       number,
                    gpointer    data)
{
  Convert *c = data;

  if (!is_ascii (line, len))
    note_converted (c->decoding, number);
}

/* UTF-8 files: the lines the chosen old encoding read in the first pass
 * are converted, the others kept. */
static void
convert_line_cb (const char *line,
                 gsize       len,
                 guint       number,
                 gpointer    data)
{
  Convert *c = data;
  g_autofree char *bytes = NULL;
  gsize n_bytes = 0;

  if (!(c->line_fits[number - 1] & (1u << c->chosen)) || (bytes = latin_bytes (line, len, &n_bytes)) == NULL)
    {
      g_string_append_len (c->out, line, len);
      return;
    }
  append_decoded (c->out, legacy_encodings[c->chosen], bytes, n_bytes);
  note_converted (c->decoding, number);
}

static gboolean
has_bom (const char *bytes,
         gsize       len)
{
  return len >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0;
}

/* An 8-bit file is in one encoding from end to end. */
static char *
decode_whole (const char       *bytes,
              gsize             len,
              XasoEncoding      encoding,
              XasoTextDecoding *decoding)
{
  Convert count = { decoding };

  decoding->file_encoding = encoding;
  decoding->converted_from = encoding;
  foreach_line (bytes, len, count_converted_cb, &count);
  return xaso_legacy_decode (encoding, bytes, len, NULL);
}

/* A UTF-8 file keeps its Unicode lines and has its old-font lines read in
 * the encoding chosen. */
static char *
decode_unicode (const char        *bytes,
                gsize              len,
                const FileReading *file,
                int                chosen,
                XasoTextDecoding  *decoding)
{
  g_autofree char *text = NULL;
  Convert convert = { decoding, NULL, file->line_fits->data, chosen };

  decoding->file_encoding = XASO_ENCODING_UTF8;
  if (chosen < 0)
    {
      text = g_strndup (bytes, len);
      return xaso_unicode_nfc (text);
    }
  decoding->converted_from = legacy_encodings[chosen];
  convert.out = g_string_sized_new (len + len / 8);
  foreach_line (bytes, len, convert_line_cb, &convert);
  if (decoding->n_lines_converted == 0)
    decoding->converted_from = XASO_ENCODING_UTF8;
  text = g_string_free (convert.out, FALSE);
  return xaso_unicode_nfc (text);
}

static char *
decode_read (const char        *bytes,
             gsize              len,
             const FileReading *file,
             XasoTextDecoding  *decoding,
             GError           **error)
{
  int chosen;

  if (refuse_mixed (file, error))
    return NULL;
  chosen = choose_encoding (file);
  if (file->utf8)
    return decode_unicode (bytes, len, file, chosen, decoding);
  if (chosen < 0 || !reads_well (file, chosen))
    {
      g_set_error (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_UNDECIDABLE,
                   _("The file is not in Unicode (UTF-8), and its letters do not read as Vietnamese in TCVN3, "
                     "VNI or Windows-1258. Save it as “CSV UTF-8” and import it again; nothing was imported."));
      return NULL;
    }
  return decode_whole (bytes, len, legacy_encodings[chosen], decoding);
}

char *
xaso_text_decode_auto (const char        *bytes,
                       gsize              len,
                       XasoTextDecoding  *decoding,
                       GError           **error)
{
  FileReading file = { .leader = -1 };
  char *text;

  memset (decoding, 0, sizeof *decoding);
  decoding->had_bom = has_bom (bytes, len);
  if (decoding->had_bom)
    bytes += 3, len -= 3;
  file.utf8 = g_utf8_validate_len (bytes, len, NULL);
  file.line_fits = g_byte_array_new ();
  foreach_line (bytes, len, tally_cb, &file);
  text = decode_read (bytes, len, &file, decoding, error);
  g_byte_array_unref (file.line_fits);
  return text;
}

char *
xaso_text_decode_as (const char        *bytes,
                     gsize              len,
                     XasoEncoding       encoding,
                     XasoTextDecoding  *decoding,
                     GError           **error)
{
  g_autofree char *copy = NULL;

  memset (decoding, 0, sizeof *decoding);
  decoding->had_bom = has_bom (bytes, len);
  if (decoding->had_bom)
    bytes += 3, len -= 3;
  if (encoding != XASO_ENCODING_UTF8)
    return decode_whole (bytes, len, encoding, decoding);
  if (!g_utf8_validate_len (bytes, len, NULL))
    {
      g_set_error_literal (error, XASO_TEXT_ERROR, XASO_TEXT_ERROR_INVALID, _("The text is not valid UTF-8."));
      return NULL;
    }
  copy = g_strndup (bytes, len);
  return xaso_unicode_nfc (copy);
}

char *
xaso_text_convert_pasted (const char   *text,
                          XasoEncoding *from)
{
  LineReading reading;
  g_autofree char *bytes = NULL;
  gsize n_bytes = 0;

  read_line (text, strlen (text), TRUE, -1, &reading);
  if (reading.fits == 0)
    return NULL;
  bytes = latin_bytes (text, strlen (text), &n_bytes);
  for (guint i = 0; i < N_LEGACY; i++)
    if (reading.fits & (1u << i))
      {
        *from = legacy_encodings[i];
        return xaso_legacy_decode (legacy_encodings[i], bytes, n_bytes, NULL);
      }
  return NULL;
}

char *
xaso_text_decoding_describe (const XasoTextDecoding *decoding)
{
  guint n = decoding->n_lines_converted;

  if (n == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row was in %s and was converted to Unicode.",
                                       "%u rows were in %s and were converted to Unicode.", n),
                          n, xaso_encoding_get_name (decoding->converted_from));
}
