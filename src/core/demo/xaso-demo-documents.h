/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "xaso-demo-names.h"
#include "xaso-demo-random.h"

G_BEGIN_DECLS

/* Demo documents of a commune People's Committee: incoming documents from
 * provincial agencies and outgoing ones drafted by the commune, with
 * realistic types, issuers, notations and subjects (trích yếu). */

/* A document type of Decree 30/2020, Appendix III. */
typedef struct
{
  const char *name;   /* "Quyết định" */
  const char *abbr;   /* "QĐ"; NULL for công văn and thư công, which have none */
} XasoDemoDocumentType;

/* A provincial agency sending documents to the commune. */
typedef struct
{
  const char *name;           /* "Sở Tư pháp", completed with the province */
  const char *abbr;           /* "STP", the issuer part of a notation */
  const char *units[6];       /* drafting units for công văn ("VP", "HCTP"…), NULL-terminated */
  const char *head_title;     /* "Giám đốc" */
  const char *deputy_title;   /* "Phó Giám đốc" */
  guint       yearly_volume;  /* roughly how many công văn it issues a year */
} XasoDemoIssuer;

/* A department of the commune, drafting outgoing công văn. */
typedef struct
{
  const char *abbr;   /* "VP" */
  const char *name;   /* "Văn phòng HĐND và UBND" */
} XasoDemoUnit;

/* In the order of Decree 30/2020: thường, then Khẩn < Thượng khẩn < Hỏa tốc. */
typedef enum
{
  XASO_DEMO_URGENCY_NORMAL,
  XASO_DEMO_URGENCY_URGENT,        /* Khẩn */
  XASO_DEMO_URGENCY_VERY_URGENT,   /* Thượng khẩn */
  XASO_DEMO_URGENCY_FLASH,         /* Hỏa tốc */
} XasoDemoUrgency;

typedef enum
{
  XASO_DEMO_SECRECY_NONE,
  XASO_DEMO_SECRECY_CONFIDENTIAL,  /* Mật */
  XASO_DEMO_SECRECY_SECRET,        /* Tối mật */
  XASO_DEMO_SECRECY_TOP_SECRET,    /* Tuyệt mật */
} XasoDemoSecrecy;

/* One demo document. Strings marked "owned" are freed by
 * xaso_demo_document_clear(); the others are static. A confidential
 * document (secrecy above NONE) must be stored as a stub only: number,
 * date and the mark, never its subject. */
typedef struct
{
  const XasoDemoDocumentType *type;
  char            *issuer;        /* owned; "Sở Tư pháp tỉnh Tây Ninh", or the commune's agency */
  char            *notation;      /* owned; incoming "45/KH-UBND", "1234/UBND-KGVX"; outgoing NULL */
  guint            number;        /* incoming: the issuer's number; outgoing: 0, the register assigns it */
  char            *subject;       /* owned; trích yếu without the type name; công văn start "V/v" */
  const char      *unit_abbr;     /* drafting unit of a công văn, else NULL */
  const char      *signer_title;  /* "Phó Giám đốc", "Chủ tịch" */
  char            *signer_name;   /* owned; incoming only, NULL for outgoing (use the commune's staff) */
  char            *recipients;    /* owned; outgoing only: the "Nơi nhận", "; "-separated */
  XasoDemoUrgency  urgency;
  XasoDemoSecrecy  secrecy;
  guint            reply_days;    /* incoming: working days to handle it, 0 when no deadline */
} XasoDemoDocument;

const XasoDemoDocumentType *xaso_demo_document_types       (guint                 *n_types);
const XasoDemoDocumentType *xaso_demo_document_type_lookup (const char            *abbr);
const XasoDemoIssuer       *xaso_demo_issuers              (guint                 *n_issuers);
const XasoDemoIssuer       *xaso_demo_issuer_lookup        (const char            *abbr);
char                       *xaso_demo_issuer_full_name     (const XasoDemoIssuer  *issuer,
                                                            const XasoDemoCommune *commune);
const XasoDemoUnit         *xaso_demo_commune_units        (gboolean               ward,
                                                            guint                 *n_units);
char                       *xaso_demo_signer_name          (XasoDemoRandom        *r,
                                                            int                    year);

void xaso_demo_incoming_document (XasoDemoRandom        *r,
                                  const XasoDemoCommune *commune,
                                  int                    year,
                                  int                    month,
                                  XasoDemoDocument      *doc);
void xaso_demo_outgoing_document (XasoDemoRandom        *r,
                                  const XasoDemoCommune *commune,
                                  int                    year,
                                  int                    month,
                                  XasoDemoDocument      *doc);
void xaso_demo_document_clear    (XasoDemoDocument      *doc);

G_END_DECLS
