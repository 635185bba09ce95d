/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-sync-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xaso-conflict-row.h"

struct _XasoConflictRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  AdwActionRow   *kept_row;
  AdwActionRow   *other_row;
  GtkButton      *keep_kept_button;
  GtkButton      *keep_other_button;
  AdwEntryRow    *value_row;

  char           *id;
};

G_DEFINE_FINAL_TYPE (XasoConflictRow, xaso_conflict_row, ADW_TYPE_EXPANDER_ROW)

enum { RESOLVE, N_SIGNALS };
static guint signals[N_SIGNALS];

char *
xaso_conflict_value_text (const char *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

const char *
xaso_sync_table_label (const char *table)
{
  static const struct { const char *table; const char *label; } tables[] = {
    { "person", N_("Resident") }, { "household", N_("Household") }, { "user", N_("Account") },
    { "dossier", N_("Dossier") }, { "document", N_("Document") }, { "procedure", N_("Procedure") },
    { "register", N_("Register") }, { "civil_status_event", N_("Civil-status event") },
    { "attachment", N_("Attached file") }, { "calendar_day", N_("Calendar day") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return _(tables[i].label);
  return table;
}

/* What a field is called on the forms, for the fields people edit most;
 * others keep their column's name. */
static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } fields[] = {
    { "full_name", N_("Full name") }, { "birth_date", N_("Date of birth") }, { "sex", N_("Sex") },
    { "id_number", N_("ID number") }, { "phone", N_("Phone") }, { "hamlet", N_("Hamlet") },
    { "address", N_("Address") }, { "current_address", N_("Address") }, { "ethnicity", N_("Ethnicity") },
    { "religion", N_("Religion") }, { "occupation", N_("Occupation") }, { "status", N_("Status") },
    { "notes", N_("Note") }, { "note", N_("Note") }, { "subject", N_("Subject") },
    { "password_verifier", N_("Password") }, { "roles", N_("Roles") }, { "title", N_("Title") },
    { "unit", N_("Unit") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return _(fields[i].label);
  return field;
}

/* A password is shown as set, never as its verifier. */
static char *
shown_value (const XasoSyncConflict *c,
             const char             *json)
{
  if (g_str_equal (c->field, "password_verifier"))
    return g_strdup (_("(a password was set)"));
  return xaso_conflict_value_text (json);
}

static void
keep_kept_cb (XasoConflictRow *self)
{
  g_signal_emit (self, signals[RESOLVE], 0, XASO_SYNC_KEEP_KEPT, NULL);
}

static void
keep_other_cb (XasoConflictRow *self)
{
  g_signal_emit (self, signals[RESOLVE], 0, XASO_SYNC_KEEP_OTHER, NULL);
}

static void
apply_cb (XasoConflictRow *self)
{
  g_signal_emit (self, signals[RESOLVE], 0, XASO_SYNC_KEEP_VALUE,
                 gtk_editable_get_text (GTK_EDITABLE (self->value_row)));
}

/* Each "Keep" button says which value it keeps, for screen readers. */
static void
show_values (XasoConflictRow        *self,
             const XasoSyncConflict *c)
{
  g_autofree char *kept = shown_value (c, c->kept);
  g_autofree char *other = shown_value (c, c->other);
  g_autofree char *keep_kept = g_strdup_printf (_("Keep the value shown: %s"), kept);
  g_autofree char *keep_other = g_strdup_printf (_("Keep the other value: %s"), other);
  g_autofree char *made = c->other_is_mine ? g_strdup (_("Made on this computer"))
                                           : g_strdup_printf (_("Made by %s on another computer"),
                                                              c->other_actor ? c->other_actor : "?");

  adw_action_row_set_subtitle (self->kept_row, kept);
  adw_action_row_set_subtitle (self->other_row, other);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_row),
                                 c->other_is_mine ? _("Your value") : _("Other value"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->other_row), made);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->keep_kept_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  keep_kept, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->keep_other_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  keep_other, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, made, -1);
}

GtkWidget *
xaso_conflict_row_new (const XasoSyncConflict *c)
{
  XasoConflictRow *self = g_object_new (XASO_TYPE_CONFLICT_ROW, NULL);
  g_autofree char *title = g_strdup_printf ("%s: %s", xaso_sync_table_label (c->table),
                                            c->record != NULL ? c->record : c->row_id);
  g_autofree char *subtitle = g_strdup_printf (_("“%s” was changed on two computers"), field_label (c->field));

  self->id = g_strdup (c->id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  show_values (self, c);
  /* A password is chosen, not typed in here. */
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !g_str_equal (c->field, "password_verifier"));
  return GTK_WIDGET (self);
}

const char *
xaso_conflict_row_get_id (XasoConflictRow *self)
{
  return self->id;
}

static void
xaso_conflict_row_dispose (GObject *object)
{
  XasoConflictRow *self = XASO_CONFLICT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CONFLICT_ROW);
  g_clear_pointer (&self->id, g_free);
  G_OBJECT_CLASS (xaso_conflict_row_parent_class)->dispose (object);
}

static void
xaso_conflict_row_class_init (XasoConflictRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_conflict_row_dispose;
  signals[RESOLVE] = g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoConflictRow, kept_row);
  gtk_widget_class_bind_template_child (widget_class, XasoConflictRow, other_row);
  gtk_widget_class_bind_template_child (widget_class, XasoConflictRow, keep_kept_button);
  gtk_widget_class_bind_template_child (widget_class, XasoConflictRow, keep_other_button);
  gtk_widget_class_bind_template_child (widget_class, XasoConflictRow, value_row);
  gtk_widget_class_bind_template_callback (widget_class, keep_kept_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_other_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
}

static void
xaso_conflict_row_init (XasoConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
