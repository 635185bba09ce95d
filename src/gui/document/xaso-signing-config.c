/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-document"

#include "config.h"

#include "xaso-signing-config.h"

char *
xaso_signing_dup_trust_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "xaso", "trust", NULL);
}

GStrv
xaso_signing_dup_trust_paths (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *dir = xaso_signing_dup_trust_dir ();

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_strv_builder_add (builder, dir);
  return g_strv_builder_end (builder);
}
