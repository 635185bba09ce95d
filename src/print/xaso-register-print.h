/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"
#include "xaso-user.h"

G_BEGIN_DECLS

/* The registers of Decree 30 printed for a period: the register of
 * incoming documents, of outgoing documents, and the one that follows the
 * handling of incoming documents — exactly the columns of DOMAIN.md, in
 * their order and with their headings. Printing one is an audited event. */
typedef enum
{
  XASO_REGISTER_BOOK_INCOMING,
  XASO_REGISTER_BOOK_OUTGOING,
  XASO_REGISTER_BOOK_TRACKING,
} XasoRegisterBook;

gboolean    xaso_register_book_from_string (const char        *text,
                                            XasoRegisterBook  *book);
const char *xaso_register_book_title       (XasoRegisterBook   book);

/* Writes the register of documents dated @from to @to (YYYY-MM-DD, both
 * included) as a PDF to @output; @n_rows gets how many documents it holds.
 * Stops when @cancellable is cancelled, leaving no file. */
gboolean    xaso_register_print            (XasoDatabase      *db,
                                            XasoUser          *actor,
                                            XasoRegisterBook   book,
                                            const char        *from,
                                            const char        *to,
                                            const char        *output,
                                            GCancellable      *cancellable,
                                            guint             *n_rows,
                                            GError           **error);

G_END_DECLS
