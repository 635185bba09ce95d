/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

#include "xaso-pdf-sign.h"
#include "xasoctl-verbs.h"

/* xasoctl pdf sign FILE [-o OUT] --p12 FILE.p12 | --pkcs11 URL [--pin-stdin]
 *                  [--reason TEXT] [--location TEXT] [--tsa URL]
 *                  [--kind person|organization|copy] [--image PNG] [--seal PNG]
 *                  [--number TEXT] [--copy-form TEXT] [--text TEMPLATE]
 *                  [--page N --rect x,y,w,h | --invisible]
 *                  [--appearance PDF] [--chain PEM] [--force]
 * xasoctl pdf sign --batch DIR …   every PDF of DIR, one PIN entry
 * The output is FILE-signed.pdf beside FILE unless -o says otherwise; an
 * existing output is refused unless --force. Without --rect the signature
 * goes where its kind goes (DOMAIN.md): a person's at the bottom right of
 * the last page, the organization's seal over the last signature, a copy's
 * text at the top right of page 1. */

#define EXIT_FAILED 1
#define EXIT_USAGE  2

typedef struct
{
  char    *output;
  char    *p12;
  char    *pkcs11;
  gboolean pin_stdin;
  char    *reason;
  char    *location;
  char    *tsa;
  int      page;
  char    *rect;
  char    *appearance;
  char    *kind;
  char    *image;
  char    *seal;
  char    *number;
  char    *copy_form;
  char    *text;
  gboolean invisible;
  char    *chain;
  char    *batch;
  gboolean force;
} Args;

/* The appearance drawn for each document, and the images it shows. */
typedef struct
{
  XasoPdfAppearance  spec;
  GBytes            *image;
  GBytes            *seal;
  GBytes            *pdf;     /* --appearance: a ready-made one */
  char              *text;    /* --text with its \\n turned into line breaks */
} Look;

static void
args_clear (Args *args)
{
  g_free (args->output);
  g_free (args->p12);
  g_free (args->pkcs11);
  g_free (args->reason);
  g_free (args->location);
  g_free (args->tsa);
  g_free (args->rect);
  g_free (args->appearance);
  g_free (args->kind);
  g_free (args->image);
  g_free (args->seal);
  g_free (args->number);
  g_free (args->copy_form);
  g_free (args->text);
  g_free (args->chain);
  g_free (args->batch);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

static void
look_clear (Look *look)
{
  g_clear_pointer (&look->image, g_bytes_unref);
  g_clear_pointer (&look->seal, g_bytes_unref);
  g_clear_pointer (&look->pdf, g_bytes_unref);
  g_clear_pointer (&look->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Look, look_clear)

/* The secret is read before any signing starts, once for a whole batch. */
static char *
read_secret (const char *prompt,
             gboolean    from_stdin)
{
  char line[1024];
  gboolean hidden = FALSE;
#ifdef G_OS_UNIX
  struct termios old, quiet;

  if (!from_stdin && isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &old) == 0)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t)ECHO;
      hidden = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
#endif
  if (!from_stdin)
    g_printerr ("%s", prompt);
  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = 0;
#ifdef G_OS_UNIX
  if (hidden)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
      g_printerr ("\n");
    }
#endif
  line[strcspn (line, "\r\n")] = 0;
  return g_strdup (line);
}

static XasoPdfIdentity *
open_identity (const Args  *args,
               GError     **error)
{
  g_autofree char *secret = NULL;
  XasoPdfIdentity *identity;

  if (args->pkcs11 != NULL)
    {
      XasoPdfPinFlags flags = xaso_pdf_token_get_pin_flags (args->pkcs11, error);

      if (error != NULL && *error != NULL)
        return NULL;
      if (flags & XASO_PDF_PIN_FINAL_TRY)
        g_printerr ("%s\n", _("Careful: one more wrong PIN locks the token."));
      else if (flags & XASO_PDF_PIN_COUNT_LOW)
        g_printerr ("%s\n", _("Careful: few PIN tries are left on the token."));
      if (!(flags & XASO_PDF_PIN_PROTECTED_PATH))
        secret = read_secret (_("Token PIN: "), args->pin_stdin);
      identity = xaso_pdf_identity_new_from_pkcs11 (args->pkcs11, secret, error);
    }
  else
    {
      secret = read_secret (_("Certificate file password: "), args->pin_stdin);
      identity = xaso_pdf_identity_new_from_pkcs12 (args->p12, secret, error);
    }
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  if (identity != NULL && args->chain != NULL &&
      !xaso_pdf_identity_add_chain_file (identity, args->chain, error))
    g_clear_object (&identity);
  return identity;
}

static gboolean
parse_rect (const char *text,
            double      rect[4])
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      rect[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != 0)
        return FALSE;
    }
  return rect[2] >= 0 && rect[3] >= 0;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  /* Only the batch prints per file; one big file shows a percentage. */
  if (user_data != NULL)
    g_printerr ("\r%s %3d%%", (const char *)user_data, (int)(fraction * 100));
}

static gboolean
sign_one (XasoPdfIdentity          *identity,
          const char               *input,
          const char               *output,
          const XasoPdfSignOptions *options,
          gboolean                  force,
          const char               *label,
          GError                  **error)
{
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” already exists; use --force to replace it."), output);
      return FALSE;
    }
  return xaso_pdf_sign_file (identity, input, output, options, NULL, progress_cb, (gpointer)label, error);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static GPtrArray *
list_pdfs (const char  *dir,
           GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  GPtrArray *files;
  const char *name;

  if (d == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      /* Our own outputs from an earlier run are not signed again. */
      if (g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, "-signed.pdf") && name[0] != '.')
        g_ptr_array_add (files, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static int
sign_batch (XasoPdfIdentity          *identity,
            const Args               *args,
            const XasoPdfSignOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = list_pdfs (args->batch, &error);
  guint failed = 0;

  if (files == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  for (guint i = 0; i < files->len; i++)
    {
      const char *input = g_ptr_array_index (files, i);
      g_autofree char *output = xaso_pdf_sign_default_output (input);
      g_autofree char *base = g_path_get_basename (input);
      g_autofree char *label = g_strdup_printf ("[%u/%u] %s", i + 1, files->len, base);
      g_autoptr(GError) local = NULL;

      if (sign_one (identity, input, output, options, args->force, label, &local))
        g_printerr ("\r%s %s\n", label, _("signed"));
      else
        {
          g_printerr ("\r%s %s: %s\n", label, _("FAILED"), local->message);
          failed++;
        }
    }
  g_printerr (_("%u of %u files signed.\n"), files->len - failed, files->len);
  return failed > 0 ? EXIT_FAILED : 0;
}

static gboolean
check_args (const Args  *args,
            int          argc,
            const char **message)
{
  if ((args->p12 == NULL) == (args->pkcs11 == NULL))
    *message = _("Give exactly one of --p12 FILE and --pkcs11 URL.");
  else if ((args->batch == NULL) == (argc != 2))
    *message = _("Give one PDF to sign, or --batch DIR.");
  else if (args->batch != NULL && args->output != NULL)
    *message = _("--output cannot be used with --batch.");
  else
    *message = NULL;
  return *message == NULL;
}

static gboolean
load_file (const char  *path,
           GBytes     **out,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (path == NULL)
    return TRUE;
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  *out = g_bytes_new_take (g_steal_pointer (&data), len);
  return TRUE;
}

static gboolean
fill_look (const Args  *args,
           Look        *look,
           GError     **error)
{
  static const char * const kinds[] = { "person", "organization", "copy" };
  guint kind = 0;

  while (args->kind != NULL && kind < G_N_ELEMENTS (kinds) && g_strcmp0 (args->kind, kinds[kind]) != 0)
    kind++;
  if (kind == G_N_ELEMENTS (kinds))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--kind wants person, organization or copy."));
      return FALSE;
    }
  xaso_pdf_appearance_init (&look->spec, (XasoPdfAppearanceKind)kind);
  look->spec.document_number = args->number;
  look->spec.copy_form = args->copy_form;
  look->text = args->text ? g_strcompress (args->text) : NULL;
  look->spec.text_template = look->text;
  if (!load_file (args->image, &look->image, error) || !load_file (args->seal, &look->seal, error) ||
      !load_file (args->appearance, &look->pdf, error))
    return FALSE;
  look->spec.image = look->image;
  look->spec.seal = look->seal;
  return TRUE;
}

static gboolean
fill_options (const Args          *args,
              XasoPdfSignOptions  *options,
              Look                *look,
              GError             **error)
{
  xaso_pdf_sign_options_init (options);
  options->reason = args->reason;
  options->location = args->location;
  options->tsa_url = args->tsa;
  options->page = args->page > 0 ? args->page - 1 : -1;
  options->placement = args->rect != NULL || args->invisible ? XASO_PDF_PLACE_RECT : XASO_PDF_PLACE_AUTO;
  if (args->rect != NULL && !parse_rect (args->rect, options->rect))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--rect wants x,y,width,height in points, e.g. 350,80,200,70."));
      return FALSE;
    }
  if (!fill_look (args, look, error))
    return FALSE;
  options->appearance = &look->spec;
  options->appearance_pdf = look->pdf;
  return TRUE;
}

int
xasoctl_pdf_sign (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — sign a PDF (PAdES)"));
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfIdentity) identity = NULL;
  g_auto(Look) look = { 0 };
  g_auto(Args) args = { .page = 0 };
  g_autofree char *output = NULL;
  XasoPdfSignOptions options;
  const char *message = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the signed PDF here (default: FILE-signed.pdf)"), "OUT" },
    { "p12", 0, 0, G_OPTION_ARG_FILENAME, &args.p12, N_("Sign with the key in this PKCS#12 file"), "FILE.p12" },
    { "pkcs11", 0, 0, G_OPTION_ARG_STRING, &args.pkcs11, N_("Sign with the key on a token (PKCS#11 URL)"), "URL" },
    { "pin-stdin", 0, 0, G_OPTION_ARG_NONE, &args.pin_stdin, N_("Read the PIN or password from standard input"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &args.reason, N_("Reason for signing"), "TEXT" },
    { "location", 0, 0, G_OPTION_ARG_STRING, &args.location, N_("Where the signing happens"), "TEXT" },
    { "tsa", 0, 0, G_OPTION_ARG_STRING, &args.tsa, N_("Add a time-stamp from this RFC 3161 server (PAdES B-T)"), "URL" },
    { "page", 0, 0, G_OPTION_ARG_INT, &args.page, N_("Page of the visible signature (default: the last)"), "N" },
    { "rect", 0, 0, G_OPTION_ARG_STRING, &args.rect, N_("Visible signature rectangle in points"), "x,y,w,h" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &args.kind, N_("What the signature shows: person (default), organization or copy"), "KIND" },
    { "image", 0, 0, G_OPTION_ARG_FILENAME, &args.image, N_("The handwritten signature, a transparent PNG"), "PNG" },
    { "seal", 0, 0, G_OPTION_ARG_FILENAME, &args.seal, N_("The organization’s seal, a transparent PNG"), "PNG" },
    { "number", 0, 0, G_OPTION_ARG_STRING, &args.number, N_("The document’s number and notation, for a copy"), "TEXT" },
    { "copy-form", 0, 0, G_OPTION_ARG_STRING, &args.copy_form, N_("The form of copy, e.g. “SAO Y”"), "TEXT" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &args.text, N_("The signature’s text, with fields such as {signer} and {time}; \\n between lines"), "TEMPLATE" },
    { "invisible", 0, 0, G_OPTION_ARG_NONE, &args.invisible, N_("Sign without a visible signature"), NULL },
    { "appearance", 0, 0, G_OPTION_ARG_FILENAME, &args.appearance, N_("One-page PDF to show as the signature"), "PDF" },
    { "chain", 0, 0, G_OPTION_ARG_FILENAME, &args.chain, N_("Add these intermediate certificates (PEM)"), "PEM" },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &args.batch, N_("Sign every PDF in this folder"), "DIR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &args.force, N_("Replace an existing output file"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return xasoctl_usage (context, error->message);
  if (!check_args (&args, argc, &message))
    return xasoctl_usage (context, message);
  if (!fill_options (&args, &options, &look, &error))
    return xasoctl_usage (context, error->message);
  identity = open_identity (&args, &error);
  if (identity == NULL)
    return xasoctl_fail (g_steal_pointer (&error));
  if (args.batch != NULL)
    return sign_batch (identity, &args, &options);
  output = args.output ? g_strdup (args.output) : xaso_pdf_sign_default_output (argv[1]);
  if (!sign_one (identity, argv[1], output, &options, args.force, NULL, &error))
    return xasoctl_fail (g_steal_pointer (&error));
  g_print ("%s\n", output);
  return 0;
}
