/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-text"

#include "config.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "xaso-collate.h"
#include "xaso-fold.h"

/* ICU's sort keys are bytes 01–FF ending in 00, with 01 between the levels
 * (letters, then tones). To keep them in a TEXT column and in sync ops as
 * JSON strings, each byte becomes the code point of the same value, written
 * in UTF-8: UTF-8 keeps the order of code points, so the text sorts as the
 * bytes did, and the keys of Vietnamese names (mostly bytes under 80) grow
 * by about a tenth only.
 *
 * Case is left out (strength "secondary"): lists break ties by row anyway,
 * and the keys stay short.
 */

#define LEVEL_SEPARATOR 0x01

static void
close_collator (gpointer collator)
{
  ucol_close (collator);
}

/* A collator per thread: ICU collators may be shared for comparing, but a
 * private one costs little and needs no thought. */
static GPrivate thread_collator = G_PRIVATE_INIT (close_collator);

static UCollator *
get_collator (void)
{
  UCollator *collator = g_private_get (&thread_collator);
  UErrorCode status = U_ZERO_ERROR;

  if (collator != NULL)
    return collator;
  /* Without the Vietnamese rules ICU falls back to the root order, which
   * still sorts; only a broken installation fails here. */
  collator = ucol_open ("vi", &status);
  if (status == U_USING_DEFAULT_WARNING || status == U_USING_FALLBACK_WARNING)
    g_warning ("ICU has no Vietnamese collation; names sort in the root order");
  if (U_FAILURE (status))
    {
      g_critical ("Cannot open an ICU collator: %s", u_errorName (status));
      status = U_ZERO_ERROR;
      collator = ucol_open ("", &status);
    }
  ucol_setAttribute (collator, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
  ucol_setAttribute (collator, UCOL_STRENGTH, UCOL_SECONDARY, &status);
  ucol_setAttribute (collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
  g_private_set (&thread_collator, collator);
  return collator;
}

/* UTF-16 for ICU, with white space runs collapsed to one space and none at
 * either end, as names are folded for search. Invalid bytes become U+FFFD. */
static UChar *
to_utf16 (const char *text,
          int32_t    *out_len)
{
  g_autoptr(GString) clean = g_string_sized_new (strlen (text));
  gboolean space = FALSE;
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;
  UChar *buf;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = clean->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (clean, ' ');
      space = FALSE;
      g_string_append_c (clean, *p);
    }
  buf = g_new (UChar, clean->len + 1);
  u_strFromUTF8WithSub (buf, clean->len + 1, &len, clean->str, clean->len, 0xFFFD, NULL, &status);
  *out_len = U_SUCCESS (status) ? len : 0;
  return buf;
}

/* Appends the sort key bytes of @text, without the final 00. */
static void
append_key_bytes (GByteArray *key,
                  const char *text)
{
  UCollator *collator = get_collator ();
  int32_t len = 0;
  g_autofree UChar *utf16 = to_utf16 (text ? text : "", &len);
  g_autofree guint8 *big = NULL;
  guint8 local[256];
  int32_t n = ucol_getSortKey (collator, utf16, len, local, sizeof local);

  /* Names fit the buffer on the stack; a longer text asks twice. */
  if (n <= (int32_t) sizeof local)
    {
      g_byte_array_append (key, local, n - 1);
      return;
    }
  big = g_malloc (n);
  ucol_getSortKey (collator, utf16, len, big, n);
  g_byte_array_append (key, big, n - 1);
}

static char *
encode (const guint8 *bytes,
        gsize         len)
{
  GString *text = g_string_sized_new (len + len / 4 + 1);

  for (gsize i = 0; i < len; i++)
    {
      if (bytes[i] < 0x80)
        g_string_append_c (text, (char) bytes[i]);
      else
        {
          g_string_append_c (text, (char) (0xC0 | (bytes[i] >> 6)));
          g_string_append_c (text, (char) (0x80 | (bytes[i] & 0x3F)));
        }
    }
  return g_string_free (text, FALSE);
}

char *
xaso_collate_key (const char *text)
{
  return xaso_collate_key_parts (&text, 1);
}

/* Each part's key ends with the level separator instead of ICU's 00: it is
 * lower than any weight, so a part that is a prefix of another still sorts
 * first, as the 00 made it. */
char *
xaso_collate_key_parts (const char * const *parts,
                        guint               n_parts)
{
  g_autoptr(GByteArray) key = g_byte_array_sized_new (64);
  static const guint8 separator = LEVEL_SEPARATOR;

  for (guint i = 0; i < n_parts; i++)
    {
      if (i > 0)
        g_byte_array_append (key, &separator, 1);
      append_key_bytes (key, parts[i]);
    }
  return encode (key->data, key->len);
}

/* The folded name ends the key: names the collation holds equal (a case,
 * a character it ignores) are then told apart as search folds them, so the
 * order of the key is the order of (key, folded name) that the indexes
 * keep. */
char *
xaso_collate_name_key (const char *full_name)
{
  g_autofree char *name = g_strstrip (g_strdup (full_name ? full_name : ""));
  g_autofree char *folded = xaso_fold (name);
  g_autofree char *key = NULL;
  const char *given = name;
  const char *parts[2];

  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      given = p + 1;
  parts[0] = given;
  parts[1] = name;
  key = xaso_collate_key_parts (parts, 2);
  return g_strconcat (key, "\x01", folded, NULL);
}

int
xaso_collate_compare (const char *a,
                      const char *b)
{
  g_autofree char *key_a = xaso_collate_key (a);
  g_autofree char *key_b = xaso_collate_key (b);

  return strcmp (key_a, key_b);
}

typedef struct
{
  char *key;
  char *text;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

void
xaso_collate_sort_strv (char **strv)
{
  guint n = strv ? g_strv_length (strv) : 0;
  g_autofree Keyed *keyed = g_new (Keyed, n + 1);

  for (guint i = 0; i < n; i++)
    keyed[i] = (Keyed) { xaso_collate_key (strv[i]), strv[i] };
  g_qsort_with_data (keyed, n, sizeof (Keyed), (GCompareDataFunc) compare_keyed, NULL);
  for (guint i = 0; i < n; i++)
    {
      strv[i] = keyed[i].text;
      g_free (keyed[i].key);
    }
}

const char *
xaso_collate_get_version (void)
{
  static gsize version;

  if (g_once_init_enter (&version))
    {
      UVersionInfo info;
      char text[U_MAX_VERSION_STRING_LENGTH];

      ucol_getVersion (get_collator (), info);
      u_versionToString (info, text);
      /* The options change the keys as a new ICU would. */
      g_once_init_leave (&version, (gsize) g_strdup_printf ("vi-numeric-folded-icu-%s", text));
    }
  return (const char *) version;
}
