/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xaso-conversion-bar.h"
#include "xaso-text-decode.h"

/* Longer text is not a field's: it is not checked on every change. */
#define MAX_CHECKED_BYTES 4096

/* The length a field had at its last change, to tell a paste (many
 * characters at once) from typing. */
#define LENGTH_KEY "xaso-conversion-length"

struct _XasoConversionBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *message;

  GWeakRef     field;        /* the GtkEditable the offer is about */
  char        *converted;
  gboolean     converting;
};

G_DEFINE_FINAL_TYPE (XasoConversionBar, xaso_conversion_bar, GTK_TYPE_WIDGET)

static void
hide_offer (XasoConversionBar *self)
{
  g_weak_ref_set (&self->field, NULL);
  g_clear_pointer (&self->converted, g_free);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversion.convert", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversion.keep", FALSE);
}

static const char *
field_name (GtkEditable *field)
{
  if (ADW_IS_PREFERENCES_ROW (field))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field));
  return NULL;
}

static void
show_offer (XasoConversionBar *self,
            GtkEditable       *field,
            char              *converted,
            XasoEncoding       from)
{
  const char *name = field_name (field);
  g_autofree char *text = NULL;

  if (name != NULL && name[0] != '\0')
    /* Translators: the field's name, the encoding (TCVN3, VNI…), the text converted. */
    text = g_strdup_printf (_("The text pasted into “%s” was typed in %s, an old Vietnamese encoding. In Unicode "
                              "it reads “%s”."), name, xaso_encoding_get_name (from), converted);
  else
    text = g_strdup_printf (_("The text pasted was typed in %s, an old Vietnamese encoding. In Unicode it reads "
                              "“%s”."), xaso_encoding_get_name (from), converted);
  g_weak_ref_set (&self->field, field);
  g_free (self->converted);
  self->converted = converted;
  gtk_label_set_text (self->message, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversion.convert", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversion.keep", TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
field_changed_cb (GtkEditable       *field,
                  XasoConversionBar *self)
{
  const char *text = gtk_editable_get_text (field);
  gsize len = strlen (text);
  gsize before = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (field), LENGTH_KEY));
  XasoEncoding from = XASO_ENCODING_UTF8;
  char *converted;

  g_object_set_data (G_OBJECT (field), LENGTH_KEY, GSIZE_TO_POINTER (len));
  if (self->converting || len < before + 2 || len > MAX_CHECKED_BYTES)
    return;
  converted = xaso_text_convert_pasted (text, &from);
  if (converted != NULL)
    show_offer (self, field, converted, from);
}

static void
convert_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XasoConversionBar *self = XASO_CONVERSION_BAR (widget);
  g_autoptr(GtkEditable) field = g_weak_ref_get (&self->field);

  if (field != NULL && self->converted != NULL)
    {
      self->converting = TRUE;
      gtk_editable_set_text (field, self->converted);
      self->converting = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (field));
    }
  hide_offer (self);
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XasoConversionBar *self = XASO_CONVERSION_BAR (widget);
  g_autoptr(GtkEditable) field = g_weak_ref_get (&self->field);

  if (field != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (field));
  hide_offer (self);
}

/* Connects to the outermost editables only: an entry row holds a GtkText
 * of its own that reports the same changes. */
static void
watch_tree (XasoConversionBar *self,
            GtkWidget         *widget)
{
  if (GTK_IS_EDITABLE (widget))
    {
      g_signal_connect_object (widget, "changed", G_CALLBACK (field_changed_cb), self, 0);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_tree (self, child);
}

void
xaso_conversion_bar_watch (XasoConversionBar *self,
                           GtkWidget         *form)
{
  g_return_if_fail (XASO_IS_CONVERSION_BAR (self));
  g_return_if_fail (GTK_IS_WIDGET (form));

  watch_tree (self, form);
}

static void
xaso_conversion_bar_dispose (GObject *object)
{
  XasoConversionBar *self = XASO_CONVERSION_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CONVERSION_BAR);
  g_weak_ref_set (&self->field, NULL);
  g_clear_pointer (&self->converted, g_free);
  G_OBJECT_CLASS (xaso_conversion_bar_parent_class)->dispose (object);
}

static void
xaso_conversion_bar_finalize (GObject *object)
{
  XasoConversionBar *self = XASO_CONVERSION_BAR (object);

  g_weak_ref_clear (&self->field);
  G_OBJECT_CLASS (xaso_conversion_bar_parent_class)->finalize (object);
}

static void
xaso_conversion_bar_class_init (XasoConversionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xaso_conversion_bar_dispose;
  object_class->finalize = xaso_conversion_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/xaso-conversion-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, XasoConversionBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, XasoConversionBar, message);
  gtk_widget_class_install_action (widget_class, "conversion.convert", NULL, convert_action);
  gtk_widget_class_install_action (widget_class, "conversion.keep", NULL, keep_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xaso_conversion_bar_init (XasoConversionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->field, NULL);
  hide_offer (self);
}
