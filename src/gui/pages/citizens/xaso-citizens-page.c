/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-citizens-page.h"
#include "xaso-household-editor.h"
#include "xaso-household-list.h"
#include "xaso-household-view.h"
#include "xaso-household.h"
#include "xaso-list-search.h"
#include "xaso-person-editor.h"
#include "xaso-person-import.h"
#include "xaso-person-search.h"
#include "xaso-person-view.h"
#include "xaso-pinned-bar.h"

/* The Công dân page: every person of the commune in a lazy list that
 * searches as the official types, the households in a second list, and
 * the record of the one chosen. */
struct _XasoCitizensPage
{
  XasoPage            parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_box;
  GtkWidget          *detail_box;
  GtkSearchEntry     *search_entry;
  GtkStringList      *hamlet_list;
  GtkDropDown        *hamlet_dropdown;
  GtkDropDown        *sex_dropdown;
  GtkSpinButton      *age_min_spin;
  GtkSpinButton      *age_max_spin;
  GtkDropDown        *life_dropdown;
  GtkStack           *lists_stack;
  XasoHouseholdList  *household_list;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  XasoPinnedBar      *pinned_bar;
  GtkWidget          *detail_back;
  GtkStack           *detail_stack;
  XasoPersonView     *person_view;
  XasoHouseholdView  *household_view;

  /* Owned references */
  XasoRecordList     *persons;
  GtkSingleSelection *selection;
  XasoListSearch     *search;
  GCancellable       *cancellable;
  guint               refresh_source;
  guint               resetting : 1;
};

G_DEFINE_FINAL_TYPE (XasoCitizensPage, xaso_citizens_page, XASO_TYPE_PAGE)

static XasoContext *
context_of (XasoCitizensPage *self)
{
  return xaso_page_get_context (XASO_PAGE (self));
}

/* A report's filter the page has no control for (the births of a month)
 * lists exactly what its figure counted; words typed still narrow it. */
static XasoPersonFilter *
read_pinned_filter (XasoCitizensPage *self)
{
  XasoPersonFilter *filter = xaso_person_filter_copy (xaso_pinned_bar_get_filter (self->pinned_bar));

  g_free (filter->text);
  filter->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  return filter;
}

static XasoPersonFilter *
read_filter (XasoCitizensPage *self)
{
  XasoPersonFilter *filter;
  guint hamlet = gtk_drop_down_get_selected (self->hamlet_dropdown);
  int age_min = gtk_spin_button_get_value_as_int (self->age_min_spin);
  int age_max = gtk_spin_button_get_value_as_int (self->age_max_spin);
  static const XasoSex sexes[] = { XASO_SEX_UNKNOWN, XASO_SEX_MALE, XASO_SEX_FEMALE };
  static const XasoLifeFilter lives[] = { XASO_LIFE_LIVING, XASO_LIFE_MOVED_AWAY, XASO_LIFE_DECEASED, XASO_LIFE_ANY };

  if (xaso_pinned_bar_get_filter (self->pinned_bar) != NULL)
    return read_pinned_filter (self);
  filter = xaso_person_filter_new ();
  filter->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (hamlet != GTK_INVALID_LIST_POSITION && hamlet > 0)
    filter->hamlet = g_strdup (gtk_string_list_get_string (self->hamlet_list, hamlet));
  filter->sex = sexes[MIN (gtk_drop_down_get_selected (self->sex_dropdown), 2)];
  filter->life = lives[MIN (gtk_drop_down_get_selected (self->life_dropdown), G_N_ELEMENTS (lives) - 1)];
  filter->age_min = age_min > 0 ? age_min : -1;
  filter->age_max = age_max < 130 ? age_max : -1;
  return filter;
}

/* The first screen of a search comes first, so the official sees it while
 * typing; the whole list follows and extends it. */
#define FIRST_SCREEN 100

static GArray *
search_persons (XasoDatabase  *db,
                gconstpointer  filter,
                guint          limit,
                GCancellable  *cancellable,
                GError       **error)
{
  return xaso_person_search_rowids (db, filter, limit, cancellable, error);
}

static gboolean
filter_is_empty (XasoCitizensPage *self)
{
  g_autoptr(XasoPersonFilter) filter = read_filter (self);

  return (filter->text == NULL || filter->text[0] == '\0') && filter->hamlet == NULL && filter->event_kind == NULL &&
         !filter->age_unknown && filter->sex == XASO_SEX_UNKNOWN && filter->age_min < 0 && filter->age_max < 0;
}

/* An empty result means "nobody matches", or, for a commune just set up,
 * that nobody has been recorded yet: say which. */
static void
show_count (XasoCitizensPage *self,
            guint             n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s person", "%s persons", n), number);
  gboolean none_yet = n == 0 && filter_is_empty (self);

  gtk_label_set_text (self->count_label, text);
  adw_status_page_set_title (self->empty_page, none_yet ? _("No Citizens Yet") : _("No One Found"));
  adw_status_page_set_icon_name (self->empty_page, none_yet ? "system-users-symbolic" : "edit-find-symbolic");
  adw_status_page_set_description (self->empty_page,
                                   none_yet ? _("Add the first household with its head (Ctrl+Shift+N), "
                                                "or import persons from a CSV file (Add menu).")
                                            : _("Check the spelling, type fewer words, or change the filters."));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
first_screen_cb (XasoCitizensPage *self)
{
  gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
search_done_cb (XasoCitizensPage *self,
                guint             n)
{
  show_count (self, n);
}

static void
search_failed_cb (XasoCitizensPage *self,
                  const char       *message)
{
  gtk_label_set_text (self->count_label, message);
}

static gboolean
showing_households (XasoCitizensPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->lists_stack), "households") == 0;
}

static XasoHouseholdFilter *
read_household_filter (XasoCitizensPage *self)
{
  XasoHouseholdFilter *filter = xaso_household_filter_new ();
  guint hamlet = gtk_drop_down_get_selected (self->hamlet_dropdown);

  filter->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (hamlet != GTK_INVALID_LIST_POSITION && hamlet > 0)
    filter->hamlet = g_strdup (gtk_string_list_get_string (self->hamlet_list, hamlet));
  return filter;
}

/* Every keystroke starts a new search of the list shown and cancels the
 * one before: only the latest answer reaches the list. */
static void
search (XasoCitizensPage *self)
{
  if (self->search == NULL || self->resetting)
    return;
  if (showing_households (self))
    xaso_household_list_search (self->household_list, read_household_filter (self));
  else
    xaso_list_search_run (self->search, read_filter (self), (GDestroyNotify)xaso_person_filter_free);
}

/* The hamlet filters both lists; sex, age and status only the residents. */
static void
list_switched_cb (XasoCitizensPage *self)
{
  gboolean persons = !showing_households (self);
  GtkWidget *person_only[] = { GTK_WIDGET (self->sex_dropdown), GTK_WIDGET (self->age_min_spin),
                               GTK_WIDGET (self->age_max_spin), GTK_WIDGET (self->life_dropdown) };

  for (guint i = 0; i < G_N_ELEMENTS (person_only); i++)
    gtk_widget_set_sensitive (person_only[i], persons);
  g_object_set (self->search_entry, "placeholder-text",
                persons ? _("Name, ID number or address") : _("Household number, head’s name or address"), NULL);
  search (self);
}

static void
search_changed_cb (XasoCitizensPage *self)
{
  search (self);
}

static void
filter_changed_cb (XasoCitizensPage *self)
{
  search (self);
}

static void
show_detail (XasoCitizensPage *self,
             const char       *page)
{
  gtk_stack_set_visible_child_name (self->detail_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
}

static void
open_person (XasoCitizensPage *self,
             const char       *person_id)
{
  xaso_person_view_show (self->person_view, context_of (self), person_id);
  show_detail (self, "person");
}

static void
open_person_cb (XasoCitizensPage *self,
                const char       *person_id)
{
  open_person (self, person_id);
}

static void
open_household_cb (XasoCitizensPage *self,
                   const char       *household_id)
{
  xaso_household_view_show (self->household_view, context_of (self), household_id);
  show_detail (self, "household");
}

static void
household_chosen_cb (XasoCitizensPage *self,
                     const char       *household_id,
                     gboolean          activated)
{
  open_household_cb (self, household_id);
  if (activated)
    gtk_widget_grab_focus (GTK_WIDGET (self->household_view));
}

static void
selection_changed_cb (XasoCitizensPage *self)
{
  XasoRecord *person = gtk_single_selection_get_selected_item (self->selection);

  if (person != NULL && !xaso_record_is_new (person))
    open_person (self, xaso_record_get_id (person));
}

static void
row_activated_cb (XasoCitizensPage *self,
                  guint             position)
{
  g_autoptr(XasoRecord) person = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (person != NULL && !xaso_record_is_new (person))
    {
      open_person (self, xaso_record_get_id (person));
      gtk_widget_grab_focus (GTK_WIDGET (self->person_view));
    }
}

static void
search_activate_cb (XasoCitizensPage *self)
{
  if (showing_households (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->household_list));
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      selection_changed_cb (self);
    }
}

static void
detail_back_cb (XasoCitizensPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
folded_changed_cb (XasoCitizensPage *self)
{
  gtk_widget_set_visible (self->detail_back, adw_leaflet_get_folded (self->leaflet));
}

static gboolean
refresh_cb (gpointer user_data)
{
  XasoCitizensPage *self = user_data;

  self->refresh_source = 0;
  search (self);
  return G_SOURCE_REMOVE;
}

/* A save anywhere (an editor, an import, later a sync) shows in the list
 * without a restart; saves come in bursts, so wait for the last one. */
static void
context_changed_cb (XasoCitizensPage *self,
                    const char       *table)
{
  if (g_strcmp0 (table, "person") != 0 && g_strcmp0 (table, "household") != 0)
    return;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (150, refresh_cb, self);
}

static void
record_changed_cb (XasoCitizensPage *self)
{
  context_changed_cb (self, "person");
}

static gpointer
list_hamlets_in_thread (XasoDatabase  *db,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return xaso_household_list_hamlets (db, error);
}

static void
hamlets_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XasoCitizensPage) self = user_data;
  g_auto(GStrv) hamlets = xaso_context_run_finish (XASO_CONTEXT (source), result, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hamlet_list));

  if (hamlets == NULL)
    return;
  self->resetting = TRUE;
  gtk_string_list_splice (self->hamlet_list, 1, n > 0 ? n - 1 : 0, (const char * const *)hamlets);
  self->resetting = FALSE;
}

static void
saved_cb (XasoCitizensPage *self,
          const char       *id)
{
  open_person (self, id);
}

static void
household_saved_cb (XasoCitizensPage *self,
                    const char       *id)
{
  open_household_cb (self, id);
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (widget);
  XasoPersonEditor *editor;

  if (context_of (self) == NULL)
    return;
  editor = xaso_person_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self), NULL, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_household_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (widget);
  XasoHouseholdEditor *editor;

  if (context_of (self) == NULL)
    return;
  editor = xaso_household_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self), NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (household_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (widget);

  if (context_of (self) != NULL)
    xaso_person_import_start (GTK_WINDOW (gtk_widget_get_root (widget)), context_of (self));
}

/* A report's figure (a hamlet's residents, an age band of the pyramid)
 * sets the page's own filters, which stay in view and can be changed;
 * one they cannot say (the births of a month) is pinned above the list. */
static guint
hamlet_position (XasoCitizensPage *self,
                 const char       *hamlet)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hamlet_list));

  for (guint i = 1; hamlet != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->hamlet_list, i), hamlet) == 0)
      return i;
  return 0;
}

static guint
life_position (XasoLifeFilter life)
{
  switch (life)
    {
    case XASO_LIFE_MOVED_AWAY:
      return 1;
    case XASO_LIFE_DECEASED:
      return 2;
    case XASO_LIFE_ANY:
      return 3;
    case XASO_LIFE_LIVING:
    default:
      return 0;
    }
}

/* "list=households&hamlet=…": the households' list, on that hamlet. */
static gboolean
show_households (XasoCitizensPage  *self,
                 const char        *query,
                 GError           **error)
{
  g_autoptr(XasoHouseholdFilter) f = xaso_household_filter_parse (query, error);

  if (f == NULL)
    return FALSE;
  xaso_pinned_bar_unpin (self->pinned_bar);
  self->resetting = TRUE;
  gtk_stack_set_visible_child_name (self->lists_stack, "households");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), f->text ? f->text : "");
  gtk_drop_down_set_selected (self->hamlet_dropdown, hamlet_position (self, f->hamlet));
  self->resetting = FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  search (self);
  return TRUE;
}

/* A filter by civil-status event, by unknown age, or counting ages in another
 * year has no control of its own: it is pinned above the list instead. */
static gboolean
cannot_show_in_controls (const XasoPersonFilter *f)
{
  return f->event_kind != NULL || f->age_unknown || f->age_year > 0;
}

static gboolean
xaso_citizens_page_show_list (XasoPage    *page,
                              const char  *query,
                              const char  *description,
                              GError     **error)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (page);
  g_autoptr(XasoPersonFilter) f = NULL;

  if (g_str_has_prefix (query, "list=households"))
    return show_households (self, query, error);
  f = xaso_person_filter_parse (query, error);
  if (f == NULL)
    return FALSE;
  xaso_pinned_bar_unpin (self->pinned_bar);
  self->resetting = TRUE;
  gtk_stack_set_visible_child_name (self->lists_stack, "persons");
  self->resetting = FALSE;
  if (cannot_show_in_controls (f))
    {
      xaso_pinned_bar_pin (self->pinned_bar, description, g_steal_pointer (&f),
                           (GDestroyNotify)xaso_person_filter_free);
      self->resetting = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      self->resetting = FALSE;
      adw_leaflet_set_visible_child (self->leaflet, self->list_box);
      search (self);
      return TRUE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), f->text ? f->text : "");
  gtk_drop_down_set_selected (self->hamlet_dropdown, hamlet_position (self, f->hamlet));
  gtk_drop_down_set_selected (self->sex_dropdown, f->sex == XASO_SEX_MALE ? 1 : f->sex == XASO_SEX_FEMALE ? 2 : 0);
  gtk_drop_down_set_selected (self->life_dropdown, life_position (f->life));
  gtk_spin_button_set_value (self->age_min_spin, MAX (f->age_min, 0));
  gtk_spin_button_set_value (self->age_max_spin, f->age_max >= 0 ? f->age_max : 130);
  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  search (self);
  return TRUE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (widget);

  xaso_pinned_bar_unpin (self->pinned_bar);
  self->resetting = TRUE;
  gtk_drop_down_set_selected (self->hamlet_dropdown, 0);
  gtk_drop_down_set_selected (self->sex_dropdown, 0);
  gtk_drop_down_set_selected (self->life_dropdown, 0);
  gtk_spin_button_set_value (self->age_min_spin, 0);
  gtk_spin_button_set_value (self->age_max_spin, 130);
  self->resetting = FALSE;
  search (self);
}

/* The page's shortcuts work anywhere in the window while it is shown. */
static gboolean
page_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
  return TRUE;
}

static void
add_page_shortcuts (XasoCitizensPage *self)
{
  static const struct { const char *accel; const char *action; } shortcuts[] = {
    { "<Control>f", "citizens.search" },
    { "<Control>n", "citizens.new-person" },
    { "<Control><Shift>n", "citizens.new-household" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].accel),
                                                gtk_callback_action_new (page_shortcut_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (shortcuts[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
xaso_citizens_page_dispose (GObject *object)
{
  XasoCitizensPage *self = (XasoCitizensPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->search != NULL)
    xaso_list_search_cancel (self->search);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CITIZENS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->persons);
  g_clear_object (&self->search);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xaso_citizens_page_parent_class)->dispose (object);
}

static void
xaso_citizens_page_context_set (XasoPage *page)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (page);
  XasoContext *context = xaso_page_get_context (page);

  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);

  self->persons = xaso_record_list_new (XASO_TYPE_PERSON, xaso_context_get_reader (context));
  self->search = xaso_list_search_new (context, self->persons, search_persons, FIRST_SCREEN);
  g_signal_connect_object (self->search, "first-screen", G_CALLBACK (first_screen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "done", G_CALLBACK (search_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "failed", G_CALLBACK (search_failed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->persons)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  xaso_household_list_set_context (self->household_list, context);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizens.new-person", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizens.new-household", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizens.import", TRUE);
  xaso_context_run_async (context, list_hamlets_in_thread, NULL, NULL, (GDestroyNotify)g_strfreev,
                          self->cancellable, hamlets_loaded_cb, g_object_ref (self));
  search (self);
}

static void
xaso_citizens_page_show_record (XasoPage   *page,
                                const char *person_id)
{
  XasoCitizensPage *self = XASO_CITIZENS_PAGE (page);

  open_person (self, person_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_view));
}

static void
xaso_citizens_page_class_init (XasoCitizensPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_citizens_page_dispose;
  XASO_PAGE_CLASS (klass)->context_set = xaso_citizens_page_context_set;
  XASO_PAGE_CLASS (klass)->show_record = xaso_citizens_page_show_record;
  XASO_PAGE_CLASS (klass)->show_list = xaso_citizens_page_show_list;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-citizens-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, hamlet_list);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, hamlet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, sex_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, age_min_spin);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, age_max_spin);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, life_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, lists_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, household_list);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, pinned_bar);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, detail_back);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, person_view);
  gtk_widget_class_bind_template_child (widget_class, XasoCitizensPage, household_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_household_cb);
  gtk_widget_class_bind_template_callback (widget_class, household_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_changed_cb);

  gtk_widget_class_install_action (widget_class, "citizens.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "citizens.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "citizens.new-household", NULL, new_household_action);
  gtk_widget_class_install_action (widget_class, "citizens.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "citizens.reset-filters", NULL, reset_filters_action);
}

static void
xaso_citizens_page_init (XasoCitizensPage *self)
{
  g_type_ensure (XASO_TYPE_PERSON);
  g_type_ensure (XASO_TYPE_PERSON_VIEW);
  g_type_ensure (XASO_TYPE_PINNED_BAR);
  g_type_ensure (XASO_TYPE_HOUSEHOLD_VIEW);
  g_type_ensure (XASO_TYPE_HOUSEHOLD_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_string_list_append (self->hamlet_list, _("Every hamlet"));
  gtk_drop_down_set_selected (self->hamlet_dropdown, 0);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self);
  add_page_shortcuts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizens.new-person", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizens.new-household", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "citizens.import", FALSE);
}

