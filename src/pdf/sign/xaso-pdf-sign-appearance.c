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

/* On a page with /Rotate, the form's /Matrix turns the upright drawing
 * against the page's rotation, so that the official reads it upright. */
static XasoPdfObject *
rotation (int    rotate,
          double width,
          double height)
{
  XasoPdfObject *array = xaso_pdf_object_new_array ();
  double m[6];

  xaso_pdf_appearance_rotation_matrix (rotate, width, height, m);
  for (guint i = 0; i < 6; i++)
    xaso_pdf_object_array_append (array, xaso_pdf_object_new_real (m[i]));
  return array;
}

static guint32
add_form (XasoPdfUpdate *update,
          double         width,
          double         height,
          int            rotate,
          XasoPdfObject *resources,
          GString       *content)
{
  XasoPdfObject *dict = xaso_pdf_object_new_dict ();
  g_autoptr(GBytes) data = g_bytes_new (content->str, content->len);

  xaso_pdf_object_dict_set (dict, "Type", xaso_pdf_object_new_name ("XObject"));
  xaso_pdf_object_dict_set (dict, "Subtype", xaso_pdf_object_new_name ("Form"));
  xaso_pdf_object_dict_set (dict, "BBox", bbox (width, height));
  if (rotate % 360 != 0)
    xaso_pdf_object_dict_set (dict, "Matrix", rotation (rotate, width, height));
  xaso_pdf_object_dict_set (dict, "Resources", resources);
  return xaso_pdf_update_add (update, xaso_pdf_object_new_stream_with_data (dict, data));
}

/* Vietnamese needs an embedded font: the appearance is drawn with cairo
 * into a one-page PDF (DESIGN.md §5), in the layout of its kind, with the
 * certificate's names where the caller gave none. */
static GBytes *
draw_appearance (XasoPdfIdentity          *identity,
                 const XasoPdfSignOptions *options,
                 const double              size[2],
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
  return xaso_pdf_appearance_render (&spec, size[0], size[1], error);
}

/* The grafted page keeps its own size as /BBox; a wrapper form scales it
 * to @size, the widget's rectangle as the page is shown. */
static guint32
add_grafted (XasoPdfUpdate  *update,
             GBytes         *appearance_pdf,
             const double    size[2],
             int             rotate,
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
  sx = size[0] / (box[2] - box[0]);
  sy = size[1] / (box[3] - box[1]);
  numbers (content, "q ", (double[]){ sx, 0, 0, sy, -box[0] * sx, -box[1] * sy }, 6, " cm /A Do Q\n");
  resources = xaso_pdf_object_new_dict ();
  xobjects = xaso_pdf_object_new_dict ();
  xaso_pdf_object_dict_set (xobjects, "A", xaso_pdf_object_new_ref (grafted, 0));
  xaso_pdf_object_dict_set (resources, "XObject", xobjects);
  return add_form (update, size[0], size[1], rotate, resources, content);
}

guint32
xaso_pdf_sign_add_appearance (XasoPdfUpdate            *update,
                              XasoPdfIdentity          *identity,
                              const XasoPdfSignOptions *options,
                              const double              rect[4],
                              int                       rotate,
                              GDateTime                *time,
                              GError                  **error)
{
  g_autoptr(GBytes) drawn = NULL;
  /* On a page turned a quarter, the rectangle's width is shown upright
   * as its height. */
  const double size[2] = { rotate % 180 == 0 ? rect[2] : rect[3], rotate % 180 == 0 ? rect[3] : rect[2] };

  if (options->appearance_pdf != NULL)
    return add_grafted (update, options->appearance_pdf, size, rotate, error);
  drawn = draw_appearance (identity, options, size, time, error);
  if (drawn == NULL)
    return 0;
  return add_grafted (update, drawn, size, rotate, error);
}
