/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The visible appearance of a signature (DOMAIN.md, "Signatures on
 * documents"), drawn into a one-page PDF whose page the signer grafts into
 * the document as a form XObject.  The page is the signature rectangle, in
 * points, with the origin at its lower left. */

#define XASO_PDF_APPEARANCE_ERROR (xaso_pdf_appearance_error_quark ())
GQuark xaso_pdf_appearance_error_quark (void);

typedef enum {
  XASO_PDF_APPEARANCE_ERROR_INVALID,  /* a size, a scale or a colour is out of range */
  XASO_PDF_APPEARANCE_ERROR_IMAGE,    /* an image is not a PNG, is damaged or too large */
  XASO_PDF_APPEARANCE_ERROR_TEMPLATE, /* the text template names an unknown field */
  XASO_PDF_APPEARANCE_ERROR_FAILED,   /* cairo could not draw or write */
} XasoPdfAppearanceError;

typedef enum {
  /* The competent person (ký số cá nhân): the blue handwritten signature
   * image above the text block, blue text. */
  XASO_PDF_APPEARANCE_LEADER,
  /* The organization, applied by the văn thư: the red seal image with the
   * organization's name and the time, red text. */
  XASO_PDF_APPEARANCE_ORGANIZATION,
  /* An attachment in a separate file or an electronic copy (bản sao điện
   * tử): no image, black text, for the top right of page 1. */
  XASO_PDF_APPEARANCE_COPY,
} XasoPdfAppearanceKind;

/* Every pointer is borrowed and may be NULL; a field left NULL or empty
 * removes the template lines that use it. */
typedef struct {
  XasoPdfAppearanceKind kind;
  const char *signer;          /* {signer}: the name on the certificate */
  const char *organization;    /* {organization}: cơ quan */
  GDateTime *time;             /* {time}, {time_iso}: the signing time (/M), shown at +07:00 */
  const char *reason;          /* {reason} */
  const char *location;        /* {location} */
  const char *document_number; /* {number}: số và ký hiệu, e.g. "15/QĐ-UBND" */
  const char *copy_form;       /* {copy_form}: "SAO Y", "SAO LỤC" or "TRÍCH SAO" */
  const char *text_template;   /* NULL: xaso_pdf_appearance_default_template() */
  GBytes *image;               /* LEADER: the handwritten signature, a transparent PNG */
  GBytes *seal;                /* ORGANIZATION: the seal, a transparent PNG */
  const char *font_family;     /* NULL: Noto Serif; a family without Vietnamese falls back to it */
  double font_size;            /* the largest size tried, in points; 0: the kind's default */
  const char *text_color;      /* "#rrggbb"; NULL: blue, red or black by kind */
} XasoPdfAppearance;

/* A rectangle in a page's default user space (PDF points, y up). */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} XasoPdfAppearanceRect;

void        xaso_pdf_appearance_init             (XasoPdfAppearance           *spec,
                                                  XasoPdfAppearanceKind        kind);
const char *xaso_pdf_appearance_default_template (const XasoPdfAppearance     *spec);
char       *xaso_pdf_appearance_expand_text      (const XasoPdfAppearance     *spec,
                                                  GError                     **error);

GBytes     *xaso_pdf_appearance_render           (const XasoPdfAppearance     *spec,
                                                  double                       width_pt,
                                                  double                       height_pt,
                                                  GError                     **error);
GBytes     *xaso_pdf_appearance_render_png       (const XasoPdfAppearance     *spec,
                                                  double                       width_pt,
                                                  double                       height_pt,
                                                  double                       scale,
                                                  GError                     **error);

void        xaso_pdf_appearance_copy_rect        (const XasoPdfAppearanceRect *media_box,
                                                  const XasoPdfAppearanceRect *crop_box,
                                                  int                          rotate,
                                                  double                       width_pt,
                                                  double                       height_pt,
                                                  XasoPdfAppearanceRect       *out);
void        xaso_pdf_appearance_rotation_matrix  (int                          rotate,
                                                  double                       width_pt,
                                                  double                       height_pt,
                                                  double                       matrix[6]);
void        xaso_pdf_appearance_organization_rect (const XasoPdfAppearanceRect *leader,
                                                   double                       seal_pt,
                                                   XasoPdfAppearanceRect       *out);

G_END_DECLS
