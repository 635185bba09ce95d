/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-edxml"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xaso-attachment.h"
#include "xaso-document-event.h"
#include "xaso-edxml.h"

/* An edXML package becomes an incoming document: read and checked whole
 * first (xaso-edxml-reader.c), its attachments put in the file store, and
 * then the registration (or, pending, the receipt without a số đến), the
 * other attachments and the sender's details written in one transaction,
 * so a refused package leaves nothing. The
 * first PDF is the document's file; the others are kept as its
 * "document_appendix" attachments, so the document's file stays its PDF. */

#define APPENDIX_OWNER "document_appendix"

/* edXML Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc
 * hẹn giờ. */
static const char *
urgency_from_priority (const char *priority)
{
  static const char * const urgencies[] = { "normal", "urgent", "very_urgent", "flash", "flash" };
  guint64 n = priority != NULL ? g_ascii_strtoull (priority, NULL, 10) : 0;

  return n < G_N_ELEMENTS (urgencies) ? urgencies[n] : "normal";
}

static XasoDocument *
document_from_package (const XasoEdxmlPackage *p)
{
  XasoDocument *doc = xaso_document_new ("incoming");
  g_autofree char *notation = xaso_edxml_package_get_notation (p);
  g_autofree char *places = NULL;

  g_ptr_array_add (p->to_places, NULL);
  places = g_strjoinv ("\n", (char **)p->to_places->pdata);
  g_ptr_array_remove_index (p->to_places, p->to_places->len - 1);
  xaso_document_set (doc, XASO_DOCUMENT_ISSUER, p->from.organ_name);
  xaso_document_set (doc, XASO_DOCUMENT_NOTATION, notation);
  xaso_document_set (doc, XASO_DOCUMENT_ISSUED_DATE, p->promulgation_date);
  xaso_document_set (doc, XASO_DOCUMENT_SUBJECT, p->subject);
  xaso_document_set (doc, XASO_DOCUMENT_URGENCY, urgency_from_priority (p->priority));
  xaso_document_set (doc, XASO_DOCUMENT_CONFIDENTIALITY, "none");
  xaso_document_set (doc, XASO_DOCUMENT_SIGNER, p->signer_name);
  xaso_document_set (doc, XASO_DOCUMENT_RECIPIENTS, *places != '\0' ? places : NULL);
  xaso_document_set (doc, XASO_DOCUMENT_DEADLINE, p->due_date);
  xaso_document_set (doc, XASO_DOCUMENT_PAGE_COUNT, p->page_amount);
  xaso_document_set (doc, XASO_DOCUMENT_COPIES, p->promulgation_amount);
  return doc;
}

/* A name from outside made safe as a file name: no folders, no control
 * characters, no leading dot, not too long. */
static char *
safe_file_name (const XasoEdxmlAttachment *a,
                guint                      index)
{
  GString *name = g_string_new (NULL);
  const char *text = a->name != NULL && g_utf8_validate (a->name, -1, NULL) ? a->name : "";

  for (const char *c = text; *c != '\0' && name->len < 180; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (u == '/' || u == '\\' || g_unichar_iscntrl (u) || (name->len == 0 && (u == '.' || u == ' ')))
        continue;
      g_string_append_unichar (name, u);
    }
  if (name->len == 0)
    g_string_printf (name, "attachment-%u%s", index + 1,
                     g_strcmp0 (a->content_type, "application/pdf") == 0 ? ".pdf" : "");
  return g_string_free (name, FALSE);
}

/* The attachments as files in a folder of their own, for the store. */
typedef struct
{
  char      *dir;
  char      *main_path;
  GPtrArray *others;      /* stored XasoAttachment: sha256, size, file_name */
} Staged;

static void
staged_clear (Staged *s)
{
  g_autoptr(GDir) dir = s->dir != NULL ? g_dir_open (s->dir, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (s->dir, name, NULL);

      g_unlink (path);
    }
  if (s->dir != NULL)
    g_rmdir (s->dir);
  g_clear_pointer (&s->dir, g_free);
  g_clear_pointer (&s->main_path, g_free);
  g_clear_pointer (&s->others, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Staged, staged_clear)

static gboolean
stage_one (XasoDatabase        *db,
           Staged              *s,
           XasoEdxmlAttachment *a,
           guint                index,
           gboolean             is_main,
           GError             **error)
{
  g_autofree char *name = safe_file_name (a, index);
  g_autofree char *sub = g_strdup_printf ("%s/%u", s->dir, index);
  g_autofree char *path = g_build_filename (sub, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (a->data, &size);
  XasoAttachment *stored;

  /* One folder per attachment: two may bear the same name. */
  if (g_mkdir (sub, 0700) != 0)
    {
      int err = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err), _("Could not write “%s”: %s"), sub,
                   g_strerror (err));
      return FALSE;
    }
  if (!g_file_set_contents (path, data != NULL ? data : "", size, error))
    return FALSE;
  if (is_main)
    {
      s->main_path = g_steal_pointer (&path);
      return TRUE;
    }
  stored = g_new0 (XasoAttachment, 1);
  stored->file_name = g_steal_pointer (&name);
  g_ptr_array_add (s->others, stored);
  stored->sha256 = xaso_attachment_store_file (db, path, &stored->size, error);
  g_unlink (path);
  g_rmdir (sub);
  return stored->sha256 != NULL;
}

static gboolean
stage (XasoDatabase            *db,
       const XasoEdxmlPackage  *p,
       Staged                  *s,
       GError                 **error)
{
  XasoEdxmlAttachment *main = xaso_edxml_package_get_main (p);

  s->dir = g_dir_make_tmp ("xaso-edxml-XXXXXX", error);
  s->others = g_ptr_array_new_with_free_func ((GDestroyNotify)xaso_attachment_free);
  if (s->dir == NULL)
    return FALSE;
  for (guint i = 0; i < p->attachments->len; i++)
    {
      XasoEdxmlAttachment *a = g_ptr_array_index (p->attachments, i);

      if (!stage_one (db, s, a, i, a == main, error))
        return FALSE;
    }
  return TRUE;
}

/* Refuses a package imported before, registered or still waiting. */
static gboolean
check_not_imported (XasoDatabase           *db,
                    const XasoEdxmlPackage *p,
                    GError                **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "SELECT d.number FROM document_exchange x JOIN document d ON d.id = x.document_id "
    "WHERE x.from_organ_id = ?1 AND x.message_id = ?2 AND d.deleted = 0", error);
  g_autofree char *number = NULL;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  xaso_bind_text (stmt, 1, p->from.organ_id);
  xaso_bind_text (stmt, 2, p->document_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  number = found ? g_strdup (xaso_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  if (!found)
    return TRUE;
  if (number != NULL)
    g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_DUPLICATE,
                 _("This edXML package (%s) was imported before, as số đến %s."), p->document_id, number);
  else
    g_set_error (error, XASO_EDXML_ERROR, XASO_EDXML_ERROR_DUPLICATE,
                 _("This edXML package (%s) was imported before and waits to be registered."), p->document_id);
  return FALSE;
}

static gboolean
remember_sender (XasoDatabase           *db,
                 const char             *document_id,
                 const XasoEdxmlPackage *p,
                 GError                **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (db,
    "INSERT INTO document_exchange (document_id, commune_code, message_id, from_organ_id, from_organ_name, "
    "steering_type, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  g_autofree char *now = xaso_now_iso ();

  if (stmt == NULL)
    return FALSE;
  xaso_bind_text (stmt, 1, document_id);
  xaso_bind_text (stmt, 2, xaso_database_get_commune_code (db));
  xaso_bind_text (stmt, 3, p->document_id);
  xaso_bind_text (stmt, 4, p->from.organ_id);
  xaso_bind_text (stmt, 5, p->from.organ_name);
  xaso_bind_text (stmt, 6, p->steering_type);
  xaso_bind_text (stmt, 7, now);
  return xaso_database_step_done (db, stmt, error);
}

typedef struct
{
  XasoUser               *actor;
  XasoEdxmlImport         mode;
  const XasoEdxmlPackage *package;
  Staged                 *staged;
  XasoDocument           *saved;
} Import;

static gboolean
import_in_transaction (XasoDatabase  *db,
                       gpointer       data,
                       GError       **error)
{
  Import *im = data;
  g_autoptr(XasoDocument) doc = document_from_package (im->package);
  const char *username = xaso_user_get (im->actor, XASO_USER_USERNAME);
  const char *id;

  if (im->mode == XASO_EDXML_IMPORT_PENDING)
    im->saved = xaso_document_receive_incoming (db, im->actor, doc, im->staged->main_path, FALSE, error);
  else
    im->saved = xaso_document_register_incoming (db, im->actor, doc, im->staged->main_path, FALSE, error);
  if (im->saved == NULL)
    return FALSE;
  id = xaso_record_get_id (XASO_RECORD (im->saved));
  if (!xaso_document_event_append (db, id, "edxml_imported", im->actor, NULL, im->package->from.organ_name, NULL,
                                   error))
    return FALSE;
  for (guint i = 0; i < im->staged->others->len; i++)
    {
      XasoAttachment *a = g_ptr_array_index (im->staged->others, i);
      g_autofree char *attachment_id = xaso_attachment_add (db, APPENDIX_OWNER, id, a->sha256, a->size,
                                                            a->file_name, username, error);

      if (attachment_id == NULL)
        return FALSE;
    }
  return remember_sender (db, id, im->package, error);
}

static XasoRight
right_of (XasoEdxmlImport mode)
{
  return mode == XASO_EDXML_IMPORT_PENDING ? XASO_RIGHT_RECEIVE_INCOMING : XASO_RIGHT_REGISTER_INCOMING;
}

static XasoDocument *
import_package (XasoDatabase            *db,
                XasoUser                *actor,
                const XasoEdxmlPackage  *package,
                XasoEdxmlImport          mode,
                GError                 **error)
{
  g_auto(Staged) staged = { 0 };
  Import im = { actor, mode, package, &staged, NULL };

  if (!xaso_user_check_right (actor, right_of (mode), error) || !check_not_imported (db, package, error))
    return NULL;
  if (!stage (db, package, &staged, error))
    return NULL;
  if (!xaso_database_run_atomically (db, import_in_transaction, &im, error))
    {
      g_clear_object (&im.saved);
      return NULL;
    }
  return im.saved;
}

XasoDocument *
xaso_edxml_import_file (XasoDatabase     *db,
                        XasoUser         *actor,
                        const char       *path,
                        XasoEdxmlImport   mode,
                        GError          **error)
{
  g_autoptr(XasoEdxmlPackage) package = xaso_edxml_read_file (path, error);

  if (package == NULL)
    return NULL;
  return import_package (db, actor, package, mode, error);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **)a, *(char **)b);
}

static GPtrArray *
list_packages (const char  *dir,
               GError     **error)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, error);
  GPtrArray *paths;
  const char *name;

  if (folder == NULL)
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".edxml"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_names);
  return paths;
}

GPtrArray *
xaso_edxml_import_dir (XasoDatabase     *db,
                       XasoUser         *actor,
                       const char       *dir,
                       XasoEdxmlImport   mode,
                       GPtrArray        *failures,
                       GError          **error)
{
  g_autoptr(GPtrArray) paths = list_packages (dir, error);
  g_autoptr(GPtrArray) imported = NULL;

  if (paths == NULL || !xaso_user_check_right (actor, right_of (mode), error))
    return NULL;
  imported = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) local_error = NULL;
      XasoDocument *doc = xaso_edxml_import_file (db, actor, path, mode, &local_error);

      if (doc != NULL)
        g_ptr_array_add (imported, doc);
      else if (failures != NULL)
        g_ptr_array_add (failures, g_strdup_printf ("%s: %s", path, local_error->message));
    }
  return g_steal_pointer (&imported);
}

GPtrArray *
xaso_edxml_list_appendixes (XasoDatabase  *db,
                            const char    *document_id,
                            GError       **error)
{
  return xaso_attachment_list (db, APPENDIX_OWNER, document_id, error);
}
