/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-citizens-page.h"

struct _XasoCitizensPage
{
  AdwBin       parent_instance;

  XasoContext *context;
};

G_DEFINE_FINAL_TYPE (XasoCitizensPage, xaso_citizens_page, ADW_TYPE_BIN)

static void
xaso_citizens_page_dispose (GObject *object)
{
  XasoCitizensPage *self = (XasoCitizensPage *)object;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), XASO_TYPE_CITIZENS_PAGE);
  G_OBJECT_CLASS (xaso_citizens_page_parent_class)->dispose (object);
}

static void
xaso_citizens_page_class_init (XasoCitizensPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = xaso_citizens_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/xaso-citizens-page.ui");
}

static void
xaso_citizens_page_init (XasoCitizensPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
xaso_citizens_page_set_context (XasoCitizensPage *self,
                                XasoContext      *context)
{
  g_set_object (&self->context, context);
}
