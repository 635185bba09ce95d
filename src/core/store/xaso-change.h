/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "xaso-database.h"

G_BEGIN_DECLS

/* One write to one record, captured as an op in the same transaction
 * ("ghi nhận thay đổi"). Every write of core goes through here. */
typedef enum
{
  XASO_CHANGE_INSERT,
  XASO_CHANGE_UPDATE,
  XASO_CHANGE_DELETE,
} XasoChangeKind;

typedef struct _XasoChange XasoChange;

XasoChange   *xaso_change_new          (XasoChangeKind  kind,
                                        const char     *table,
                                        const char     *row_id);
void          xaso_change_free         (XasoChange     *self);
void          xaso_change_set_text     (XasoChange     *self,
                                        const char     *field,
                                        const char     *value);
void          xaso_change_set_int      (XasoChange     *self,
                                        const char     *field,
                                        gint64          value);
void          xaso_change_set_double   (XasoChange     *self,
                                        const char     *field,
                                        double          value);
/* Marks the change as a person's choice settling these field conflicts
 * (ids made by the server); it is sent even if the value does not change. */
void          xaso_change_set_resolves (XasoChange     *self,
                                        const char * const *conflict_ids);
const char   *xaso_change_get_row_id   (XasoChange     *self);
guint         xaso_change_get_n_changed (XasoChange    *self);

/* Writes the record and appends its op to the outbox. Inside a transaction
 * already begun it joins it; otherwise it makes its own. */
gboolean      xaso_change_apply        (XasoChange     *self,
                                        XasoDatabase   *db,
                                        const char     *actor,
                                        GError        **error);

/* Appends the op of an insert for a record already written outside
 * capture (a demo commune, an old import), without writing it again. */
gboolean      xaso_change_capture_existing (XasoChange  *self,
                                            XasoDatabase *db,
                                            const char  *actor,
                                            GError     **error);

/* The tables written through change capture, and whether one holds
 * append-only history (never updated) rather than records edited in place. */
const char * const *xaso_change_get_tables       (void);
gboolean            xaso_change_table_is_history (const char *table);

/* Whether @table is captured and has a column @field (read once per table). */
gboolean            xaso_change_table_has_column (XasoDatabase  *db,
                                                  const char    *table,
                                                  const char    *field,
                                                  GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoChange, xaso_change_free)

G_END_DECLS
