/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xaso-database.h"

G_BEGIN_DECLS

#define XASO_PROCEDURE_ERROR (xaso_procedure_error_quark ())

typedef enum
{
  XASO_PROCEDURE_ERROR_NOT_FOUND,
  XASO_PROCEDURE_ERROR_INVALID,     /* a catalogue file or a version that does not hold */
} XasoProcedureError;

/* How a procedure's time limit counts (DOMAIN.md, Deadlines). */
typedef enum
{
  XASO_TIME_SAME_DAY_15H,    /* the same day; received from 15:00, the next working day */
  XASO_TIME_WORKING_DAYS,
  XASO_TIME_WORKING_HOURS,
} XasoTimeUnit;

/* One internal step of a procedure, with the working hours it is given. */
typedef struct
{
  char   *name;
  double  hours;
} XasoProcedureStep;

/* One version of an administrative procedure (thủ tục hành chính) of the
 * catalogue. A version is never changed: an administrator makes a new one,
 * valid from a day, and a dossier keeps the version it was received under.
 * Immutable once loaded; share it with xaso_procedure_ref(). */
typedef struct
{
  char               *id;
  char               *code;          /* national code, 1.001193; may be NULL for a local one */
  int                 version;
  char               *name;
  char               *field;         /* lĩnh vực */
  XasoTimeUnit        time_unit;
  double              limit_direct;  /* in the unit; 0 for same-day */
  double              limit_online;
  gint64              fee_amount;    /* đồng, per the unit in fee_note */
  gboolean            fee_by_province; /* set by the provincial council: no amount here */
  char               *fee_note;
  GStrv               papers;        /* thành phần hồ sơ, in order */
  XasoProcedureStep  *steps;
  guint               n_steps;
  char               *note;
  char               *valid_from;    /* YYYY-MM-DD */
  char               *valid_to;      /* YYYY-MM-DD, or NULL while current */
} XasoProcedure;

GQuark         xaso_procedure_error_quark  (void);
GType          xaso_procedure_get_type     (void) G_GNUC_CONST;
#define XASO_TYPE_PROCEDURE (xaso_procedure_get_type ())

/* An empty version, and a copy of one to edit before it is saved as a new
 * version (xaso_procedure_new_version()): a copy is not shared yet. */
XasoProcedure *xaso_procedure_new          (void);
XasoProcedure *xaso_procedure_copy         (XasoProcedure  *self);
XasoProcedure *xaso_procedure_ref          (XasoProcedure  *self);
void           xaso_procedure_unref        (XasoProcedure  *self);

/* The version with this id (whatever its dates). */
XasoProcedure *xaso_procedure_load         (XasoDatabase   *db,
                                            const char     *id,
                                            GError        **error);
/* The version of @code valid on @date (YYYY-MM-DD; NULL: today). */
XasoProcedure *xaso_procedure_find         (XasoDatabase   *db,
                                            const char     *code,
                                            const char     *date,
                                            GError        **error);
/* The working hours the procedure gives a dossier received by @channel
 * (direct, online, postal); for same-day procedures, 0. */
double         xaso_procedure_limit_hours  (XasoProcedure  *self,
                                            const char     *channel);
const char    *xaso_time_unit_to_string    (XasoTimeUnit    unit);
gboolean       xaso_time_unit_from_string  (const char     *text,
                                            XasoTimeUnit   *unit);
/* "Trong ngày (nhận sau 15 giờ trả ngày làm việc tiếp theo)", "3 ngày làm việc". */
char          *xaso_procedure_describe_limit (XasoProcedure *self,
                                              const char    *channel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XasoProcedure, xaso_procedure_unref)

G_END_DECLS
