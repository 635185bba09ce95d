/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-conflict-row.h"
#include "xaso-document-queue.h"
#include "xaso-dossier-code.h"
#include "xaso-dossier-search.h"
#include "xaso-dossier.h"
#include "xaso-sync-blobs.h"
#include "xaso-sync-clock.h"
#include "xaso-sync-conflicts.h"
#include "xaso-sync-engine.h"
#include "xaso-sync-enroll.h"
#include "xaso-sync-history.h"
#include "xaso-sync-http.h"
#include "xaso-sync-page.h"
#include "xaso-sync-settings.h"
#include "xaso-window.h"

#define LOG_LINES 20

struct _XasoSyncPage
{
  XasoPage             parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwEntryRow         *server_row;
  AdwEntryRow         *code_row;
  AdwEntryRow         *ca_row;
  AdwActionRow        *state_row;
  AdwActionRow        *clock_row;
  GtkImage            *state_icon;
  AdwActionRow        *push_row;
  AdwActionRow        *pull_row;
  AdwActionRow        *server_info_row;
  GtkSwitch           *desk_switch;
  AdwPreferencesGroup *transfers_group;
  AdwPreferencesGroup *conflicts_group;
  AdwPreferencesGroup *rejected_group;
  AdwPreferencesGroup *review_group;
  AdwPreferencesGroup *log_group;

  /* Owned references */
  XasoSyncEngine      *engine;
  GCancellable        *cancellable;
  GPtrArray           *rows;           /* rows added to the groups, to remove on reload */
  GHashTable          *transfers;      /* "up:name" or "down:name" → its row's GtkProgressBar */
  char                *status;
  const char          *status_icon_name;
  char                *shown;          /* what the lists were last read for */
  char                *fingerprint;    /* of the pinned CA, read once */
  guint                reload_source;
  gboolean             applying_pulled;
};

G_DEFINE_FINAL_TYPE (XasoSyncPage, xaso_sync_page, XASO_TYPE_PAGE)

enum { PROP_0, PROP_STATUS, PROP_STATUS_ICON_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What the page shows, read on a worker thread. */
typedef struct
{
  GPtrArray *conflicts;
  GPtrArray *rejected;
  GPtrArray *log;
  GPtrArray *transfers;
  char      *server;
  char      *fingerprint;
  gboolean   enrolled;
  gboolean   desk;
  gint64     review[3];   /* incoming documents, outgoing ones, dossiers: a step not applied */
} Lists;

/* The lists where the records of review[] are, and how each is named. */
static const struct
{
  const char *page;
  const char *query;
  const char *title;
  const char *open;        /* the button's name for screen readers */
} review_lists[] = {
  { "incoming", "review=1", N_("Incoming documents"), N_("Open the incoming documents to review") },
  { "outgoing", "review=1", N_("Outgoing documents"), N_("Open the outgoing documents to review") },
  { "dossiers", "queue=review", N_("Dossiers"), N_("Open the dossiers to review") },
};

static void
lists_free (Lists *lists)
{
  g_clear_pointer (&lists->conflicts, g_ptr_array_unref);
  g_clear_pointer (&lists->rejected, g_ptr_array_unref);
  g_clear_pointer (&lists->log, g_ptr_array_unref);
  g_clear_pointer (&lists->transfers, g_ptr_array_unref);
  g_free (lists->server);
  g_free (lists->fingerprint);
  g_free (lists);
}

static void
toast (XasoSyncPage *self,
       const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (XASO_IS_WINDOW (root))
    xaso_window_show_toast (XASO_WINDOW (root), message);
}

/* "06/12/2026 14:05" as the app writes times everywhere, or "—". */
static char *
format_time (const char *iso)
{
  return iso != NULL && iso[0] != '\0' ? xaso_dossier_display_time (iso) : g_strdup ("—");
}

/* The state in a few words, with its details and icon. */
static char *
describe (const XasoSyncStatus  *s,
          gboolean               busy,
          char                 **detail,
          const char           **icon)
{
  g_autofree char *since = format_time (s->oldest_waiting);

  *detail = s->last_error != NULL && s->last_error[0] != '\0' ? g_strdup (s->last_error) : NULL;
  if (!s->enrolled)
    return *icon = "network-offline-symbolic", g_strdup (_("Not connected to a server"));
  if (busy)
    return *icon = "emblem-synchronizing-symbolic", g_strdup (_("Syncing…"));
  if (s->conflicts > 0)
    return *icon = "dialog-warning-symbolic",
           g_strdup_printf (ngettext ("%u conflict to review", "%u conflicts to review", s->conflicts), s->conflicts);
  if (s->rejected > 0)
    return *icon = "dialog-warning-symbolic",
           g_strdup_printf (ngettext ("%u change refused", "%u changes refused", s->rejected), s->rejected);
  /* Held ops wait on their file, not on the network alone: said apart. */
  if (s->held > 0)
    return *icon = s->offline ? "network-offline-symbolic" : "document-send-symbolic",
           g_strdup_printf (ngettext ("Waiting to upload a file: %u change waiting since %s",
                                      "Waiting to upload a file: %u changes waiting since %s", s->waiting),
                            s->waiting, since);
  if (s->offline && s->waiting > 0)
    return *icon = "network-offline-symbolic",
           g_strdup_printf (ngettext ("Offline, %u change waiting since %s", "Offline, %u changes waiting since %s",
                                      s->waiting), s->waiting, since);
  if (s->offline)
    return *icon = "network-offline-symbolic", g_strdup (_("Offline"));
  if (s->waiting > 0)
    return *icon = "document-send-symbolic",
           g_strdup_printf (ngettext ("%u change waiting since %s", "%u changes waiting since %s", s->waiting),
                            s->waiting, since);
  if (s->synced)
    return *icon = "emblem-ok-symbolic", g_strdup (_("Synced"));
  return *icon = "emblem-synchronizing-symbolic", g_strdup (_("Not yet synced"));
}

static void
show_status (XasoSyncPage *self)
{
  const XasoSyncStatus *s = xaso_sync_engine_get_status (self->engine);
  g_autofree char *detail = NULL, *push = NULL, *pull = NULL, *clock = NULL;
  const char *icon = NULL;
  char *status;

  if (s == NULL)
    return;
  status = describe (s, xaso_sync_engine_is_busy (self->engine), &detail, &icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), status);
  adw_action_row_set_subtitle (self->state_row, detail != NULL ? detail : "");
  gtk_image_set_from_icon_name (self->state_icon, icon);
  clock = s->clock_known ? xaso_sync_describe_clock (s->clock_skew) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->clock_row), clock != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clock_row), clock != NULL ? clock : "");
  push = format_time (s->last_push);
  pull = format_time (s->last_pull);
  adw_action_row_set_subtitle (self->push_row, push);
  adw_action_row_set_subtitle (self->pull_row, pull);
  gtk_stack_set_visible_child_name (self->stack, s->enrolled ? "status" : "enroll");
  xaso_page_set_badge_count (XASO_PAGE (self), s->conflicts + s->rejected);
  g_free (self->status);
  self->status = status;
  self->status_icon_name = icon;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_ICON_NAME]);
}

/* Lists ------------------------------------------------------------------ */

static gpointer
read_lists (XasoDatabase  *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Lists *lists = g_new0 (Lists, 1);
  g_autofree char *ca_file = xaso_database_get_state (db, XASO_SYNC_KEY_CA_FILE);

  lists->enrolled = xaso_sync_is_enrolled (db);
  lists->desk = xaso_dossier_desk_is_on (db);
  lists->server = xaso_database_get_state (db, XASO_SYNC_KEY_SERVER);
  /* The pinned CA does not change: its file is read once (@data TRUE). */
  if (GPOINTER_TO_INT (data) && ca_file != NULL)
    lists->fingerprint = xaso_sync_ca_fingerprint (ca_file, NULL);
  if ((lists->conflicts = xaso_sync_conflicts_list (db, error)) == NULL ||
      (lists->rejected = xaso_sync_rejected_list (db, error)) == NULL ||
      (lists->log = xaso_sync_log_list (db, LOG_LINES, error)) == NULL ||
      (lists->transfers = xaso_sync_blobs_list (db, error)) == NULL ||
      (lists->review[0] = xaso_queue_count (db, XASO_QUEUE_REVIEW, "incoming", NULL, error)) < 0 ||
      (lists->review[1] = xaso_queue_count (db, XASO_QUEUE_REVIEW, "outgoing", NULL, error)) < 0 ||
      (lists->review[2] = xaso_dossier_queue_count (db, XASO_DOSSIER_QUEUE_REVIEW, NULL, error)) < 0)
    return lists_free (lists), NULL;
  return lists;
}

static void resolve_cb (XasoSyncPage *self, int keep, const char *value, XasoConflictRow *row);

static void
add_row (XasoSyncPage        *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
show_rejected (XasoSyncPage *self,
               GPtrArray    *rejected)
{
  for (guint i = 0; i < rejected->len; i++)
    {
      XasoSyncRejected *r = g_ptr_array_index (rejected, i);
      g_autofree char *title = g_strdup_printf ("%s: %s", xaso_sync_table_label (r->table),
                                                r->record != NULL ? r->record : r->row_id);

      add_row (self, self->rejected_group, text_row (title, r->reason));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_group), rejected->len > 0);
}

/* A row for each list holding records to review, opening it. */
static void
show_review (XasoSyncPage *self,
             const gint64 *review)
{
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (review_lists); i++)
    {
      g_autofree char *count = NULL;
      GtkWidget *row, *button;

      if (review[i] == 0)
        continue;
      count = g_strdup_printf (ngettext ("%d needs review", "%d need review", (gulong)review[i]), (int)review[i]);
      row = text_row (_(review_lists[i].title), count);
      button = gtk_button_new_with_mnemonic (_("_Open List"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(review_lists[i].open), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-list");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", review_lists[i].page,
                                        review_lists[i].query, _("Needs review: two computers acted at once"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      add_row (self, self->review_group, row);
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), any);
}

static void
show_log (XasoSyncPage *self,
          GPtrArray    *log)
{
  for (guint i = 0; i < log->len; i++)
    {
      XasoSyncLogLine *line = g_ptr_array_index (log, i);
      g_autofree char *when = format_time (line->finished_at);
      g_autofree char *subtitle = xaso_sync_log_line_describe (line);

      add_row (self, self->log_group, text_row (when, subtitle));
    }
  if (log->len == 0)
    add_row (self, self->log_group, text_row (_("No sync yet"), ""));
}

static char *
transfer_key (const char *name,
              gboolean    upload)
{
  return g_strconcat (upload ? "up:" : "down:", name, NULL);
}

/* "Uploading: 1,2 MB of 5,0 MB", or why it waits. */
static char *
transfer_subtitle (gboolean    upload,
                   gint64      done,
                   gint64      size,
                   const char *state,
                   const char *last_error)
{
  g_autofree char *have = g_format_size ((guint64) MAX (done, 0));
  g_autofree char *whole = g_format_size ((guint64) MAX (size, 0));
  g_autofree char *line = upload ? g_strdup_printf (_("Uploading: %s of %s"), have, whole)
                                 : g_strdup_printf (_("Downloading: %s of %s"), have, whole);

  if (g_strcmp0 (state, "waiting") == 0)
    return g_strdup (_("Waiting: the server does not have this file yet"));
  if (last_error != NULL && last_error[0] != '\0')
    return g_strdup_printf ("%s\n%s", line, last_error);
  return g_steal_pointer (&line);
}

static void
set_progress (GtkProgressBar *bar,
              gint64          done,
              gint64          size)
{
  gtk_progress_bar_set_fraction (bar, size > 0 ? CLAMP ((double) done / (double) size, 0.0, 1.0) : 0.0);
}

static void
show_transfers (XasoSyncPage *self,
                GPtrArray    *transfers)
{
  g_hash_table_remove_all (self->transfers);
  for (guint i = 0; i < transfers->len; i++)
    {
      XasoSyncTransfer *t = g_ptr_array_index (transfers, i);
      const char *file = t->file_name != NULL ? t->file_name : _("Attached file");
      g_autofree char *subtitle = transfer_subtitle (t->upload, t->done, t->size, t->state, t->last_error);
      g_autofree char *label = g_strdup_printf (t->upload ? _("Upload of %s") : _("Download of %s"), file);
      GtkWidget *row = text_row (file, subtitle);
      GtkWidget *bar = gtk_progress_bar_new ();

      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 120, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      set_progress (GTK_PROGRESS_BAR (bar), t->done, t->size);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      g_object_set_data (G_OBJECT (row), "progress-bar", bar);
      g_hash_table_insert (self->transfers, transfer_key (t->name, t->upload), row);
      add_row (self, self->transfers_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->transfers_group), transfers->len > 0);
}

static void desk_toggled_cb (XasoSyncPage *self);

static void
show_lists (XasoSyncPage *self,
            Lists        *lists)
{
  g_autofree char *server = NULL;

  if (lists->fingerprint != NULL)
    {
      g_free (self->fingerprint);
      self->fingerprint = g_steal_pointer (&lists->fingerprint);
    }
  server = g_strdup_printf (_("%s\nCA fingerprint (SHA-256): %s"), lists->server ? lists->server : "—",
                            self->fingerprint ? self->fingerprint : "—");

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_stack_set_visible_child_name (self->stack, lists->enrolled ? "status" : "enroll");
  /* Shown as stored, without writing it back. */
  g_signal_handlers_block_by_func (self->desk_switch, desk_toggled_cb, self);
  gtk_switch_set_active (self->desk_switch, lists->desk);
  g_signal_handlers_unblock_by_func (self->desk_switch, desk_toggled_cb, self);
  adw_action_row_set_subtitle (self->server_info_row, server);
  for (guint i = 0; i < lists->conflicts->len; i++)
    {
      GtkWidget *row = xaso_conflict_row_new (g_ptr_array_index (lists->conflicts, i));

      g_signal_connect_object (row, "resolve", G_CALLBACK (resolve_cb), self, G_CONNECT_SWAPPED);
      add_row (self, self->conflicts_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), lists->conflicts->len > 0);
  show_rejected (self, lists->rejected);
  show_review (self, lists->review);
  show_log (self, lists->log);
  show_transfers (self, lists->transfers);
}

static void
lists_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XasoSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Lists *lists = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);

  if (lists == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the sync lists: %s", error->message);
      return;
    }
  show_lists (self, lists);
  lists_free (lists);
}

static gboolean
reload_cb (gpointer data)
{
  XasoSyncPage *self = data;

  self->reload_source = 0;
  xaso_context_run_async (xaso_page_get_context (XASO_PAGE (self)), read_lists,
                          GINT_TO_POINTER (self->fingerprint == NULL), NULL,
                          (GDestroyNotify)lists_free, self->cancellable, lists_read_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (XasoSyncPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (300, reload_cb, self);
}

/* Settling a conflict --------------------------------------------------------- */

typedef struct
{
  char         *id;
  XasoSyncKeep  keep;
  char         *value;
  char         *actor;
} Choice;

static void
choice_free (Choice *c)
{
  g_free (c->id);
  g_free (c->value);
  g_free (c->actor);
  g_free (c);
}

/* Whether a write this page asked of a worker went through; if not, the
 * reason is toasted (a cancelled write, the page going away, says nothing). */
static gboolean
write_finished (XasoSyncPage *self,
                GObject      *source,
                GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;

  if (xaso_context_run_finish (XASO_CONTEXT (source), result, &error) != NULL)
    return TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
  return FALSE;
}

static gpointer
resolve_thread (XasoDatabase  *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  Choice *c = data;

  if (!xaso_sync_conflict_resolve (db, c->id, c->keep, c->value, c->actor, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
resolved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XasoSyncPage) self = user_data;

  if (!write_finished (self, source, result))
    return;
  toast (self, _("Your choice is saved and will be sent to the other computers."));
  xaso_context_notify_changed (XASO_CONTEXT (source), "field_conflict");
  schedule_reload (self);
}

static void
resolve_cb (XasoSyncPage    *self,
            int              keep,
            const char      *value,
            XasoConflictRow *row)
{
  XasoContext *context = xaso_page_get_context (XASO_PAGE (self));
  Choice *c = g_new0 (Choice, 1);

  c->id = g_strdup (xaso_conflict_row_get_id (row));
  c->keep = keep;
  c->value = g_strdup (value);
  c->actor = g_strdup (xaso_context_get_actor (context));
  gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  xaso_context_run_async (context, resolve_thread, c, (GDestroyNotify)choice_free, NULL, self->cancellable,
                          resolved_cb, g_object_ref (self));
}

/* The reception desk setting --------------------------------------------------- */

static gpointer
desk_thread (XasoDatabase  *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  if (!xaso_dossier_desk_set (db, GPOINTER_TO_INT (data), error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
desk_set_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XasoSyncPage) self = user_data;

  if (!write_finished (self, source, result))
    {
      schedule_reload (self);   /* the switch goes back to what is stored */
      return;
    }
  toast (self, gtk_switch_get_active (self->desk_switch)
               ? _("This computer now receives dossiers: it takes its dossier codes at the next sync.")
               : _("This computer no longer receives dossiers at the counter."));
  /* A new desk's blocks come with the next round: now, not in minutes. */
  xaso_sync_engine_poke (self->engine);
}

static void
desk_toggled_cb (XasoSyncPage *self)
{
  XasoContext *context = xaso_page_get_context (XASO_PAGE (self));
  gboolean on = gtk_switch_get_active (self->desk_switch);

  xaso_context_run_async (context, desk_thread, GINT_TO_POINTER (on), NULL, NULL, self->cancellable,
                          desk_set_cb, g_object_ref (self));
}

/* Enrollment ------------------------------------------------------------------- */

typedef struct
{
  char *server;
  char *code;
  char *ca_file;
} Enrollment;

static void
enrollment_free (Enrollment *e)
{
  g_free (e->server);
  g_free (e->code);
  g_free (e->ca_file);
  g_free (e);
}

static gpointer
enroll_thread (XasoDatabase  *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Enrollment *e = data;
  char *fingerprint = NULL;

  if (!xaso_sync_enroll (db, e->server, e->code, e->ca_file, NULL, &fingerprint, error))
    return NULL;
  return fingerprint;
}

static void
enrolled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XasoSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = xaso_context_run_finish (XASO_CONTEXT (source), result, &error);
  g_autofree char *message = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.enroll", TRUE);
  if (fingerprint == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Enrolled. Compare the CA fingerprint with the administrator’s: %s"), fingerprint);
  toast (self, message);
  xaso_sync_engine_poke (self->engine);
  schedule_reload (self);
}

static void
enroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XasoSyncPage *self = XASO_SYNC_PAGE (widget);
  Enrollment *e = g_new0 (Enrollment, 1);

  e->server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  e->code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  e->ca_file = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ca_row))));
  /* Without a CA file, what the server presents is pinned and its
   * fingerprint shown to compare (trust on first use). */
  if (e->ca_file[0] == '\0')
    g_clear_pointer (&e->ca_file, g_free);
  if (e->server[0] == '\0' || e->code[0] == '\0')
    {
      toast (self, _("Give the server’s address and the enrollment code."));
      enrollment_free (e);
      return;
    }
  gtk_widget_action_set_enabled (widget, "sync.enroll", FALSE);
  xaso_context_run_async (xaso_page_get_context (XASO_PAGE (self)), enroll_thread, e,
                          (GDestroyNotify)enrollment_free, g_free, self->cancellable, enrolled_cb,
                          g_object_ref (self));
}

static void
ca_chosen_cb (GtkNativeDialog *dialog,
              int              response,
              XasoSyncPage    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      gtk_editable_set_text (GTK_EDITABLE (self->ca_row), path != NULL ? path : "");
    }
  g_object_unref (dialog);
}

static void
choose_ca_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("CA Certificate of the Server"),
                                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (ca_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  xaso_sync_engine_poke (XASO_SYNC_PAGE (widget)->engine);
}

/* The engine and the context ------------------------------------------------ */

/* The engine reports after every round, most of them changing nothing:
 * the lists are read again only when what they show may have changed. */
static void
engine_changed_cb (XasoSyncPage *self)
{
  const XasoSyncStatus *s = xaso_sync_engine_get_status (self->engine);
  g_autofree char *shown = NULL;

  show_status (self);
  if (s == NULL)
    return;
  shown = g_strdup_printf ("%d|%u|%u|%u|%" G_GINT64_FORMAT "|%s|%u|%u|%u", s->enrolled, s->waiting, s->conflicts,
                           s->rejected, s->pull_seq, s->last_error, s->held, s->uploads, s->downloads);
  if (g_strcmp0 (shown, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);
  schedule_reload (self);
}

/* A file moved: its bar and bytes change in place; a transfer not listed
 * yet, or one just finished, has the lists read again. */
static void
engine_transfer_cb (XasoSyncPage *self,
                    const char   *name,
                    gboolean      upload,
                    gint64        done,
                    gint64        size)
{
  g_autofree char *key = transfer_key (name, upload);
  GtkWidget *row = g_hash_table_lookup (self->transfers, key);
  g_autofree char *subtitle = NULL;
  GtkWidget *bar;

  if (row == NULL || done >= size)
    {
      schedule_reload (self);
      if (row == NULL)
        return;
    }
  subtitle = transfer_subtitle (upload, done, size, NULL, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  bar = g_object_get_data (G_OBJECT (row), "progress-bar");
  if (bar != NULL)
    set_progress (GTK_PROGRESS_BAR (bar), done, size);
}

/* Records came from the server: the pages showing them read them again. */
static void
engine_pulled_cb (XasoSyncPage  *self,
                  char         **tables)
{
  XasoContext *context = xaso_page_get_context (XASO_PAGE (self));

  self->applying_pulled = TRUE;
  for (guint i = 0; tables[i] != NULL; i++)
    xaso_context_notify_changed (context, tables[i]);
  self->applying_pulled = FALSE;
}

/* Something was written here: send it now rather than at the next round. */
static void
context_changed_cb (XasoSyncPage *self,
                    const char   *table)
{
  if (!self->applying_pulled)
    xaso_sync_engine_poke (self->engine);
}

static void
xaso_sync_page_context_set (XasoPage *page)
{
  XasoSyncPage *self = XASO_SYNC_PAGE (page);
  XasoContext *context = xaso_page_get_context (page);

  self->engine = xaso_sync_engine_new (xaso_context_get_path (context));
  g_signal_connect_object (self->engine, "changed", G_CALLBACK (engine_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine, "pulled", G_CALLBACK (engine_pulled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine, "transfer", G_CALLBACK (engine_transfer_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  xaso_sync_engine_start (self->engine);
  schedule_reload (self);
}

const char *
xaso_sync_page_get_status (XasoSyncPage *self)
{
  return self->status;
}

const char *
xaso_sync_page_get_status_icon_name (XasoSyncPage *self)
{
  return self->status_icon_name;
}

static void
xaso_sync_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XasoSyncPage *self = XASO_SYNC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_ICON_NAME:
      g_value_set_string (value, self->status_icon_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_sync_page_dispose (GObject *object)
{
  XasoSyncPage *self = XASO_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->engine != NULL)
    xaso_sync_engine_stop (self->engine);
  g_clear_object (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_SYNC_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->transfers, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->fingerprint, g_free);
  G_OBJECT_CLASS (xaso_sync_page_parent_class)->dispose (object);
}

static void
xaso_sync_page_class_init (XasoSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_sync_page_dispose;
  object_class->get_property = xaso_sync_page_get_property;
  XASO_PAGE_CLASS (klass)->context_set = xaso_sync_page_context_set;

  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_ICON_NAME] = g_param_spec_string ("status-icon-name", NULL, NULL, NULL,
                                                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                           G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, clock_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, push_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, pull_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, server_info_row);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, desk_switch);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, transfers_group);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, rejected_group);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, XasoSyncPage, log_group);
  gtk_widget_class_install_action (widget_class, "sync.enroll", NULL, enroll_action);
  gtk_widget_class_install_action (widget_class, "sync.choose-ca", NULL, choose_ca_action);
  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
}

static void
xaso_sync_page_init (XasoSyncPage *self)
{
  g_type_ensure (XASO_TYPE_CONFLICT_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->transfers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (self->desk_switch, "notify::active", G_CALLBACK (desk_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}
