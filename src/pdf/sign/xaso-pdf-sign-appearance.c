/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <string.h>

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

/* The standard 14 fonts have no Vietnamese glyphs: until the cairo
 * appearance is passed in, the stand-in writes ASCII only. */
static void
show_line (GString    *content,
           const char *text,
           double      x,
           double      y,
           double      size)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  g_autoptr(XasoPdfObject) string = xaso_pdf_object_new_string ((const guint8 *)ascii, strlen (ascii));

  numbers (content, "BT /F1 ", (double[]){ size }, 1, " Tf ");
  numbers (content, NULL, (double[]){ x, y }, 2, " Td ");
  xaso_pdf_serialize (content, string);
  g_string_append (content, " Tj ET\n");
}

static guint32
add_text_box (XasoPdfUpdate            *update,
              XasoPdfIdentity          *identity,
              const XasoPdfSignOptions *options,
              GDateTime                *time)
{
  double w = options->rect[2], h = options->rect[3];
  double size = CLAMP (h / 5, 4, 10);
  g_autofree char *name = xaso_pdf_identity_dup_name (identity);
  g_autofree char *org = xaso_pdf_identity_dup_organization (identity);
  g_autofree char *when = g_date_time_format (time, "%Y-%m-%d %H:%M:%S %:z");
  g_autofree char *signer_line = g_strdup_printf ("Signed by: %s", name ? name : "?");
  g_autofree char *time_line = g_strdup_printf ("Time: %s", when);
  g_autoptr(GString) content = g_string_new (NULL);
  XasoPdfObject *resources = xaso_pdf_object_new_dict ();
  XasoPdfObject *fonts = xaso_pdf_object_new_dict ();
  XasoPdfObject *font = xaso_pdf_object_new_dict ();

  numbers (content, "q 0 0 0.6 RG 1 w 0.5 0.5 ", (double[]){ w - 1, h - 1 }, 2, " re S Q\n0 0 0.6 rg\n");
  show_line (content, signer_line, 4, h - size - 3, size);
  if (org != NULL)
    show_line (content, org, 4, h - 2 * size - 5, size);
  show_line (content, time_line, 4, h - 3 * size - 7, size);
  xaso_pdf_object_dict_set (font, "Type", xaso_pdf_object_new_name ("Font"));
  xaso_pdf_object_dict_set (font, "Subtype", xaso_pdf_object_new_name ("Type1"));
  xaso_pdf_object_dict_set (font, "BaseFont", xaso_pdf_object_new_name ("Helvetica"));
  xaso_pdf_object_dict_set (font, "Encoding", xaso_pdf_object_new_name ("WinAnsiEncoding"));
  xaso_pdf_object_dict_set (fonts, "F1", font);
  xaso_pdf_object_dict_set (resources, "Font", fonts);
  return add_form (update, w, h, resources, content);
}

/* The grafted page keeps its own size as /BBox; a wrapper form scales it
 * to the widget's rectangle. */
static guint32
add_grafted (XasoPdfUpdate            *update,
             const XasoPdfSignOptions *options,
             GError                  **error)
{
  g_autoptr(XasoPdfDocument) source = xaso_pdf_document_new_from_bytes (options->appearance_pdf, error);
  double box[4], sx, sy;
  g_autoptr(GString) content = g_string_new (NULL);
  XasoPdfObject *resources, *xobjects;
  guint32 grafted;

  if (source == NULL)
    return 0;
  grafted = xaso_pdf_graft_page (update, source, 0, box, error);
  if (grafted == 0)
    return 0;
  sx = options->rect[2] / (box[2] - box[0]);
  sy = options->rect[3] / (box[3] - box[1]);
  numbers (content, "q ", (double[]){ sx, 0, 0, sy, -box[0] * sx, -box[1] * sy }, 6, " cm /A Do Q\n");
  resources = xaso_pdf_object_new_dict ();
  xobjects = xaso_pdf_object_new_dict ();
  xaso_pdf_object_dict_set (xobjects, "A", xaso_pdf_object_new_ref (grafted, 0));
  xaso_pdf_object_dict_set (resources, "XObject", xobjects);
  return add_form (update, options->rect[2], options->rect[3], resources, content);
}

guint32
xaso_pdf_sign_add_appearance (XasoPdfUpdate            *update,
                              XasoPdfIdentity          *identity,
                              const XasoPdfSignOptions *options,
                              GDateTime                *time,
                              GError                  **error)
{
  if (options->appearance_pdf != NULL)
    return add_grafted (update, options, error);
  return add_text_box (update, identity, options, time);
}
