/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs7.h>
#include <string.h>
#include <unistd.h>

#include "pdf-test-util.h"
#include "xaso-pdf-sign.h"
#include "xaso-pdf-verify.h"

/* Helpers of the signing tests: keys made at run time by
 * tests/support/pdf-sign-setup.sh, a local time-stamp authority, and the
 * independent verifiers (pdfsig, qpdf, openssl). */

typedef struct
{
  char  *dir;                   /* keys, certificates, token, NSS database */
  char  *tsa_url;               /* NULL until started */
  int    tsa_stdin;             /* closing it stops the server */
} SignEnv;

static SignEnv sign_env;

static inline char *
sign_env_path (const char *name)
{
  return g_build_filename (sign_env.dir, name, NULL);
}

static inline gboolean
sign_env_tools_present (void)
{
  const char *tools[] = { "certtool", "softhsm2-util", "p11tool", "openssl", "certutil", "pdfsig", "qpdf" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *p = g_find_program_in_path (tools[i]);

      if (p == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Once per test program. FALSE (tests then skip) when a tool is missing. */
static inline gboolean
sign_env_setup (void)
{
  g_autofree char *script = NULL;
  g_autofree char *conf = NULL;
  const char *argv[3];
  int status = 0;

  if (sign_env.dir != NULL)
    return TRUE;
  if (!sign_env_tools_present ())
    return FALSE;
  sign_env.dir = g_dir_make_tmp ("xaso-sign-XXXXXX", NULL);
  script = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "tests", "support", "pdf-sign-setup.sh", NULL);
  argv[0] = script, argv[1] = sign_env.dir, argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  conf = sign_env_path ("softhsm2.conf");
  /* Before GnuTLS first loads the PKCS#11 modules. */
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  return TRUE;
}

static inline const char *
sign_env_tsa (void)
{
  g_autofree char *script = NULL;
  g_autofree char *cnf = NULL;
  g_autofree char *portfile = NULL;
  g_autofree char *port = NULL;
  const char *argv[5];

  if (sign_env.tsa_url != NULL)
    return sign_env.tsa_url;
  script = g_build_filename (g_getenv ("XASO_SOURCE_DIR"), "tests", "support", "tsa-server.py", NULL);
  cnf = sign_env_path ("tsa.cnf");
  portfile = sign_env_path ("tsa.port");
  argv[0] = "/usr/bin/python3", argv[1] = script, argv[2] = cnf, argv[3] = portfile, argv[4] = NULL;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                           &sign_env.tsa_stdin, NULL, NULL, NULL));
  for (guint i = 0; i < 200 && !g_file_get_contents (portfile, &port, NULL, NULL); i++)
    g_usleep (50000);
  g_assert_nonnull (port);
  sign_env.tsa_url = g_strdup_printf ("http://127.0.0.1:%s/", port);
  return sign_env.tsa_url;
}

static inline XasoPdfIdentity *
sign_env_p12 (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.p12", name);
  g_autofree char *path = sign_env_path (file);
  g_autoptr(GError) error = NULL;
  XasoPdfIdentity *identity = xaso_pdf_identity_new_from_pkcs12 (path, "secret", &error);

  g_assert_no_error (error);
  return identity;
}

static inline char *
sign_env_run (const char * const *argv,
              int                *status)
{
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, status, NULL));
  return out;
}

static inline guint
count_lines_with (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* pdfsig exits 0 even on a digest mismatch: its words are the verdict.
 * Every one of @n signatures valid, the last covering the whole file. */
static inline void
oracle_pdfsig (const char *path,
               guint       n)
{
  g_autofree char *db = g_strdup_printf ("sql:%s/nssdb", sign_env.dir);
  const char *argv[] = { "pdfsig", "-nssdir", db, path, NULL };
  int status = 0;
  g_autofree char *out = sign_env_run (argv, &status);
  const char *last = g_strrstr (out, "Signed Ranges: [");
  GStatBuf st;
  guint64 a, b, c, d;

  g_assert_cmpuint (count_lines_with (out, "Signature is Valid."), ==, n);
  g_assert_cmpuint (count_lines_with (out, "Signature #"), ==, n);
  g_assert_nonnull (last);
  g_assert_cmpint (sscanf (last, "Signed Ranges: [%" G_GUINT64_FORMAT " - %" G_GUINT64_FORMAT "], [%"
                           G_GUINT64_FORMAT " - %" G_GUINT64_FORMAT "]", &a, &b, &c, &d), ==, 4);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (d, ==, (guint64)st.st_size);
  g_assert_nonnull (strstr (last, "Total document signed"));
}

/* qpdf --check: 0 clean, 3 warnings (a damaged original stays damaged), 2 errors. */
static inline void
oracle_qpdf (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  int status = 0;
  g_autofree char *out = sign_env_run (argv, &status);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 2);
}

static inline void
write_file (const char   *path,
            const guint8 *data,
            gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *)data, (gssize)len, &error);
  g_assert_no_error (error);
}

static inline char *
to_hex (const guint8 *data,
        gsize         len)
{
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", data[i]);
  return g_string_free (hex, FALSE);
}

/* B-T: the token of the signature-time-stamp attribute, checked by
 * `openssl ts -verify` against SHA-256 of the signature value. */
static inline void
oracle_openssl_ts (const char   *work,
                   const guint8 *cms,
                   gsize         len)
{
  gnutls_datum_t der = { (unsigned char *)cms, (unsigned)len };
  gnutls_pkcs7_t p7 = NULL;
  gnutls_pkcs7_signature_info_st info;
  gnutls_datum_t token = { NULL, 0 };
  char *oid = NULL;
  guint8 digest[32];
  g_autofree char *hex = NULL;
  g_autofree char *tst = g_build_filename (work, "tst.der", NULL);
  g_autofree char *ca = sign_env_path ("ca.pem");
  g_autofree char *tsa = sign_env_path ("tsa.pem");
  g_autofree char *out = NULL;
  int status = 0;

  gnutls_pkcs7_init (&p7);
  g_assert_cmpint (gnutls_pkcs7_import (p7, &der, GNUTLS_X509_FMT_DER), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_get_signature_info (p7, 0, &info), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_get_attr (info.unsigned_attrs, 0, &oid, &token, 0), ==, 0);
  g_assert_cmpstr (oid, ==, "1.2.840.113549.1.9.16.2.14");
  write_file (tst, token.data, token.size);
  gnutls_hash_fast (GNUTLS_DIG_SHA256, info.sig.data, info.sig.size, digest);
  hex = to_hex (digest, 32);
  {
    const char *argv[] = { "openssl", "ts", "-verify", "-digest", hex, "-token_in", "-in", tst,
                           "-CAfile", ca, "-untrusted", tsa, NULL };

    out = sign_env_run (argv, &status);
  }
  g_assert_nonnull (strstr (out, "Verification: OK"));
  gnutls_free (token.data);
  gnutls_pkcs7_signature_info_deinit (&info);
  gnutls_pkcs7_deinit (p7);
}

/* `openssl cms -verify` on signature @index (in signing order) and the
 * bytes its range covers; `-cmsout -print` shows signing-certificate-v2
 * and no signing-time. */
static inline void
oracle_openssl_cms (const char *path,
                    guint       index,
                    gboolean    timestamped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XasoPdfDocument) doc = xaso_pdf_document_new_from_file (path, &error);
  g_autoptr(GPtrArray) sigs = NULL;
  g_autofree char *work = g_dir_make_tmp ("xaso-cms-XXXXXX", NULL);
  g_autofree char *sig_path = g_build_filename (work, "sig.der", NULL);
  g_autofree char *bin_path = g_build_filename (work, "signed.bin", NULL);
  g_autofree char *ca = sign_env_path ("ca.pem");
  g_autofree char *out = NULL;
  g_autoptr(GByteArray) signed_bytes = g_byte_array_new ();
  const XasoPdfSignature *sig = NULL;
  const guint8 *data, *cms;
  gsize len = 0, cms_len = 0;
  int status = 0;

  g_assert_no_error (error);
  data = xaso_pdf_document_get_data (doc, &len);
  sigs = xaso_pdf_document_list_signatures (doc);
  /* Signing order is the order of the ranges' ends. */
  for (guint i = 0, rank; i < sigs->len; i++)
    {
      const XasoPdfSignature *s = g_ptr_array_index (sigs, i);

      rank = 0;
      for (guint k = 0; k < sigs->len; k++)
        {
          const XasoPdfSignature *o = g_ptr_array_index (sigs, k);

          if (o->n_byte_range == 4 && s->n_byte_range == 4 &&
              o->byte_range[2] + o->byte_range[3] < s->byte_range[2] + s->byte_range[3])
            rank++;
        }
      if (rank == index)
        sig = s;
    }
  g_assert_nonnull (sig);
  g_byte_array_append (signed_bytes, data, (guint)sig->byte_range[1]);
  g_byte_array_append (signed_bytes, data + sig->byte_range[2], (guint)sig->byte_range[3]);
  write_file (bin_path, signed_bytes->data, signed_bytes->len);
  cms = g_bytes_get_data (sig->contents, &cms_len);
  /* DER: the outer length says where the padding starts. */
  g_assert_cmpint (cms[0], ==, 0x30);
  g_assert_cmpint (cms[1], ==, 0x82);
  cms_len = 4 + ((gsize)cms[2] << 8 | cms[3]);
  write_file (sig_path, cms, cms_len);
  {
    const char *argv[] = { "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig_path,
                           "-content", bin_path, "-CAfile", ca, "-purpose", "any", "-out", "/dev/null", NULL };

    g_free (sign_env_run (argv, &status));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    const char *argv[] = { "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", sig_path, NULL };

    out = sign_env_run (argv, &status);
    g_assert_nonnull (strstr (out, "signingCertificateV2"));
    /* The time-stamp token has a signing-time of its own, in our unsigned
     * attributes: only the signed ones matter. */
    if (strstr (out, "unsignedAttrs:") != NULL)
      *strstr (out, "unsignedAttrs:") = 0;
    g_assert_null (strstr (out, "signingTime"));
    g_assert_nonnull (strstr (out, "eContent: <ABSENT>"));
  }
  if (timestamped)
    oracle_openssl_ts (work, cms, cms_len);
  g_unlink (sig_path);
  g_unlink (bin_path);
  g_autofree char *tst = g_build_filename (work, "tst.der", NULL);
  g_unlink (tst);
  g_rmdir (work);
}

static inline XasoPdfVerifyReport *
verify_ours (const char *path)
{
  g_autofree char *ca = sign_env_path ("ca.pem");
  const char *trust[] = { ca, NULL };
  g_autoptr(GError) error = NULL;
  XasoPdfVerifyReport *report = xaso_pdf_verify_file (path, trust, NULL, &error);

  g_assert_no_error (error);
  return report;
}
