/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-page"

#include "config.h"

#include <glib/gi18n.h>

#include "xaso-page.h"

typedef struct
{
  char        *title;
  char        *icon_name;
  guint        badge_count;
  XasoContext *context;
} XasoPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (XasoPage, xaso_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_BADGE_COUNT,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xaso_page_dispose (GObject *object)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (XASO_PAGE (object));

  g_clear_object (&priv->context);
  G_OBJECT_CLASS (xaso_page_parent_class)->dispose (object);
}

static void
xaso_page_finalize (GObject *object)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (XASO_PAGE (object));

  g_free (priv->title);
  g_free (priv->icon_name);
  G_OBJECT_CLASS (xaso_page_parent_class)->finalize (object);
}

static void
xaso_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (XASO_PAGE (object));

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_BADGE_COUNT:
      g_value_set_uint (value, priv->badge_count);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XasoPage *self = XASO_PAGE (object);
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    case PROP_ICON_NAME:
      g_free (priv->icon_name);
      priv->icon_name = g_value_dup_string (value);
      break;
    case PROP_BADGE_COUNT:
      xaso_page_set_badge_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xaso_page_class_init (XasoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xaso_page_dispose;
  object_class->finalize = xaso_page_finalize;
  object_class->get_property = xaso_page_get_property;
  object_class->set_property = xaso_page_set_property;

  /* Set by the subclass's template or init; shown in the sidebar. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* How many things wait for the user here (overdue documents, dossiers
   * due today); 0 shows nothing. */
  properties[PROP_BADGE_COUNT] =
    g_param_spec_uint ("badge-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, XASO_TYPE_CONTEXT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xaso_page_init (XasoPage *self)
{
}

const char *
xaso_page_get_title (XasoPage *self)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_PAGE (self), NULL);
  return priv->title;
}

const char *
xaso_page_get_icon_name (XasoPage *self)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_PAGE (self), NULL);
  return priv->icon_name;
}

guint
xaso_page_get_badge_count (XasoPage *self)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_PAGE (self), 0);
  return priv->badge_count;
}

void
xaso_page_set_badge_count (XasoPage *self,
                           guint     count)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  g_return_if_fail (XASO_IS_PAGE (self));
  if (priv->badge_count == count)
    return;
  priv->badge_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE_COUNT]);
}

XasoContext *
xaso_page_get_context (XasoPage *self)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  g_return_val_if_fail (XASO_IS_PAGE (self), NULL);
  return priv->context;
}

/* Hands the page the open database, once. */
void
xaso_page_set_context (XasoPage    *self,
                       XasoContext *context)
{
  XasoPagePrivate *priv = xaso_page_get_instance_private (self);

  g_return_if_fail (XASO_IS_PAGE (self));
  g_return_if_fail (XASO_IS_CONTEXT (context));
  g_return_if_fail (priv->context == NULL);

  priv->context = g_object_ref (context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
  if (XASO_PAGE_GET_CLASS (self)->context_set != NULL)
    XASO_PAGE_GET_CLASS (self)->context_set (self);
}

/* Another page links here: show the record @id. */
void
xaso_page_show_record (XasoPage   *self,
                       const char *id)
{
  g_return_if_fail (XASO_IS_PAGE (self));

  if (XASO_PAGE_GET_CLASS (self)->show_record != NULL && xaso_page_get_context (self) != NULL)
    XASO_PAGE_GET_CLASS (self)->show_record (self, id);
}

/* Shows the list a report's figure counted (see XasoPageClass). */
gboolean
xaso_page_show_list (XasoPage    *self,
                     const char  *query,
                     const char  *description,
                     GError     **error)
{
  g_return_val_if_fail (XASO_IS_PAGE (self), FALSE);
  if (XASO_PAGE_GET_CLASS (self)->show_list == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", _("This page cannot show a report’s list."));
      return FALSE;
    }
  return XASO_PAGE_GET_CLASS (self)->show_list (self, query, description, error);
}
