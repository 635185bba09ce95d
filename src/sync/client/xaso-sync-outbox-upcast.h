/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

/* Brings the ops waiting in the outbox to this database's schema when an
 * upgrade happened while they waited (the state "outbox_schema" that the
 * migrations keep names the oldest schema they were made at), with the
 * codec's upcasters, in one transaction. Nothing is dropped: an op whose
 * table or field no step knows stays as it was, for the server to answer
 * it. */
gboolean xaso_sync_outbox_upcast (XasoDatabase  *db,
                                  GError       **error);

G_END_DECLS
