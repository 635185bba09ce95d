/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/pkcs11.h>
#include <string.h>

#include "xaso-pdf-identity-pkcs11-private.h"

/* The PIN is asked before signing starts (STYLE.md: no dialog inside a
 * callback), so the callback only hands over what it was given, once: a
 * second call means the token rejected it. */
typedef struct
{
  char       *pin;
  guint       calls;
  gboolean    rejected;
  unsigned    flags;            /* GNUTLS_PIN_* of the last call */
} PinState;

static int
pin_cb (void       *user_data,
        int         attempt,
        const char *token_url,
        const char *token_label,
        unsigned    flags,
        char       *pin,
        size_t      pin_max)
{
  PinState *state = user_data;

  state->calls++;
  state->flags = flags;
  if (attempt > 0 || (flags & GNUTLS_PIN_WRONG) || state->pin == NULL)
    {
      state->rejected = TRUE;
      return -1;
    }
  if (strlen (state->pin) + 1 > pin_max)
    return -1;
  strcpy (pin, state->pin);
  return 0;
}

static void
pin_state_free (gpointer data)
{
  PinState *state = data;

  if (state->pin != NULL)
    {
      memset (state->pin, 0, strlen (state->pin));
      g_free (state->pin);
    }
  g_free (state);
}

/* The URL of the object of @type with the same token and label/id. */
static char *
with_type (const char *url,
           const char *type)
{
  g_auto(GStrv) parts = g_strsplit (url, ";", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "type=") || (i > 0 && parts[i][0] == 0))
        continue;
      if (out->len > 0 && out->str[out->len - 1] != ':')
        g_string_append_c (out, ';');
      g_string_append (out, parts[i]);
    }
  g_string_append_printf (out, "%stype=%s", g_str_has_suffix (out->str, ":") ? "" : ";", type);
  return g_string_free (out, FALSE);
}

static char *
token_url (const char *url)
{
  g_auto(GStrv) parts = g_strsplit (url, ";", -1);
  GString *out = g_string_new (NULL);

  /* Object attributes go; token and library attributes stay. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];

      if (g_str_has_prefix (p, "pkcs11:"))
        p += strlen ("pkcs11:");
      if (g_str_has_prefix (p, "object=") || g_str_has_prefix (p, "id=") ||
          g_str_has_prefix (p, "type=") || *p == 0)
        continue;
      g_string_append (out, out->len == 0 ? "pkcs11:" : ";");
      g_string_append (out, p);
    }
  if (out->len == 0)
    g_string_append (out, "pkcs11:");
  return g_string_free (out, FALSE);
}

XasoPdfPinFlags
xaso_pdf_token_get_pin_flags (const char  *url,
                              GError     **error)
{
  g_autofree char *token = token_url (url);
  unsigned flags = 0;
  XasoPdfPinFlags out = 0;
  int ret = gnutls_pkcs11_token_get_flags (token, &flags);

  if (ret < 0)
    {
      g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_IDENTITY,
                   _("The security token was not found. Is it plugged in? (%s)"), gnutls_strerror (ret));
      return 0;
    }
  if (flags & GNUTLS_PKCS11_TOKEN_USER_PIN_COUNT_LOW)
    out |= XASO_PDF_PIN_COUNT_LOW;
  if (flags & GNUTLS_PKCS11_TOKEN_USER_PIN_FINAL_TRY)
    out |= XASO_PDF_PIN_FINAL_TRY;
  if (flags & GNUTLS_PKCS11_TOKEN_USER_PIN_LOCKED)
    out |= XASO_PDF_PIN_LOCKED;
  if (flags & GNUTLS_PKCS11_TOKEN_PROTECTED_AUTHENTICATION_PATH)
    out |= XASO_PDF_PIN_PROTECTED_PATH;
  return out;
}

static void
set_locked (GError **error)
{
  g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_PIN_LOCKED,
                       _("The security token is locked after too many wrong PINs. Ask your certificate provider to unlock it."));
}

/* After a rejected PIN the token's flags say how many tries are left,
 * when the token tells at all. */
static void
set_wrong_pin (const char  *url,
               GError     **error)
{
  XasoPdfPinFlags flags = xaso_pdf_token_get_pin_flags (url, NULL);

  if (flags & XASO_PDF_PIN_LOCKED)
    set_locked (error);
  else if (flags & XASO_PDF_PIN_FINAL_TRY)
    g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PIN,
                         _("Wrong PIN. Only one try is left before the token locks."));
  else if (flags & XASO_PDF_PIN_COUNT_LOW)
    g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PIN,
                         _("Wrong PIN. Few tries are left before the token locks."));
  else
    g_set_error_literal (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_WRONG_PIN,
                         _("Wrong PIN."));
}

static gboolean
import_failed (const char  *url,
               PinState    *state,
               int          ret,
               GError     **error)
{
  if (ret == GNUTLS_E_PKCS11_PIN_LOCKED)
    set_locked (error);
  else if (ret == GNUTLS_E_PKCS11_PIN_ERROR || state->rejected)
    set_wrong_pin (url, error);
  else
    g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_IDENTITY,
                 _("No signing key was found on the security token (%s)."), gnutls_strerror (ret));
  return FALSE;
}

/* The other certificates on the token: the chain, when it is there. */
static void
add_token_issuers (XasoPdfIdentity *self,
                   const char      *url)
{
  g_autofree char *token = token_url (url);
  g_autofree char *certs_url = g_strconcat (token, g_str_has_suffix (token, ":") ? "" : ";", "type=cert", NULL);
  gnutls_x509_crt_t *list = NULL;
  unsigned n = 0;

  if (gnutls_x509_crt_list_import_url (&list, &n, certs_url, NULL, NULL, 0) < 0)
    return;
  xaso_pdf_identity_add_issuers (self, list, n);
  for (unsigned i = 0; i < n; i++)
    gnutls_x509_crt_deinit (list[i]);
  gnutls_free (list);
}

XasoPdfIdentity *
xaso_pdf_identity_new_from_pkcs11 (const char  *url,
                                   const char  *pin,
                                   GError     **error)
{
  g_autofree char *key_url = with_type (url, "private");
  g_autofree char *cert_url = with_type (url, "cert");
  PinState *state = g_new0 (PinState, 1);
  gnutls_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  XasoPdfIdentity *self;
  int ret;

  GError *local = NULL;

  if (xaso_pdf_token_get_pin_flags (url, &local) & XASO_PDF_PIN_LOCKED)
    set_locked (&local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      pin_state_free (state);
      return NULL;
    }
  state->pin = g_strdup (pin);
  gnutls_privkey_init (&key);
  gnutls_privkey_set_pin_function (key, pin_cb, state);
  ret = gnutls_privkey_import_url (key, key_url, 0);
  if (ret < 0)
    {
      gnutls_privkey_deinit (key);
      import_failed (url, state, ret, error);
      pin_state_free (state);
      return NULL;
    }
  gnutls_x509_crt_init (&crt);
  gnutls_x509_crt_set_pin_function (crt, pin_cb, state);
  ret = gnutls_x509_crt_import_url (crt, cert_url, 0);
  if (ret < 0)
    {
      gnutls_privkey_deinit (key);
      gnutls_x509_crt_deinit (crt);
      pin_state_free (state);
      g_set_error (error, XASO_PDF_SIGN_ERROR, XASO_PDF_SIGN_ERROR_IDENTITY,
                   _("The security token holds no certificate for its key (%s)."), gnutls_strerror (ret));
      return NULL;
    }
  self = xaso_pdf_identity_new_take (key, crt);
  /* Keys that want the PIN again for each signature (CKA_ALWAYS_AUTHENTICATE)
   * get it from this state, which lives as long as the identity. */
  g_object_set_data_full (G_OBJECT (self), "xaso-pin-state", state, pin_state_free);
  add_token_issuers (self, url);
  return self;
}
