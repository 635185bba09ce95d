/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-procedure.h"

G_BEGIN_DECLS

/* What the catalogue's modules share: reading a row, the content rules of
 * a version and writing one through change capture. */

#define XASO_PROCEDURE_COLUMNS \
  "id, code, version, name, field, time_unit, time_limit_direct, time_limit_online, " \
  "fee_amount, fee_by_province, fee_note, papers, steps, note, valid_from, valid_to"

XasoProcedure *_xaso_procedure_from_row     (sqlite3_stmt   *stmt);

/* The rules every version holds (data/seed/procedures.json, its note).
 * On failure the message is a fragment, "the procedure “1.001193” has no
 * name", so a caller can put a line number before it; @member, if not
 * NULL, names the member of a catalogue file the problem is in. */
gboolean       _xaso_procedure_check        (XasoProcedure  *self,
                                             char          **problem,
                                             const char    **member);
/* The problem as a sentence of its own: capitalised, with a full stop. */
char          *_xaso_procedure_sentence     (const char     *problem);
gboolean       _xaso_procedure_is_date      (const char     *text);
/* Whether two versions say the same (their code, number and dates aside). */
gboolean       _xaso_procedure_same_content (XasoProcedure  *a,
                                             XasoProcedure  *b);
char          *_xaso_procedure_papers_json  (XasoProcedure  *self);
char          *_xaso_procedure_steps_json   (XasoProcedure  *self);

/* Inside the caller's transaction: the current version of @code (the one
 * without an end), or NULL without an error when there is none. */
gboolean       _xaso_procedure_current      (XasoDatabase   *db,
                                             const char     *code,
                                             XasoProcedure **current,
                                             GError        **error);
/* Ends @current on @valid_from (if any) and inserts @content as the next
 * version from that day, written as @actor. Returns the new id. */
char          *_xaso_procedure_write_version (XasoDatabase  *db,
                                              XasoProcedure *current,
                                              XasoProcedure *content,
                                              const char    *valid_from,
                                              const char    *actor,
                                              GError       **error);

G_END_DECLS
