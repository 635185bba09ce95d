/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xaso-text-decode.h"
#include "xasoctl-verbs.h"

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GByteArray) data = NULL;
  char buf[65536];
  size_t n;

  if (path != NULL && !g_str_equal (path, "-"))
    {
      char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &contents, &len, error))
        return NULL;
      return g_bytes_new_take (contents, len);
    }
  data = g_byte_array_new ();
  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_byte_array_append (data, (guint8 *) buf, n);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static char *
convert (GBytes            *input,
         const char        *from,
         XasoTextDecoding  *decoding,
         GError           **error)
{
  const char *bytes = g_bytes_get_data (input, NULL);
  gsize len = g_bytes_get_size (input);
  XasoEncoding encoding;

  if (from == NULL || g_ascii_strcasecmp (from, "auto") == 0)
    return xaso_text_decode_auto (bytes, len, decoding, error);
  if (!xaso_encoding_from_name (from, &encoding))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown encoding “%s”: say auto, tcvn3, vni, cp1258 or utf8."), from);
      return NULL;
    }
  return xaso_text_decode_as (bytes, len, encoding, decoding, error);
}

/* xasoctl text convert [--from auto|tcvn3|vni|cp1258|utf8] [FILE]: the text
 * of FILE (or standard input) in Unicode (UTF-8, NFC) on standard output;
 * what was converted is said on standard error. */
static int
text_convert (XasoctlContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("convert [FILE] — convert text to Unicode"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  g_autofree char *said = NULL;
  XasoTextDecoding decoding;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The encoding of the text: auto (the default), tcvn3, vni, "
                                                   "cp1258 or utf8"), "ENCODING" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return xasoctl_usage (options, error->message);
  if (argc > 2)
    return xasoctl_usage (options, _("Give one file at most; without one, standard input is read."));
  input = read_input (argc == 2 ? argv[1] : NULL, &error);
  if (input == NULL || (text = convert (input, from, &decoding, &error)) == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  fwrite (text, 1, strlen (text), stdout);
  said = xaso_text_decoding_describe (&decoding);
  if (said != NULL)
    g_printerr ("%s\n", said);
  return fflush (stdout) == 0 ? 0 : 1;
}

static const XasoctlVerb text_verbs[] = {
  { "convert", text_convert, NULL },
};

int
xasoctl_text_verb (XasoctlContext *ctx,
                   int             argc,
                   char          **argv)
{
  return xasoctl_run_subverb (ctx, text_verbs, G_N_ELEMENTS (text_verbs), argc, argv,
                              _("Usage: xasoctl text convert [--from auto|tcvn3|vni|cp1258|utf8] [FILE]\n"));
}
