/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What was added to the file after a signature. */
typedef enum
{
  XASO_PDF_AFTER_NOTHING,       /* the signature covers the whole file */
  XASO_PDF_AFTER_SIGNATURES,    /* only later signatures (each with its update) */
  XASO_PDF_AFTER_CHANGES,       /* incremental updates that no signature covers:
                                 * the document was changed after signing */
} XasoPdfAfterSigning;

/* One signature, as the signatures panel and `xasoctl pdf verify` show it.
 * Texts are UTF-8; times are NULL when unknown. */
typedef struct
{
  char       *field_name;
  char       *sub_filter;
  /* The byte range: [0 a b c] leaving out exactly /Contents. */
  gboolean    range_ok;
  guint64     signed_end;       /* b + c: where the signed revision ends */
  guint64     uncovered;        /* bytes of that revision left out besides /Contents */
  XasoPdfAfterSigning after;
  guint       later_updates;    /* revisions after this signature */
  guint       later_signatures; /* signatures made after this one */
  /* The CMS. */
  gboolean    cms_ok;           /* parsed, with exactly the signer we need */
  gboolean    digest_ok;        /* message-digest matches the signed bytes */
  gboolean    signature_ok;     /* the signer's key signed the attributes */
  gboolean    ess_present;      /* signing-certificate(-v2) attribute */
  gboolean    ess_ok;           /* its hash names the signer certificate */
  gboolean    has_signing_time; /* a CMS signing-time (PAdES forbids it) */
  /* The certificate. */
  char       *signer_name;      /* subject CN */
  char       *organization;     /* subject O */
  char       *subject;          /* the whole subject DN */
  char       *issuer;           /* the issuer DN */
  char       *serial;           /* hex */
  GDateTime  *not_before;
  GDateTime  *not_after;
  gboolean    trusted;          /* chains to a configured root */
  char       *trust_problem;    /* why not, translated; NULL when trusted */
  /* Time. */
  GDateTime  *claimed_time;     /* /M: what the signer's computer said */
  gboolean    has_timestamp;    /* an RFC 3161 signature-time-stamp (B-T) */
  gboolean    timestamp_ok;     /* its signature and imprint check out */
  gboolean    timestamp_trusted; /* its TSA chains to a configured root */
  GDateTime  *timestamp_time;
  /* Every problem found, as translated sentences. */
  GPtrArray  *problems;
} XasoPdfSignatureReport;

typedef struct
{
  guint64    file_size;
  guint      n_revisions;
  GPtrArray *signatures;        /* of XasoPdfSignatureReport *, in signing order */
} XasoPdfVerifyReport;

/* Valid: the byte range, digest, signature and ESS hash all check out.
 * Trust is a separate question (valid but untrusted). */
gboolean  xaso_pdf_signature_report_is_valid (const XasoPdfSignatureReport *report);
/* Revocation is never checked offline: always "not checked", translated. */
const char *xaso_pdf_signature_report_revocation (const XasoPdfSignatureReport *report);
void      xaso_pdf_verify_report_free        (XasoPdfVerifyReport *report);

/* Where the desktop keeps the trusted root certificates (the government
 * CA roots an administrator imports in Preferences → Chữ ký số): one PEM
 * file each under the user data folder's xaso/trust. */
char     *xaso_pdf_dup_default_trust_dir     (void);
/* The paths to give xaso_pdf_verify_file () by default: that folder when
 * it exists, else none (nothing is trusted). */
GStrv     xaso_pdf_dup_default_trust_paths   (void);

/* Verifies every signature of @path. @trust_paths: PEM files or folders
 * of root certificates (the configured government CA roots); NULL or
 * empty: nothing is trusted. Blocking, for a worker thread. */
XasoPdfVerifyReport *xaso_pdf_verify_file    (const char          *path,
                                              const char * const  *trust_paths,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoPdfVerifyReport, xaso_pdf_verify_report_free)

G_END_DECLS
