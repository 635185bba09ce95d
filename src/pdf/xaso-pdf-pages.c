/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <string.h>

#include "xaso-pdf-document-private.h"

/* The page tree (ISO 32000-1 §7.7.3). Damaged trees are common, so the walk
 * skips what it cannot read rather than failing, and it never visits an
 * object twice (a /Kids cycle would otherwise never end). */

#define MAX_TREE_DEPTH 64
#define MAX_PARENT_STEPS 64

static const char * const inheritable[] = { "Resources", "MediaBox", "CropBox", "Rotate", NULL };

typedef struct
{
  XasoPdfDocument *doc;
  GHashTable      *visited;
} Walk;

static void walk_node (Walk          *walk,
                       XasoPdfObject *node,
                       XasoPdfObject *parent,
                       guint          depth);

static gboolean
is_leaf (XasoPdfDocument *doc,
         XasoPdfObject   *dict)
{
  XasoPdfObject *type = xaso_pdf_document_dict_get (doc, dict, "Type");

  if (xaso_pdf_object_is_name (type, "Page"))
    return TRUE;
  if (xaso_pdf_object_is_name (type, "Pages"))
    return FALSE;
  /* Without a usable /Type, a node is what has /Kids. */
  return xaso_pdf_object_get_kind (xaso_pdf_document_dict_get (doc, dict, "Kids")) != XASO_PDF_ARRAY;
}

static void
add_page (Walk          *walk,
          XasoPdfObject *ref,
          XasoPdfObject *dict,
          XasoPdfObject *parent)
{
  XasoPdfPageRef page = { dict, parent, 0, 0 };

  if (xaso_pdf_object_get_kind (ref) == XASO_PDF_REF)
    {
      page.num = xaso_pdf_object_ref_get_num (ref);
      page.gen = xaso_pdf_object_ref_get_gen (ref);
    }
  g_array_append_val (walk->doc->pages, page);
}

static void
walk_kids (Walk          *walk,
           XasoPdfObject *node,
           guint          depth)
{
  XasoPdfObject *kids = xaso_pdf_document_dict_get (walk->doc, node, "Kids");

  for (guint i = 0; i < xaso_pdf_object_array_get_length (kids); i++)
    walk_node (walk, xaso_pdf_object_array_get (kids, i), node, depth + 1);
}

static void
walk_node (Walk          *walk,
           XasoPdfObject *node,
           XasoPdfObject *parent,
           guint          depth)
{
  XasoPdfObject *dict;

  if (depth > MAX_TREE_DEPTH)
    return;
  if (xaso_pdf_object_get_kind (node) == XASO_PDF_REF)
    {
      gpointer key = GUINT_TO_POINTER (xaso_pdf_object_ref_get_num (node));

      if (g_hash_table_contains (walk->visited, key))
        return;
      g_hash_table_add (walk->visited, key);
    }
  dict = xaso_pdf_document_resolve (walk->doc, node, NULL);
  if (dict == NULL || xaso_pdf_object_get_kind (dict) != XASO_PDF_DICT)
    return;
  if (is_leaf (walk->doc, dict))
    add_page (walk, node, dict, parent);
  else
    walk_kids (walk, dict, depth);
}

void
xaso_pdf_pages_load (XasoPdfDocument *self)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  Walk walk = { self, visited };
  XasoPdfObject *catalog = xaso_pdf_document_get_catalog (self);
  XasoPdfObject *root = xaso_pdf_object_dict_get (catalog, "Pages");

  self->pages = g_array_new (FALSE, FALSE, sizeof (XasoPdfPageRef));
  if (root == NULL)
    return;
  /* The root itself is a node even when a damaged file calls it a page. */
  if (xaso_pdf_object_get_kind (root) == XASO_PDF_REF)
    g_hash_table_add (visited, GUINT_TO_POINTER (xaso_pdf_object_ref_get_num (root)));
  root = xaso_pdf_document_resolve (self, root, NULL);
  if (root == NULL || xaso_pdf_object_get_kind (root) != XASO_PDF_DICT)
    return;
  if (xaso_pdf_object_get_kind (xaso_pdf_document_dict_get (self, root, "Kids")) == XASO_PDF_ARRAY)
    walk_kids (&walk, root, 0);
  else
    add_page (&walk, xaso_pdf_object_dict_get (catalog, "Pages"), root, NULL);
}

guint
xaso_pdf_document_get_n_pages (XasoPdfDocument *self)
{
  g_return_val_if_fail (XASO_IS_PDF_DOCUMENT (self), 0);
  if (self->pages == NULL)
    xaso_pdf_pages_load (self);
  return self->pages->len;
}

XasoPdfObject *
xaso_pdf_document_get_page (XasoPdfDocument *self,
                            guint            index,
                            guint32         *num,
                            guint16         *gen)
{
  const XasoPdfPageRef *page;

  g_return_val_if_fail (index < xaso_pdf_document_get_n_pages (self), NULL);
  page = &g_array_index (self->pages, XasoPdfPageRef, index);
  if (num != NULL)
    *num = page->num;
  if (gen != NULL)
    *gen = page->gen;
  return page->dict;
}

XasoPdfObject *
xaso_pdf_document_get_page_attribute (XasoPdfDocument *self,
                                      guint            index,
                                      const char      *key)
{
  const XasoPdfPageRef *page;
  XasoPdfObject *node;
  XasoPdfObject *value;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (index < xaso_pdf_document_get_n_pages (self), NULL);
  page = &g_array_index (self->pages, XasoPdfPageRef, index);
  value = xaso_pdf_document_dict_get (self, page->dict, key);
  if (value != NULL || !g_strv_contains (inheritable, key))
    return value;
  /* The node the walk came through is the true parent even when /Parent
   * is wrong; above it, /Parent is all there is. */
  node = page->parent;
  for (guint i = 0; node != NULL && i < MAX_PARENT_STEPS; i++)
    {
      value = xaso_pdf_document_dict_get (self, node, key);
      if (value != NULL)
        return value;
      node = xaso_pdf_document_dict_get (self, node, "Parent");
      if (node != NULL && xaso_pdf_object_get_kind (node) != XASO_PDF_DICT)
        node = NULL;
    }
  return NULL;
}
