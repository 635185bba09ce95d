/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-pdf-appearance-private.h"

/* The texts printed on a signature are fixed Vietnamese wording, not user
 * interface: they read the same whatever the desktop's language, so they
 * are deliberately not marked for translation.
 *
 * "Ký bởi / Thời gian ký" is the convention of the government signing tools
 * (vSignPDF, VGCA), not text from Decree 30; DOMAIN.md keeps it
 * configurable, hence the template.  Attachments and electronic copies
 * carry what Decree 30 Appendix I prescribes: the number and notation (or
 * the copy form and the copying agency) and the time in ISO 8601. */
static const char leader_template[] =
  "Ký bởi: {signer}\n"
  "Cơ quan: {organization}\n"
  "Thời gian ký: {time}";
/* Once issued, the văn thư's signature carries the number and notation
 * ("Số: 15/QĐ-UBND") and, through its time, the date of issue. */
static const char organization_template[] =
  "Số: {number}\n"
  "Ký bởi: {organization}\n"
  "Thời gian ký: {time}";
static const char attachment_template[] =
  "{number}\n"
  "{time_iso}";
static const char copy_template[] =
  "{copy_form}\n"
  "{organization}\n"
  "{time_iso}";

/* Letters that a font must have to set Vietnamese: the base letters with
 * breve, circumflex, horn and stroke, and the tone marks stacked on them. */
static const char vietnamese_probe[] = "ĂÂĐÊÔƠƯăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";

const char *
xaso_pdf_appearance_default_template (const XasoPdfAppearance *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);

  switch (spec->kind)
    {
    case XASO_PDF_APPEARANCE_LEADER:
      return leader_template;
    case XASO_PDF_APPEARANCE_ORGANIZATION:
      return organization_template;
    case XASO_PDF_APPEARANCE_COPY:
    default:
      if (spec->copy_form != NULL && *spec->copy_form != '\0')
        return copy_template;
      return attachment_template;
    }
}

/* The time is shown in Vietnam's zone whatever zone it was given in, as
 * Decree 30 asks ("múi giờ Việt Nam"). */
static char *
format_time (GDateTime *time,
             gboolean   iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_timezone (time, tz);
  /* The signing tools write dd.MM.yyyy HH:mm:ss +07:00 (reference/
   * domain-vietnam.md §1.7); ISO 8601 is what Decree 30 asks of copies. */
  if (iso)
    return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S+07:00");
  return g_date_time_format (local, "%d.%m.%Y %H:%M:%S +07:00");
}

/* A value is one line of text: a newline in a name must not add a line to
 * the block, nor invalid UTF-8 reach Pango. */
static char *
clean_value (const char *value)
{
  char *clean;

  if (value == NULL)
    return g_strdup ("");
  clean = g_utf8_make_valid (value, -1);
  for (char *p = clean; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (clean);
}

static gboolean
lookup_field (const XasoPdfAppearance  *spec,
              const char               *name,
              gsize                     len,
              char                    **value)
{
  static const char * const names[] = {
    "signer", "organization", "reason", "location", "number", "copy_form", "time", "time_iso",
  };
  const char *values[] = {
    spec->signer, spec->organization, spec->reason, spec->location,
    spec->document_number, spec->copy_form,
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strlen (names[i]) != len || strncmp (names[i], name, len) != 0)
        continue;
      if (i < G_N_ELEMENTS (values))
        *value = clean_value (values[i]);
      else
        *value = format_time (spec->time, strcmp (names[i], "time_iso") == 0);
      if (*value == NULL)
        *value = g_strdup ("");
      return TRUE;
    }
  return FALSE;
}

/* Expands one line into out.  A line whose fields are all empty is left
 * out, so that "Cơ quan: " does not stand alone when there is no
 * organization; a line without fields is always kept. */
static gboolean
expand_line (const XasoPdfAppearance  *spec,
             const char               *line,
             GString                  *out,
             GError                  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean has_fields = FALSE;
  gboolean has_values = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      const char *end;
      g_autofree char *value = NULL;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (text, *p++);
          continue;
        }
      if (*p != '{')
        {
          g_string_append_c (text, *p);
          continue;
        }
      end = strchr (p, '}');
      if (end == NULL)
        {
          g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_TEMPLATE,
                               _("The signature text template has a “{” that is not closed."));
          return FALSE;
        }
      if (!lookup_field (spec, p + 1, end - p - 1, &value))
        {
          g_autofree char *name = g_strndup (p + 1, end - p - 1);

          g_set_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_TEMPLATE,
                       _("The signature text template has an unknown field “%s”."), name);
          return FALSE;
        }
      has_fields = TRUE;
      has_values |= *value != '\0';
      g_string_append (text, value);
      p = end;
    }
  if (has_fields && !has_values)
    return TRUE;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, text->str);
  return TRUE;
}

/**
 * xaso_pdf_appearance_expand_text:
 *
 * Returns the text block of @spec: its template (or the kind's default)
 * with {signer}, {organization}, {time} (dd.MM.yyyy HH:mm:ss +07:00),
 * {time_iso}, {reason}, {location}, {number} and {copy_form} replaced;
 * "{{" and "}}" stand for braces.
 */
char *
xaso_pdf_appearance_expand_text (const XasoPdfAppearance  *spec,
                                 GError                  **error)
{
  const char *template;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = spec->text_template != NULL ? spec->text_template
                                         : xaso_pdf_appearance_default_template (spec);
  if (!g_utf8_validate (template, -1, NULL))
    {
      g_set_error_literal (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_TEMPLATE,
                           _("The signature text template is not valid UTF-8 text."));
      return NULL;
    }
  lines = g_strsplit (template, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!expand_line (spec, lines[i], out, error))
      return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
font_covers_vietnamese (PangoFont *font)
{
  for (const char *p = vietnamese_probe; *p != '\0'; p = g_utf8_next_char (p))
    if (!pango_font_has_char (font, g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Fontconfig answers every family name with some font, but "Times New
 * Roman" on a Debian desktop becomes Nimbus Roman, which has no Vietnamese
 * letters: Pango would then take the marked letters from another font, one
 * glyph at a time, and the signature would mix two typefaces.  So a family
 * that does not set Vietnamese whole is replaced by our fallback. */
char *
xaso_pdf_appearance_resolve_family (PangoContext *context,
                                    const char   *family)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  g_autoptr(PangoFont) font = NULL;

  if (family == NULL || *family == '\0')
    return g_strdup (XASO_PDF_APPEARANCE_FALLBACK_FAMILY);
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, 10 * PANGO_SCALE);
  font = pango_context_load_font (context, desc);
  if (font != NULL && font_covers_vietnamese (font))
    return g_strdup (family);
  g_debug ("Font family “%s” lacks Vietnamese letters; using %s",
           family, XASO_PDF_APPEARANCE_FALLBACK_FAMILY);
  return g_strdup (XASO_PDF_APPEARANCE_FALLBACK_FAMILY);
}

static void
set_layout_size (PangoLayout *layout,
                 const char  *family,
                 double       size)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
}

static gboolean
layout_fits (PangoLayout *layout,
             double       width,
             double       height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height <= height * PANGO_SCALE && logical.width <= width * PANGO_SCALE;
}

/* Same metrics on the PDF and the PNG surface, so the preview shows the
 * line breaks that will be signed. */
static void
set_unhinted (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

/* The largest size, from max_size down to floor_size in quarter points, at
 * which the text fits the box, with no line broken if unbroken is set;
 * 0 when there is none. */
static double
largest_fitting_size (PangoLayout *layout,
                      const char  *family,
                      double       max_size,
                      double       floor_size,
                      double       width,
                      double       height,
                      gboolean     unbroken)
{
  for (double size = max_size; size >= floor_size; size -= 0.25)
    {
      set_layout_size (layout, family, size);
      if (layout_fits (layout, width, height) && !(unbroken && pango_layout_is_wrapped (layout)))
        return size;
    }
  return 0;
}

/**
 * xaso_pdf_appearance_fit_text:
 *
 * Lays @text out in @family, wrapped to @width, at the largest size from
 * @max_size down whose lines fit @height.  A size at which no line needs
 * breaking is preferred down to 3/4 of @max_size, so that a time does not
 * lose its "+07:00" to the next line; below that, long names wrap, down
 * to XASO_PDF_APPEARANCE_MIN_FONT_SIZE.  Text that does not fit even then
 * is cut at @height with an ellipsis.
 */
PangoLayout *
xaso_pdf_appearance_fit_text (cairo_t    *cr,
                              const char *text,
                              const char *family,
                              double      max_size,
                              double      width,
                              double      height,
                              double     *size_out)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *resolved = NULL;
  double min = XASO_PDF_APPEARANCE_MIN_FONT_SIZE;
  double max = MAX (max_size, min);
  double size;

  set_unhinted (context);
  resolved = xaso_pdf_appearance_resolve_family (context, family);
  layout = pango_layout_new (context);
  /* The layout keeps its own reference. */
  g_object_unref (context);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  size = largest_fitting_size (layout, resolved, max, MAX (min, max * 0.75), width, height, TRUE);
  if (size == 0)
    size = largest_fitting_size (layout, resolved, max, min, width, height, FALSE);
  if (size == 0)
    {
      size = min;
      pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  set_layout_size (layout, resolved, size);
  if (size_out != NULL)
    *size_out = size;
  return g_steal_pointer (&layout);
}
