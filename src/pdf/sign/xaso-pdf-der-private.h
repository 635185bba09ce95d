/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small, strict DER reader and writer for the few ASN.1 structures GnuTLS
 * does not build for us: the ESS signing-certificate-v2 value, RFC 3161
 * requests, responses and TSTInfo, and the unsigned attribute spliced into
 * a SignerInfo. Single-byte tags only; indefinite lengths are refused. */

#define XASO_DER_BOOLEAN      0x01
#define XASO_DER_INTEGER      0x02
#define XASO_DER_OCTET_STRING 0x04
#define XASO_DER_NULL         0x05
#define XASO_DER_OID          0x06
#define XASO_DER_GENERALIZED_TIME 0x18
#define XASO_DER_SEQUENCE     0x30
#define XASO_DER_SET          0x31
#define XASO_DER_CONTEXT(n)   (0xa0 | (n))      /* [n] constructed */

typedef struct
{
  guint8        tag;
  const guint8 *start;          /* the tag byte */
  const guint8 *content;
  gsize         content_len;
  gsize         total_len;      /* header and content */
} XasoDer;

/* One TLV at the start of @data; FALSE when it does not fit in @len. */
gboolean xaso_der_read        (const guint8 *data,
                               gsize         len,
                               XasoDer      *out);
/* The first child of a constructed value, then the one after @child. */
gboolean xaso_der_first       (const XasoDer *parent,
                               XasoDer       *child);
gboolean xaso_der_next        (const XasoDer *parent,
                               const XasoDer *child,
                               XasoDer       *next);
/* The @index-th child (0-based) with tag @tag expected; FALSE otherwise. */
gboolean xaso_der_child       (const XasoDer *parent,
                               guint          index,
                               guint8         tag,
                               XasoDer       *child);
gboolean xaso_der_oid_equal   (const XasoDer *oid,
                               const char    *dotted);
gboolean xaso_der_get_int     (const XasoDer *integer,
                               gint64        *value);

/* Writers append to @out. */
void     xaso_der_put_header  (GByteArray    *out,
                               guint8         tag,
                               gsize          len);
void     xaso_der_put         (GByteArray    *out,
                               guint8         tag,
                               const guint8  *content,
                               gsize          len);
void     xaso_der_put_oid     (GByteArray    *out,
                               const char    *dotted);
void     xaso_der_put_uint    (GByteArray    *out,
                               guint64        value);
/* Wraps everything in @out from @from on into one TLV of @tag. */
void     xaso_der_wrap_from   (GByteArray    *out,
                               gsize          from,
                               guint8         tag);

G_END_DECLS
