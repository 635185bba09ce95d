/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xaso-attachment.h"

/* Decrypted copies of sensitive attachments, for viewers that want a path
 * (Poppler, an image viewer). Their lifecycle: each copy is made in a 0700
 * folder of its own, readable by the user only; the caller releases it when
 * the viewer closes; a crash leaves it in $XDG_RUNTIME_DIR, which the
 * session empties at logout, or in the user cache when there is no runtime
 * folder, which xaso_attachment_sweep_plain_files() empties at the next
 * start. */

static char *
plain_root (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "xaso-plain", NULL);
}

/* The stored name is only a hint for the viewer: it comes from the row,
 * which sync may have brought, so it never chooses a folder. */
static char *
safe_name (const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name != NULL ? file_name : "");

  if (base[0] == '\0' || g_str_equal (base, ".") || g_str_equal (base, "..") ||
      g_str_equal (base, G_DIR_SEPARATOR_S))
    return g_strdup ("attachment");
  return g_steal_pointer (&base);
}

static char *
write_copy (GBytes      *plain,
            const char  *file_name,
            GError     **error)
{
  g_autofree char *root = plain_root ();
  g_autofree char *tmpl = g_build_filename (root, "XXXXXX", NULL);
  g_autofree char *name = safe_name (file_name);
  g_autofree char *path = NULL;
  gsize len;
  const char *data = g_bytes_get_data (plain, &len);
  int err;

  if (g_mkdir_with_parents (root, 0700) != 0 || g_mkdtemp_full (tmpl, 0700) == NULL)
    {
      err = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
                   _("Could not make a private folder to show the sensitive file: %s"), g_strerror (err));
      return NULL;
    }
  path = g_build_filename (tmpl, name, NULL);
  if (!g_file_set_contents_full (path, data != NULL ? data : "", len, G_FILE_SET_CONTENTS_NONE, 0600, error))
    {
      g_rmdir (tmpl);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
xaso_attachment_open_plain_path (XasoDatabase          *db,
                                 const XasoAttachment  *a,
                                 GError               **error)
{
  g_autoptr(GBytes) plain = NULL;

  if (!a->encrypted)
    {
      g_autofree char *path = xaso_attachment_get_path (db, a->sha256);

      return xaso_attachment_check_here (path, error) ? g_steal_pointer (&path) : NULL;
    }
  if ((plain = xaso_attachment_read (db, a, error)) == NULL)
    return NULL;
  return write_copy (plain, a->file_name, error);
}

/* Only what lies two levels under our root is ours to remove: a store path
 * handed back by mistake is left alone. */
static gboolean
is_plain_copy (const char *path)
{
  g_autofree char *root = plain_root ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *parent = g_path_get_dirname (dir);

  return g_str_equal (parent, root);
}

void
xaso_attachment_release_plain_path (const XasoAttachment *a,
                                    const char           *path)
{
  g_autofree char *dir = NULL;

  if (path == NULL || !a->encrypted || !is_plain_copy (path))
    return;
  dir = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (dir);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

void
xaso_attachment_sweep_plain_files (gint64 max_age_seconds)
{
  g_autofree char *root = plain_root ();
  g_autoptr(GDir) d = g_dir_open (root, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *dir = g_build_filename (root, name, NULL);
      GStatBuf st;

      if (g_stat (dir, &st) == 0 && now - (gint64)st.st_mtime >= max_age_seconds)
        remove_folder (dir);
    }
}
