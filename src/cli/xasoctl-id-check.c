/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xasoctl"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xaso-fold.h"
#include "xaso-id-number.h"
#include "xasoctl-verbs.h"

/* xasoctl id-check NUMBER [--sex male|female] [--birth-year YYYY]
 *
 * Prints one tab-separated line for scripts:
 *   valid <TAB> number <TAB> province <TAB> male|female <TAB> birth year
 * Exit status: 0 valid, 1 invalid number, 2 wrong usage.
 */

#define EXIT_INVALID 1
#define EXIT_USAGE   2

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("%s\n\n%s", message, help);
  return EXIT_USAGE;
}

/* Accepts the English words of the option and the Vietnamese ones a clerk
 * may type ("nam", "nữ").
 */
static gboolean
parse_sex (const char *text,
           XasoSex    *sex)
{
  g_autofree char *folded = NULL;

  *sex = XASO_SEX_UNKNOWN;
  if (text == NULL)
    return TRUE;

  folded = xaso_fold (text);
  if (g_str_equal (folded, "male") || g_str_equal (folded, "nam"))
    *sex = XASO_SEX_MALE;
  else if (g_str_equal (folded, "female") || g_str_equal (folded, "nu"))
    *sex = XASO_SEX_FEMALE;
  else
    return FALSE;

  return TRUE;
}

static void
print_valid (const char       *number,
             const XasoIdInfo *info)
{
  g_print ("valid\t%s\t%s\t%s\t%d\n",
           number,
           info->place_name,
           info->sex == XASO_SEX_FEMALE ? "female" : "male",
           info->birth_year);
}

static int
check_number (const char *input,
              XasoSex     sex,
              int         birth_year)
{
  g_autofree char *number = xaso_id_number_normalize (input);
  g_autoptr(GError) error = NULL;
  XasoIdInfo info;

  if (!xaso_id_number_validate (number, sex, birth_year, &error) ||
      !xaso_id_number_decode (number, &info, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_INVALID;
    }

  print_valid (number, &info);
  return EXIT_SUCCESS;
}

int
xasoctl_id_check (XasoctlContext  *ctx,
                  int              argc,
                  char           **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sex_text = NULL;
  int birth_year = 0;
  XasoSex sex;
  const GOptionEntry entries[] = {
    { "sex", 0, 0, G_OPTION_ARG_STRING, &sex_text,
      N_("Sex entered on the form"), "male|female" },
    { "birth-year", 0, 0, G_OPTION_ARG_INT, &birth_year,
      N_("Birth year entered on the form"), "YYYY" },
    { NULL }
  };

  /* Translators: the argument in the usage line "xasoctl id-check [OPTION…] NUMBER". */
  context = g_option_context_new (_("NUMBER"));
  g_option_context_set_summary (context,
                                _("Checks a 12-digit personal ID number (CCCD) and prints what it "
                                  "says: where the birth was registered, sex and birth year."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (argc != 2)
    return usage_error (context, _("Give exactly one ID number."));

  if (!parse_sex (sex_text, &sex))
    {
      g_autofree char *message = g_strdup_printf (_("--sex must be “male” or “female”, not “%s”."),
                                                  sex_text);
      return usage_error (context, message);
    }

  if (birth_year != 0 && (birth_year < 1800 || birth_year > 9999))
    {
      g_autofree char *message = g_strdup_printf (_("--birth-year must be a year such as 1985, "
                                                    "not %d."),
                                                  birth_year);
      return usage_error (context, message);
    }

  return check_number (argv[1], sex, birth_year);
}
