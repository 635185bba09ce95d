/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One Unicode form for stored text. The same Vietnamese letter can arrive
 * precomposed ("ễ", NFC, what most keyboards type) or as a letter followed
 * by combining marks ("ê" + U+0303, NFD, "Unicode tổ hợp" in Unikey and in
 * many Word files). Core keeps NFC only, so equal names are equal bytes. */

/* TRUE when @text is valid UTF-8 in NFC. */
gboolean xaso_unicode_is_nfc (const char *text);

/* TRUE when the @len bytes of @text are NFC as they are, decided on the
 * bytes alone: ASCII, Latin-1 to Latin Extended-B and the precomposed
 * Vietnamese letters, with no combining mark. FALSE means "normalise to
 * know". */
gboolean xaso_unicode_is_plainly_nfc (const char *text,
                                      gsize       len);

/* @text in NFC; invalid bytes become U+FFFD. NULL stays NULL. */
char    *xaso_unicode_nfc    (const char *text);

G_END_DECLS
