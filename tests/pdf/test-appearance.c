/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pdf-test-util.h"
#include "xaso-pdf-appearance.h"
#include "xaso-pdf-appearance-private.h"

/* The names of the example: a leader of a commune People's Committee. */
#define SIGNER "Nguyễn Văn Đức"
#define ORGANIZATION "Ủy ban nhân dân xã An Bình"

/* Every test signs at 14:30:15 Vietnam time, given in UTC so that the
 * conversion to +07:00 is checked too. */
static GDateTime *
signing_time (void)
{
  return g_date_time_new_utc (2026, 1, 5, 7, 30, 15);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_to_png (cairo_surface_t *surface)
{
  GByteArray *buffer = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, buffer), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buffer);
}

/* A handwritten-looking signature in blue ink on a transparent ground. */
static GBytes *
make_signature_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 420, 160);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.05, 0.2, 0.75);
  cairo_set_line_width (cr, 6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, 30, 110);
  cairo_curve_to (cr, 60, 10, 110, 10, 90, 100);
  cairo_curve_to (cr, 80, 150, 150, 40, 170, 70);
  cairo_curve_to (cr, 190, 110, 210, 30, 240, 60);
  cairo_curve_to (cr, 270, 100, 300, 20, 330, 80);
  cairo_curve_to (cr, 350, 120, 380, 60, 400, 50);
  cairo_stroke (cr);
  cairo_move_to (cr, 60, 130);
  cairo_curve_to (cr, 160, 115, 280, 120, 380, 105);
  cairo_stroke (cr);
  cairo_destroy (cr);
  return surface_to_png (surface);
}

/* Draws text along a circle, one character at a time. */
static void
draw_ring_text (cairo_t    *cr,
                const char *text,
                double      radius,
                double      start,
                double      step)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Noto Sans Bold 19px");
  double angle = start;

  pango_layout_set_font_description (layout, desc);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), angle += step)
    {
      int w, h;

      pango_layout_set_text (layout, p, g_utf8_next_char (p) - p);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_save (cr);
      cairo_rotate (cr, angle);
      cairo_move_to (cr, -w / 2.0, -radius);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* A red round seal: two rings, the organization's name around, a star. */
static GBytes *
make_seal_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 300);
  cairo_t *cr = cairo_create (surface);
  const char *ring = "ỦY BAN NHÂN DÂN XÃ AN BÌNH ★ TỈNH BẮC NINH ★";

  cairo_set_source_rgba (cr, 0.85, 0.05, 0.05, 0.9);
  cairo_translate (cr, 150, 150);
  cairo_set_line_width (cr, 7);
  cairo_arc (cr, 0, 0, 142, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2.5);
  cairo_arc (cr, 0, 0, 100, 0, 2 * G_PI);
  cairo_stroke (cr);
  draw_ring_text (cr, ring, 133, 0, 2 * G_PI / g_utf8_strlen (ring, -1));
  cairo_new_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 == 0 ? 40 : 16;
      double a = -G_PI / 2 + i * G_PI / 5;

      cairo_line_to (cr, r * cos (a), r * sin (a));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
  return surface_to_png (surface);
}

static char *
output_path (const char *name)
{
  const char *build = g_getenv ("XASO_BUILD_DIR");

  return g_build_filename (build != NULL ? build : ".", "tests", "pdf", name, NULL);
}

static char *
write_output (const char *name,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = output_path (name);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* pdftotext's words joined by single spaces, so wrapped lines compare as
 * one text. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = pdf_test_run (argv);
  g_auto(GStrv) words = NULL;

  if (out == NULL)
    return NULL;
  words = g_strsplit_set (g_strstrip (out), " \n\f\r\t", -1);
  for (guint i = 0, j = 0;; i++)
    {
      if (words[i] != NULL && *words[i] == '\0')
        {
          g_free (words[i]);
          continue;
        }
      words[j++] = words[i];
      if (words[i] == NULL)
        break;
    }
  return g_strjoinv (" ", words);
}

/* The checks every rendered appearance must pass: one page of the
 * signature's size, in our reader, in pdfinfo and in qpdf, with its font
 * embedded as a subset. */
static void
check_pdf (GBytes     *pdf,
           const char *path,
           const char *size_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_bytes (pdf, &error);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *qpdf_argv[] = { "qpdf", "--check", path, NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };
  g_autofree char *info = pdf_test_run (info_argv);
  g_autofree char *check = pdf_test_run (qpdf_argv);
  g_autofree char *fonts = pdf_test_run (fonts_argv);

  g_assert_no_error (error);
  g_assert_cmpuint (xaso_pdf_document_get_n_pages (doc), ==, 1);
  if (info == NULL || check == NULL || fonts == NULL)
    {
      g_test_skip ("pdfinfo, qpdf or pdffonts is missing");
      return;
    }
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, size_line));
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  /* name+subset, type, encoding, emb yes, sub yes, uni yes */
  g_assert_true (g_regex_match_simple ("^[A-Z]{6}\\+\\S+ .* yes yes yes ", fonts, G_REGEX_MULTILINE, 0));
}

static GBytes *
render_checked (const XasoPdfAppearance *spec,
                double                   width,
                double                   height,
                const char              *name,
                char                   **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = xaso_pdf_appearance_render (spec, width, height, &error);
  g_autoptr(GBytes) png = xaso_pdf_appearance_render_png (spec, width, height, 4, &error);
  g_autofree char *pdf_name = g_strconcat (name, ".pdf", NULL);
  g_autofree char *png_name = g_strconcat (name, ".png", NULL);
  g_autofree char *png_path = NULL;
  g_autofree char *size_line = g_strdup_printf ("Page size:       %g x %g pts", width, height);

  g_assert_no_error (error);
  *path = write_output (pdf_name, pdf);
  png_path = write_output (png_name, png);
  g_test_message ("preview: %s", png_path);
  check_pdf (pdf, *path, size_line);
  return g_steal_pointer (&pdf);
}

static void
assert_text_has (const char *text,
                 const char *needle)
{
  if (text != NULL && strstr (text, needle) == NULL)
    g_error ("“%s” is not in the rendered text “%s”", needle, text);
}

static void
test_leader (void)
{
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GBytes) image = make_signature_png ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  XasoPdfAppearance spec;

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  spec.signer = SIGNER;
  spec.organization = ORGANIZATION;
  spec.time = time;
  spec.image = image;
  pdf = render_checked (&spec, 200, 90, "appearance-leader", &path);
  text = pdf_text (path);
  assert_text_has (text, "Ký bởi: " SIGNER);
  assert_text_has (text, "Cơ quan: " ORGANIZATION);
  assert_text_has (text, "Thời gian ký: 05.01.2026 14:30:15 +07:00");
}

static void
test_organization (void)
{
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GBytes) seal = make_seal_png ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  XasoPdfAppearance spec;

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_ORGANIZATION);
  spec.signer = SIGNER;
  spec.organization = ORGANIZATION;
  spec.time = time;
  spec.seal = seal;
  pdf = render_checked (&spec, 256, 80, "appearance-organization", &path);
  text = pdf_text (path);
  assert_text_has (text, "Ký bởi: " ORGANIZATION);
  assert_text_has (text, "Thời gian ký: 05.01.2026 14:30:15 +07:00");
  g_assert_null (strstr (text != NULL ? text : "", SIGNER));
  g_assert_null (strstr (text != NULL ? text : "", "Số:"));

  /* Once issued, the seal carries the number and notation too. */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&pdf, g_bytes_unref);
  spec.document_number = "15/QĐ-UBND";
  pdf = render_checked (&spec, 256, 96, "appearance-organization-numbered", &path);
  text = pdf_text (path);
  assert_text_has (text, "Số: 15/QĐ-UBND");
  assert_text_has (text, "Ký bởi: " ORGANIZATION);
}

static void
test_copy (void)
{
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) attachment = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *fonts_argv[3] = { "pdffonts", NULL, NULL };
  g_autofree char *fonts = NULL;
  XasoPdfAppearance spec;

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_COPY);
  spec.organization = ORGANIZATION;
  spec.copy_form = "SAO Y";
  spec.document_number = "15/QĐ-UBND";
  spec.time = time;
  pdf = render_checked (&spec, 200, 42, "appearance-copy", &path);
  text = pdf_text (path);
  assert_text_has (text, "SAO Y " ORGANIZATION " 2026-01-05T14:30:15+07:00");
  /* Decree 30's Times New Roman is not free: its stand-in is Noto Serif. */
  fonts_argv[1] = path;
  fonts = pdf_test_run (fonts_argv);
  g_assert_true (fonts == NULL || strstr (fonts, "NotoSerif") != NULL);

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  spec.copy_form = NULL;
  attachment = render_checked (&spec, 200, 42, "appearance-attachment", &path);
  text = pdf_text (path);
  assert_text_has (text, "15/QĐ-UBND 2026-01-05T14:30:15+07:00");
  g_assert_null (strstr (text != NULL ? text : "", "SAO Y"));
}

static char *
expand (const XasoPdfAppearance  *spec,
        GError                  **error)
{
  return xaso_pdf_appearance_expand_text (spec, error);
}

static void
test_template (void)
{
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  XasoPdfAppearance spec;

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  spec.signer = "Trần Thị\nHoa";
  spec.time = time;
  /* No organization: its line goes, and the name stays on one line. */
  text = expand (&spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ký bởi: Trần Thị Hoa\nThời gian ký: 05.01.2026 14:30:15 +07:00");
  g_clear_pointer (&text, g_free);

  spec.text_template = "Người ký: {signer}\n{{lý do}}: {reason}\nTại {location}\nKý số\n{time_iso}";
  spec.reason = "Phê duyệt";
  text = expand (&spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "Người ký: Trần Thị Hoa\n{lý do}: Phê duyệt\nKý số\n2026-01-05T14:30:15+07:00");
  g_clear_pointer (&text, g_free);

  spec.text_template = "Ký bởi: {ten}";
  g_assert_null (expand (&spec, &error));
  g_assert_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "“ten”"));
  g_clear_error (&error);

  spec.text_template = "Ký bởi: {signer";
  g_assert_null (expand (&spec, &error));
  g_assert_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_TEMPLATE);
  g_clear_error (&error);

  spec.text_template = "";
  text = expand (&spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");
}

/* Parses pdftotext -bbox and checks that every word lies on the page. */
static guint
assert_words_inside (const char *path,
                     double      width,
                     double      height)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = pdf_test_run (argv);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint words = 0;

  if (out == NULL)
    return 0;
  regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\"",
                       0, 0, NULL);
  for (g_regex_match (regex, out, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL), words++)
    {
      double box[4];

      for (int i = 0; i < 4; i++)
        {
          g_autofree char *number = g_match_info_fetch (match, i + 1);

          box[i] = g_ascii_strtod (number, NULL);
        }
      g_assert_cmpfloat (box[0], >=, 0);
      g_assert_cmpfloat (box[1], >=, 0);
      g_assert_cmpfloat (box[2], <=, width);
      g_assert_cmpfloat (box[3], <=, height);
    }
  return words;
}

static double
fitted_size (const char *text,
             double      width,
             double      height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = NULL;
  double size = 0;

  layout = xaso_pdf_appearance_fit_text (cr, text, NULL, 10, width, height, &size);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return size;
}

static void
test_long_name (void)
{
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) tiny = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expanded = NULL;
  const char *name = "Tôn Nữ Hoàng Phương Thảo Nguyễn Thị Minh Khuê Trần Lê Ngọc Bích";
  XasoPdfAppearance spec;

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  spec.signer = name;
  spec.organization = "Trung tâm Phục vụ hành chính công xã An Bình, tỉnh Bắc Ninh";
  spec.time = time;
  pdf = render_checked (&spec, 130, 60, "appearance-long-name", &path);
  text = pdf_text (path);
  /* Wrapped over lines and shrunk, but whole. */
  assert_text_has (text, name);
  assert_text_has (text, "Thời gian ký: 05.01.2026 14:30:15 +07:00");
  g_assert_cmpuint (assert_words_inside (path, 130, 60), >, 10);
  expanded = xaso_pdf_appearance_expand_text (&spec, NULL);
  g_assert_cmpfloat (fitted_size (expanded, 127, 57), <, 10);
  g_assert_cmpfloat (fitted_size (expanded, 127, 57), >=, XASO_PDF_APPEARANCE_MIN_FONT_SIZE);
  g_assert_cmpfloat (fitted_size ("Ký bởi: A", 127, 57), ==, 10);

  /* Far too much text for the box: cut with an ellipsis, still inside. */
  g_clear_pointer (&path, g_free);
  tiny = render_checked (&spec, 40, 14, "appearance-tiny", &path);
  assert_words_inside (path, 40, 14);
}

static void
assert_image_refused (GBytes     *png,
                      const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  XasoPdfAppearance spec;

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_ORGANIZATION);
  spec.organization = ORGANIZATION;
  spec.seal = png;
  pdf = xaso_pdf_appearance_render (&spec, 200, 80, &error);
  g_assert_null (pdf);
  g_assert_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_IMAGE);
  g_assert_true (g_str_has_prefix (error->message, "Seal image: "));
  g_assert_nonnull (strstr (error->message, message));
}

static void
test_bad_images (void)
{
  static const guint8 jpeg[40] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F' };
  g_autoptr(GBytes) not_png = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr(GBytes) good = make_signature_png ();
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  guint8 *big = g_malloc0 (XASO_PDF_APPEARANCE_MAX_IMAGE_BYTES + 1);
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(GBytes) too_wide = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  assert_image_refused (not_png, "not a PNG");
  assert_image_refused (empty, "not a PNG");
  assert_image_refused (truncated, "damaged");
  /* A real PNG header on 8 MB of nothing: refused on its size alone. */
  memcpy (big, g_bytes_get_data (good, NULL), 33);
  too_big = g_bytes_new_take (big, XASO_PDF_APPEARANCE_MAX_IMAGE_BYTES + 1);
  assert_image_refused (too_big, "8 MB");
  too_wide = surface_to_png (cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4097, 2));
  assert_image_refused (too_wide, "4097 × 2");
}

static void
test_bad_arguments (void)
{
  g_autoptr(GError) error = NULL;
  XasoPdfAppearance spec;
  const double sizes[][2] = { { 0, 50 }, { 50, -1 }, { NAN, 50 }, { 50, INFINITY }, { 20000, 50 } };

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  spec.signer = SIGNER;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_assert_null (xaso_pdf_appearance_render (&spec, sizes[i][0], sizes[i][1], &error));
      g_assert_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_null (xaso_pdf_appearance_render_png (&spec, 200, 80, 100, &error));
  g_assert_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_INVALID);
  g_clear_error (&error);
  spec.text_color = "blue";
  g_assert_null (xaso_pdf_appearance_render (&spec, 200, 80, &error));
  g_assert_error (error, XASO_PDF_APPEARANCE_ERROR, XASO_PDF_APPEARANCE_ERROR_INVALID);
}

/* Where a user-space point shows on a page turned by /Rotate: from the top
 * left corner of the visible box, y down. */
static void
to_display (int           rotate,
            const double  box[4],
            double        ux,
            double        uy,
            double       *x,
            double       *y)
{
  switch (rotate)
    {
    case 90:  *x = uy - box[1]; *y = ux - box[0]; break;
    case 180: *x = box[2] - ux; *y = uy - box[1]; break;
    case 270: *x = box[3] - uy; *y = box[2] - ux; break;
    default:  *x = ux - box[0]; *y = box[3] - uy; break;
    }
}

static void
check_copy_rect (const XasoPdfAppearanceRect *media,
                 const XasoPdfAppearanceRect *crop,
                 int                          rotate)
{
  const XasoPdfAppearanceRect *v = crop != NULL ? crop : media;
  double box[4] = { v->x, v->y, v->x + v->width, v->y + v->height };
  double page_w = rotate % 180 == 0 ? v->width : v->height;
  XasoPdfAppearanceRect r;
  double x0, y0, x1, y1, m[6];

  xaso_pdf_appearance_copy_rect (media, crop, rotate, 0, 0, &r);
  to_display (rotate, box, r.x, r.y, &x0, &y0);
  to_display (rotate, box, r.x + r.width, r.y + r.height, &x1, &y1);
  /* At the top right as displayed, 8 pt from the top, 15 mm from the right. */
  g_assert_cmpfloat_with_epsilon (MIN (y0, y1), 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (page_w - MAX (x0, x1), 42.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (fabs (x1 - x0), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (fabs (y1 - y0), 42, 1e-9);

  /* The appearance's up (0, 1) shows upward and its x axis to the right. */
  xaso_pdf_appearance_rotation_matrix (rotate, 200, 42, m);
  to_display (rotate, box, m[2], m[3], &x0, &y0);
  to_display (rotate, box, 0, 0, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0 - x1, 0, 1e-9);
  g_assert_cmpfloat (y0 - y1, <, 0);
  to_display (rotate, box, m[0], m[1], &x0, &y0);
  g_assert_cmpfloat (x0 - x1, >, 0);
  g_assert_cmpfloat_with_epsilon (y0 - y1, 0, 1e-9);
  /* And the turned box [0 0 200 42] lands in positive coordinates. */
  g_assert_cmpfloat (m[0] * 200 + m[2] * 42 + m[4], >=, 0);
  g_assert_cmpfloat (m[1] * 200 + m[3] * 42 + m[5], >=, 0);
}

static void
test_copy_rect (void)
{
  const XasoPdfAppearanceRect a4 = { 0, 0, 595.276, 841.89 };
  const XasoPdfAppearanceRect shifted = { -10, 20, 612, 792 };
  const XasoPdfAppearanceRect crop = { 30, 40, 500, 700 };
  XasoPdfAppearanceRect r;

  xaso_pdf_appearance_copy_rect (&a4, NULL, 0, 0, 0, &r);
  g_assert_cmpfloat_with_epsilon (r.x, 595.276 - 42.5 - 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.y, 841.89 - 8 - 42, 1e-9);
  for (int rotate = 0; rotate < 360; rotate += 90)
    {
      check_copy_rect (&a4, NULL, rotate);
      check_copy_rect (&shifted, NULL, rotate);
      check_copy_rect (&shifted, &crop, rotate);
    }
  /* -90 is 270, and a rotation that is not a quarter turn is ignored. */
  xaso_pdf_appearance_copy_rect (&a4, NULL, -90, 0, 0, &r);
  g_assert_cmpfloat (r.width, ==, 42);
  xaso_pdf_appearance_copy_rect (&a4, NULL, 45, 0, 0, &r);
  g_assert_cmpfloat (r.width, ==, 200);
}

static void
test_organization_rect (void)
{
  const XasoPdfAppearanceRect leader = { 350, 150, 210, 90 };
  XasoPdfAppearanceRect r;

  xaso_pdf_appearance_organization_rect (&leader, 0, &r);
  /* The seal is the right-hand square of the box; it ends a third of the
   * way into the leader's signature and is centred on the upper part of
   * the leader's box, where the handwritten signature is. */
  g_assert_cmpfloat_with_epsilon (r.x + r.width, 350 + 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.height, 90, 1e-9);
  g_assert_cmpfloat (r.x + r.width - r.height, <, leader.x);
  g_assert_cmpfloat (r.y + r.height / 2, >, 150 + 45);
  g_assert_cmpfloat (r.y + r.height / 2, <, 150 + 90);
  xaso_pdf_appearance_organization_rect (&leader, 110, &r);
  g_assert_cmpfloat_with_epsilon (r.height, 110, 1e-9);
}

static cairo_surface_t *
load_png (GBytes *png)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = xaso_pdf_appearance_load_png (png, FALSE, &error);

  g_assert_no_error (error);
  return surface;
}

static GBytes *
render_png (XasoPdfAppearance           *spec,
            const XasoPdfAppearanceRect *rect,
            double                       scale)
{
  g_autoptr(GError) error = NULL;
  GBytes *png = xaso_pdf_appearance_render_png (spec, rect->width, rect->height, scale, &error);

  g_assert_no_error (error);
  return png;
}

static void
paint_at (cairo_t                     *cr,
          GBytes                      *png,
          const XasoPdfAppearanceRect *rect,
          double                       top)
{
  cairo_surface_t *surface = load_png (png);

  cairo_save (cr);
  cairo_translate (cr, rect->x, top - rect->y - rect->height);
  cairo_scale (cr, rect->width / cairo_image_surface_get_width (surface),
               rect->height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
show_line (cairo_t    *cr,
           const char *markup,
           double      center_x,
           double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Noto Serif 13px");
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, center_x - w / 2.0, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* Opaque pixels that are mostly red, or mostly blue. */
static guint
count_ink (GBytes   *png,
           gboolean  red)
{
  cairo_surface_t *surface = load_png (png);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        guint a = px >> 24, r = (px >> 16) & 0xff, b = px & 0xff;

        if (a > 200 && (red ? r > 150 && b < 60 : b > 120 && r < 60))
          count++;
      }
  cairo_surface_destroy (surface);
  return count;
}

/* Both signatures where they go on the last page, between the title line
 * and the name, as the reader will see them: written for a person to look
 * at, and checked for the ink of each. */
static void
test_preview (void)
{
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GBytes) image = make_signature_png ();
  g_autoptr(GBytes) seal = make_seal_png ();
  g_autoptr(GBytes) leader_png = NULL;
  g_autoptr(GBytes) org_png = NULL;
  g_autoptr(GBytes) page_png = NULL;
  g_autofree char *path = NULL;
  const XasoPdfAppearanceRect leader = { 340, 120, 200, 90 };
  XasoPdfAppearanceRect org;
  XasoPdfAppearance spec;
  cairo_surface_t *page = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 280);
  cairo_t *cr = cairo_create (page);

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  spec.signer = SIGNER;
  spec.organization = ORGANIZATION;
  spec.time = time;
  spec.image = image;
  spec.seal = seal;
  leader_png = render_png (&spec, &leader, 3);
  spec.kind = XASO_PDF_APPEARANCE_ORGANIZATION;
  xaso_pdf_appearance_organization_rect (&leader, 100, &org);
  org_png = render_png (&spec, &org, 3);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_line (cr, "<b>TM. ỦY BAN NHÂN DÂN</b>", 440, 20);
  show_line (cr, "<b>CHỦ TỊCH</b>", 440, 38);
  show_line (cr, "<b>" SIGNER "</b>", 440, 165);
  paint_at (cr, leader_png, &leader, 270);
  paint_at (cr, org_png, &org, 270);
  cairo_destroy (cr);
  page_png = surface_to_png (page);
  g_assert_cmpuint (count_ink (leader_png, FALSE), >, 1000);
  g_assert_cmpuint (count_ink (leader_png, TRUE), ==, 0);
  g_assert_cmpuint (count_ink (org_png, TRUE), >, 1000);
  path = write_output ("appearance-leader-and-seal.png", page_png);
  g_test_message ("preview: %s", path);
}

/* A configured family without Vietnamese letters must not mix typefaces:
 * it gives way to the fallback; one that has them is used. */
static void
test_font_family (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (map));
  g_autofree char *nimbus = xaso_pdf_appearance_resolve_family (PANGO_CONTEXT (context), "Nimbus Roman");
  g_autofree char *dejavu = xaso_pdf_appearance_resolve_family (PANGO_CONTEXT (context), "DejaVu Sans");
  g_autofree char *unset = xaso_pdf_appearance_resolve_family (PANGO_CONTEXT (context), NULL);
  g_autoptr(GDateTime) time = signing_time ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *argv[3] = { "pdffonts", NULL, NULL };
  g_autofree char *fonts = NULL;
  XasoPdfAppearance spec;

  g_assert_cmpstr (nimbus, ==, XASO_PDF_APPEARANCE_FALLBACK_FAMILY);
  g_assert_cmpstr (dejavu, ==, "DejaVu Sans");
  g_assert_cmpstr (unset, ==, XASO_PDF_APPEARANCE_FALLBACK_FAMILY);

  xaso_pdf_appearance_init (&spec, XASO_PDF_APPEARANCE_LEADER);
  spec.signer = SIGNER;
  spec.time = time;
  spec.font_family = "DejaVu Sans";
  spec.text_color = "#006400";
  pdf = render_checked (&spec, 200, 50, "appearance-dejavu", &path);
  text = pdf_text (path);
  assert_text_has (text, "Ký bởi: " SIGNER);
  argv[1] = path;
  fonts = pdf_test_run (argv);
  g_assert_true (fonts == NULL || strstr (fonts, "DejaVuSans") != NULL);
}

/* Read by LeakSanitizer in the sanitized build.  Debian 12's fontconfig
 * loses a few hundred bytes while it parses its own configuration files
 * (the stacks end in expat, under FcConfigParseAndLoad), once per process;
 * that is not ours to fix, and nothing of ours allocates inside it. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/appearance/leader/image-and-text", test_leader);
  g_test_add_func ("/pdf/appearance/organization/seal-and-text", test_organization);
  g_test_add_func ("/pdf/appearance/copy/number-or-form-and-iso-time", test_copy);
  g_test_add_func ("/pdf/appearance/template/fields-and-empty-lines", test_template);
  g_test_add_func ("/pdf/appearance/text/long-names-wrap-shrink-stay-inside", test_long_name);
  g_test_add_func ("/pdf/appearance/image/bad-images-refused", test_bad_images);
  g_test_add_func ("/pdf/appearance/arguments/out-of-range-refused", test_bad_arguments);
  g_test_add_func ("/pdf/appearance/rect/copy-top-right-of-rotated-pages", test_copy_rect);
  g_test_add_func ("/pdf/appearance/rect/seal-over-left-third", test_organization_rect);
  g_test_add_func ("/pdf/appearance/preview/leader-and-seal", test_preview);
  g_test_add_func ("/pdf/appearance/font/family-needs-vietnamese", test_font_family);

  status = g_test_run ();
  /* Pango's font map holds fontconfig's patterns for the whole process;
   * releasing it lets the sanitized build tell real leaks from caches. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
