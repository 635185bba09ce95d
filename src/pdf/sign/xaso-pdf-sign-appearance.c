/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include "xaso-pdf-graft.h"
#include "xaso-pdf-serialize.h"
#include "xaso-pdf-sign-private.h"

static XasoPdfObject *
bbox (double width,
      double height)
{
  XasoPdfObject *array = xaso_pdf_object_new_array ();

  xaso_pdf_object_array_append (array, xaso_pdf_object_new_int (0));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_int (0));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (width));
  xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (height));
  return array;
}

/* @before, the numbers separated by spaces, @after. */
static void
numbers (GString      *out,
         const char   *before,
         const double *values,
         guint         n,
         const char   *after)
{
  if (before != NULL)
    g_string_append (out, before);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      xaso_pdf_append_number (out, values[i]);
    }
  g_string_append (out, after);
}

static guint32
add_form (XasoPdfUpdate *update,
          double         width,
          double         height,
          XasoPdfObject *resources,
          GString       *content)
{
  XasoPdfObject *dict = xaso_pdf_object_new_dict ();
  g_autoptr(GBytes) data = g_bytes_new (content->str, content->len);

  xaso_pdf_object_dict_set (dict, "Type", xaso_pdf_object_new_name ("XObject"));
  xaso_pdf_object_dict_set (dict, "Subtype", xaso_pdf_object_new_name ("Form"));
  xaso_pdf_object_dict_set (dict, "BBox", bbox (width, height));
  xaso_pdf_object_dict_set (dict, "Resources", resources);
  return xaso_pdf_update_add (update, xaso_pdf_object_new_stream_with_data (dict, data));
}

/* Vietnamese needs an embedded font: the appearance is drawn with cairo
 * into a one-page PDF (DESIGN.md §5), in the layout of its kind, with the
 * certificate's names where the caller gave none. */
static GBytes *
draw_appearance (XasoPdfIdentity          *identity,
                 const XasoPdfSignOptions *options,
                 const double              rect[4],
                 GDateTime                *time,
                 GError                  **error)
{
  g_autofree char *name = xaso_pdf_identity_dup_name (identity);
  g_autofree char *organization = xaso_pdf_identity_dup_organization (identity);
  XasoPdfAppearance spec;

  if (options->appearance != NULL)
    spec = *options->appearance;
  else
    xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  if (spec.signer == NULL)
    spec.signer = name;
  if (spec.organization == NULL)
    spec.organization = organization;
  if (spec.time == NULL)
    spec.time = time;
  if (spec.reason == NULL)
    spec.reason = options->reason;
  if (spec.location == NULL)
    spec.location = options->location;
  return xaso_pdf_appearance_render (&spec, rect[2], rect[3], error);
}

/* The grafted page keeps its own size as /BBox; a wrapper form scales it
 * to the widget's rectangle. */
static guint32
add_grafted (XasoPdfUpdate  *update,
             GBytes         *appearance_pdf,
             const double    rect[4],
             GError        **error)
{
  g_autoptr(XasoPdfDocument) source = xaso_pdf_document_new_from_bytes (appearance_pdf, error);
  double box[4], sx, sy;
  g_autoptr(GString) content = g_string_new (NULL);
  XasoPdfObject *resources, *xobjects;
  guint32 grafted;

  if (source == NULL)
    return 0;
  grafted = xaso_pdf_graft_page (update, source, 0, box, error);
  if (grafted == 0)
    return 0;
  sx = rect[2] / (box[2] - box[0]);
  sy = rect[3] / (box[3] - box[1]);
  numbers (content, "q ", (double[]){ sx, 0, 0, sy, -box[0] * sx, -box[1] * sy }, 6, " cm /A Do Q\n");
  resources = xaso_pdf_object_new_dict ();
  xobjects = xaso_pdf_object_new_dict ();
  xaso_pdf_object_dict_set (xobjects, "A", xaso_pdf_object_new_ref (grafted, 0));
  xaso_pdf_object_dict_set (resources, "XObject", xobjects);
  return add_form (update, rect[2], rect[3], resources, content);
}

guint32
xaso_pdf_sign_add_appearance (XasoPdfUpdate            *update,
                              XasoPdfIdentity          *identity,
                              const XasoPdfSignOptions *options,
                              const double              rect[4],
                              GDateTime                *time,
                              GError                  **error)
{
  g_autoptr(GBytes) drawn = NULL;

  if (options->appearance_pdf != NULL)
    return add_grafted (update, options->appearance_pdf, rect, error);
  drawn = draw_appearance (identity, options, rect, time, error);
  if (drawn == NULL)
    return 0;
  return add_grafted (update, drawn, rect, error);
}
