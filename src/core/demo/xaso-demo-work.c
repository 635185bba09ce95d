/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xaso-audit.h"
#include "xaso-demo-documents.h"
#include "xaso-demo-private.h"
#include "xaso-document-fold.h"
#include "xaso-dossier-flow.h"
#include "xaso-fold.h"
#include "xaso-hlc.h"
#include "xaso-uuid.h"

#define HISTORY_DAYS 730

typedef struct
{
  char   *id;
  double  limit_days;
  gboolean same_day;
} Procedure;

static void
clear_procedure (gpointer data)
{
  g_free (((Procedure *)data)->id);
}

/* A working day (Monday to Friday) in the last two years, oldest first as
 * @i grows, so records come in time order like real ones. */
static gint64
working_day (Demo  *demo,
             guint  i,
             guint  n)
{
  gint64 jd = demo->today_jd - HISTORY_DAYS + (gint64)HISTORY_DAYS * i / MAX (n, 1);

  /* GLib day 1 (1 January of year 1) was a Monday. */
  while ((jd - 1) % 7 >= 5)
    jd++;
  return MIN (jd, demo->today_jd);
}

static gint64
add_working_days (gint64 jd,
                  int    n)
{
  while (n > 0)
    {
      jd++;
      if ((jd - 1) % 7 < 5)
        n--;
    }
  return jd;
}

static GArray *
load_procedures (Demo    *demo,
                 GError **error)
{
  sqlite3_stmt *stmt = xaso_database_prepare (demo->db,
    "SELECT id, time_unit, time_limit_direct FROM procedure WHERE deleted = 0", error);
  GArray *list;

  if (stmt == NULL)
    return NULL;
  list = g_array_new (FALSE, TRUE, sizeof (Procedure));
  g_array_set_clear_func (list, clear_procedure);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Procedure p = { g_strdup (xaso_column_text (stmt, 0)), sqlite3_column_double (stmt, 2),
                      g_strcmp0 (xaso_column_text (stmt, 1), "same_day_15h") == 0 };

      if (g_strcmp0 (xaso_column_text (stmt, 1), "working_hours") == 0)
        p.limit_days /= 8;
      g_array_append_val (list, p);
    }
  sqlite3_reset (stmt);
  return list;
}

typedef struct
{
  Demo         *demo;
  sqlite3_stmt *insert;
  sqlite3_stmt *event;
  sqlite3_stmt *applicant;
  XasoHlc       hlc;
} Work;

static gboolean
write_event (Work        *work,
             const char  *table,
             const char  *owner_id,
             const char  *kind,
             const char  *at,
             const char  *actor,
             const char  *to,
             GError     **error)
{
  g_autofree char *id = xaso_uuid_new ();
  sqlite3_stmt *s = work->event;

  work->hlc = xaso_hlc_tick (work->hlc, work->hlc >> 16);
  sqlite3_bind_text (s, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, work->demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, owner_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s, 6, work->hlc);
  xaso_bind_text (s, 7, actor);
  xaso_bind_text (s, 8, to);
  return xaso_database_step_done (work->demo->db, s, error);
}

static const char *
pick_user (Demo *demo)
{
  return g_ptr_array_index (demo->user_ids, xaso_demo_random_range (&demo->rand, demo->user_ids->len));
}

/* The status a dossier of this age has reached, by the national codes. */
static int
pick_status (Demo   *demo,
             gint64  age_days)
{
  static const int recent[] = { 2, 4, 4, 4, 5, 9 };
  static const guint old_weights[] = { 3, 2, 1, 4, 88 };
  static const int old_status[] = { 3, 7, 8, 9, 10 };

  if (age_days < 12)
    return recent[xaso_demo_random_range (&demo->rand, G_N_ELEMENTS (recent))];
  return old_status[xaso_demo_random_weighted (&demo->rand, old_weights, G_N_ELEMENTS (old_weights))];
}

static gboolean
bind_applicant (Work         *work,
                sqlite3_stmt *s,
                const char   *person_id)
{
  sqlite3_stmt *a = work->applicant;
  g_autofree char *folded = NULL;

  sqlite3_bind_text (a, 1, person_id, -1, SQLITE_STATIC);
  if (sqlite3_step (a) != SQLITE_ROW)
    {
      sqlite3_reset (a);
      return FALSE;
    }
  folded = xaso_fold (xaso_column_text (a, 0));
  sqlite3_bind_text (s, 6, xaso_column_text (a, 0), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 7, folded, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s, 8, person_id, -1, SQLITE_STATIC);
  xaso_bind_text (s, 9, xaso_column_text (a, 1));
  xaso_bind_text (s, 10, xaso_column_text (a, 2));
  xaso_bind_text (s, 11, xaso_column_text (a, 3));
  sqlite3_reset (a);
  return TRUE;
}

typedef struct
{
  char   *id;
  int     status;
  gint64  day;
  int     minutes;
  char   *received;
  char   *done;
  const char *officer;
  const char *channel;
} Dossier;

/* How it came in; a few online ones of the last days still wait for the
 * counter (status 1), so the "to receive" queue has work. */
static void
pick_channel (Demo    *demo,
              Dossier *d)
{
  static const guint channel_weights[] = { 60, 35, 5 };
  static const char * const channels[] = { "direct", "online", "postal" };

  d->channel = channels[xaso_demo_random_weighted (&demo->rand, channel_weights, 3)];
  if (g_str_equal (d->channel, "online") && demo->today_jd - d->day <= 3 &&
      xaso_demo_random_chance (&demo->rand, 0.4))
    d->status = 1;
}

static gboolean
write_dossier_events (Work     *work,
                      Dossier  *d,
                      GError  **error)
{
  Demo *demo = work->demo;
  const char *clerk = g_ptr_array_index (demo->user_ids, 6 + xaso_demo_random_range (&demo->rand, 2));
  const char *leader = g_ptr_array_index (demo->user_ids, xaso_demo_random_range (&demo->rand, 2));
  gboolean ok;

  /* Online dossiers waiting for the counter have only the portal's event. */
  if (d->status == 1)
    return write_event (work, "dossier", d->id, "submitted", d->received, clerk, NULL, error);
  ok = write_event (work, "dossier", d->id, "received", d->received, clerk, NULL, error);
  if (ok && d->status != 2)
    ok = write_event (work, "dossier", d->id, "assigned", d->received, clerk, d->officer, error);
  if (ok && d->status == 5)
    ok = write_event (work, "dossier", d->id, "supplement_requested", d->done, d->officer, NULL, error);
  if (ok && d->status >= 9 && xaso_demo_random_chance (&demo->rand, 0.1))
    ok = write_event (work, "dossier", d->id, "supplement_requested", d->received, d->officer, NULL, error) &&
         write_event (work, "dossier", d->id, "supplement_received", d->received, clerk, d->officer, error);
  if (ok && d->status >= 9)
    ok = write_event (work, "dossier", d->id, "forwarded", d->done, d->officer, leader, error) &&
         write_event (work, "dossier", d->id, "approved", d->done, leader, NULL, error);
  if (ok && d->status == 10)
    ok = write_event (work, "dossier", d->id, "returned", d->done, clerk, NULL, error);
  if (ok && (d->status == 3 || d->status == 7 || d->status == 8))
    ok = write_event (work, "dossier", d->id, d->status == 3 ? "refused" : d->status == 7 ? "withdrawn" : "stopped",
                      d->done, d->officer, NULL, error);
  return ok;
}

static gboolean
write_dossier (Work             *work,
               const Procedure  *p,
               Dossier          *d,
               const char       *code,
               GError          **error)
{
  Demo *demo = work->demo;
  sqlite3_stmt *s = work->insert;
  int limit = p->same_day ? 0 : (int)(p->limit_days + 0.99);
  gint64 due_day = add_working_days (d->day, limit);
  gboolean late = xaso_demo_random_chance (&demo->rand, 0.06);
  g_autofree char *due = _xaso_demo_datetime (demo, due_day, p->same_day ? 17 * 60 : d->minutes);
  gint64 done_day = late ? add_working_days (due_day, 1 + xaso_demo_random_range (&demo->rand, 4))
                         : d->day + xaso_demo_random_range (&demo->rand, (guint)(due_day - d->day + 1));
  const char *person = g_ptr_array_index (demo->person_ids, xaso_demo_random_range (&demo->rand, demo->person_ids->len));

  d->done = _xaso_demo_datetime (demo, MIN (done_day, demo->today_jd), 8 * 60 + xaso_demo_random_range (&demo->rand, 480));
  /* Nothing happens to a dossier before it is received. */
  if (strcmp (d->done, d->received) < 0)
    {
      g_free (d->done);
      d->done = g_strdup (d->received);
    }
  sqlite3_bind_text (s, 1, d->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, p->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 5, d->channel, -1, SQLITE_STATIC);
  if (!bind_applicant (work, s, person))
    return TRUE;
  sqlite3_bind_int (s, 12, d->status);
  sqlite3_bind_text (s, 13, d->received, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 14, due, -1, SQLITE_STATIC);
  xaso_bind_text (s, 15, d->status >= 7 || d->status == 3 ? d->done : NULL);
  xaso_bind_text (s, 16, d->status == 10 ? d->done : NULL);
  sqlite3_bind_text (s, 17, d->officer, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 18, demo->now, -1, SQLITE_STATIC);
  return xaso_database_step_done (demo->db, s, error) && write_dossier_events (work, d, error);
}

gboolean
_xaso_demo_make_dossiers (Demo    *demo,
                          GError **error)
{
  g_autoptr(GArray) procedures = load_procedures (demo, error);
  Work work = { demo };
  gint64 last_day = 0;
  guint day_seq = 0;

  if (procedures == NULL || procedures->len == 0)
    return procedures != NULL;
  work.insert = xaso_database_prepare (demo->db,
    "INSERT INTO dossier (id, commune_code, code, procedure_id, channel, applicant_name, applicant_folded, "
    "applicant_person_id, applicant_id_number, applicant_phone, applicant_address, status, received_at, "
    "due_at, resolved_at, returned_at, assignee_user_id, legal_due_at, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?14, ?18, ?18)", error);
  work.event = xaso_database_prepare (demo->db,
    "INSERT INTO dossier_event (id, commune_code, dossier_id, kind, at, hlc, actor_user_id, to_user_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  work.applicant = xaso_database_prepare (demo->db,
    "SELECT full_name, id_number, phone, permanent_address FROM person WHERE id = ?", error);
  if (work.insert == NULL || work.event == NULL || work.applicant == NULL)
    return FALSE;
  work.hlc = (g_get_real_time () / 1000 - (gint64)HISTORY_DAYS * 86400000) << 16;

  for (guint i = 0; i < demo->sizes.dossiers; i++)
    {
      Dossier d = { xaso_uuid_new () };
      g_autofree char *code = NULL;
      g_autofree char *date = NULL;
      gboolean ok;

      d.day = working_day (demo, i, demo->sizes.dossiers);
      day_seq = d.day == last_day ? day_seq + 1 : 1;
      last_day = d.day;
      d.minutes = 7 * 60 + 30 + xaso_demo_random_range (&demo->rand, 540);
      d.received = _xaso_demo_datetime (demo, d.day, d.minutes);
      d.status = pick_status (demo, demo->today_jd - d.day);
      d.officer = g_ptr_array_index (demo->user_ids, 3 + xaso_demo_random_range (&demo->rand, 3));
      pick_channel (demo, &d);
      date = _xaso_demo_date (demo, d.day);
      code = g_strdup_printf ("%s-%.2s%.2s%.2s-%04u", demo->commune->agency_eid, date + 2, date + 5, date + 8, day_seq);
      ok = write_dossier (&work, &g_array_index (procedures, Procedure, xaso_demo_random_range (&demo->rand, procedures->len)),
                          &d, code, error);
      g_free (d.id);
      g_free (d.received);
      g_free (d.done);
      if (!ok || !_xaso_demo_step (demo, i + 1, demo->sizes.dossiers, _("One-stop dossiers"), error))
        return FALSE;
    }
  /* The status, deadlines and assignee of each row are what core folds
   * from its events, in working time, as for dossiers of real desks. */
  return xaso_dossier_refold_all (demo->db, error) >= 0;
}

static const char * const urgency_names[] = { "normal", "urgent", "very_urgent", "flash" };
static const char * const secrecy_names[] = { "none", "confidential", "secret", "top_secret" };

typedef struct
{
  char  *id[2];          /* incoming, outgoing */
  guint  last[2];
  int    year;
} Registers;

/* A year's registers are written when the year opens, so its documents can
 * refer to them, and get their last number when it closes. */
static gboolean
open_registers (Work       *work,
                Registers  *regs,
                int         year,
                GError    **error)
{
  static const char * const kinds[] = { "incoming", "outgoing" };
  static const char * const names[] = { "Sổ đăng ký văn bản đến", "Sổ đăng ký văn bản đi" };
  sqlite3_stmt *s = xaso_database_prepare (work->demo->db,
    "INSERT INTO register (id, commune_code, kind, name, year, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);

  regs->year = year;
  for (guint k = 0; s != NULL && k < 2; k++)
    {
      g_autofree char *name = g_strdup_printf ("%s năm %d", names[k], year);

      g_free (regs->id[k]);
      regs->id[k] = xaso_uuid_new ();
      regs->last[k] = 0;
      sqlite3_bind_text (s, 1, regs->id[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 2, work->demo->commune->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 3, kinds[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 4, name, -1, SQLITE_STATIC);
      sqlite3_bind_int (s, 5, year);
      sqlite3_bind_text (s, 6, work->demo->now, -1, SQLITE_STATIC);
      if (!xaso_database_step_done (work->demo->db, s, error))
        return FALSE;
    }
  return s != NULL;
}

static gboolean
close_registers (Work       *work,
                 Registers  *regs,
                 GError    **error)
{
  sqlite3_stmt *s;

  if (regs->year == 0)
    return TRUE;
  s = xaso_database_prepare (work->demo->db, "UPDATE register SET last_number = ? WHERE id = ?", error);
  for (guint k = 0; s != NULL && k < 2; k++)
    {
      sqlite3_bind_int (s, 1, regs->last[k]);
      sqlite3_bind_text (s, 2, regs->id[k], -1, SQLITE_STATIC);
      if (!xaso_database_step_done (work->demo->db, s, error))
        return FALSE;
      g_clear_pointer (&regs->id[k], g_free);
    }
  return s != NULL;
}

static char *
outgoing_notation (Demo                   *demo,
                   const XasoDemoDocument *doc,
                   guint                   number)
{
  if (doc->type->abbr != NULL)
    return g_strdup_printf ("%02u/%s-UBND", number, doc->type->abbr);
  return g_strdup_printf ("%02u/UBND-%s", number, doc->unit_abbr ? doc->unit_abbr : "VP");
}

/* The steps that lead to the document's status: an incoming one is
 * directed to its lead, then handled (done) or being handled. */
static gboolean
write_document_events (Work        *work,
                       const char  *id,
                       gboolean     incoming,
                       gboolean     done,
                       const char  *lead,
                       const char  *at,
                       GError     **error)
{
  static const char * const in_kinds[] = { "received", "registered", "directed", "progress" };
  static const char * const out_kinds[] = { "drafted", "signed", "numbered", "issued" };
  Demo *demo = work->demo;

  for (guint i = 0; i < 4; i++)
    {
      const char *kind = incoming ? (i == 3 && done ? "done" : in_kinds[i]) : out_kinds[i];

      if (!write_event (work, "document", id, kind, at, pick_user (demo),
                        incoming && i == 2 ? lead : NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_document (Work              *work,
                Registers         *regs,
                gint64             day,
                gboolean           incoming,
                XasoDemoDocument  *doc,
                GError           **error)
{
  Demo *demo = work->demo;
  sqlite3_stmt *s = work->insert;
  g_autofree char *id = xaso_uuid_new ();
  g_autofree char *date = _xaso_demo_date (demo, day);
  g_autofree char *issued = _xaso_demo_date (demo, incoming ? day - 1 - xaso_demo_random_range (&demo->rand, 3) : day);
  g_autofree char *notation = NULL, *folded = NULL, *deadline = NULL;
  gboolean secret = doc->secrecy != XASO_DEMO_SECRECY_NONE;
  const char *subject = secret ? "MẬT" : doc->subject;
  guint number = ++regs->last[incoming ? 0 : 1];
  gboolean done = demo->today_jd - day > 20;
  const char *lead;

  notation = incoming ? g_strdup (doc->notation) : outgoing_notation (demo, doc, number);
  folded = xaso_fold (subject);
  if (incoming && doc->reply_days > 0)
    deadline = _xaso_demo_date (demo, add_working_days (day, doc->reply_days));
  sqlite3_bind_text (s, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 2, demo->commune->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 3, incoming ? "incoming" : "outgoing", -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 4, regs->id[incoming ? 0 : 1], -1, SQLITE_STATIC);
  sqlite3_bind_int (s, 5, number);
  sqlite3_bind_text (s, 6, notation, -1, SQLITE_STATIC);
  xaso_bind_text (s, 7, doc->type->abbr);
  xaso_bind_text (s, 8, incoming ? doc->issuer : demo->commune->agency_name);
  sqlite3_bind_text (s, 9, issued, -1, SQLITE_STATIC);
  xaso_bind_text (s, 10, incoming ? date : NULL);
  sqlite3_bind_text (s, 11, subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 12, folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 13, urgency_names[doc->urgency], -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 14, secrecy_names[doc->secrecy], -1, SQLITE_STATIC);
  xaso_bind_text (s, 15, doc->signer_name ? doc->signer_name : doc->signer_title);
  xaso_bind_text (s, 16, doc->recipients);
  sqlite3_bind_text (s, 17, !incoming ? "issued" : done ? "done" : "in_progress", -1, SQLITE_STATIC);
  xaso_bind_text (s, 18, deadline);
  lead = g_ptr_array_index (demo->user_ids, 3 + xaso_demo_random_range (&demo->rand, 3));
  sqlite3_bind_text (s, 19, lead, -1, SQLITE_STATIC);
  sqlite3_bind_text (s, 20, demo->now, -1, SQLITE_STATIC);
  return xaso_database_step_done (demo->db, s, error) &&
         write_document_events (work, id, incoming, done, lead, date, error);
}

gboolean
_xaso_demo_make_documents (Demo    *demo,
                           GError **error)
{
  Work work = { demo };
  Registers regs = { 0 };
  gboolean ok = TRUE;

  work.insert = xaso_database_prepare (demo->db,
    "INSERT INTO document (id, commune_code, direction, register_id, number, notation, type_code, issuer, "
    "issued_date, received_date, subject, subject_folded, urgency, confidentiality, signer, recipients, "
    "status, deadline, lead_user_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)", error);
  work.event = xaso_database_prepare (demo->db,
    "INSERT INTO document_event (id, commune_code, document_id, kind, at, hlc, actor_user_id, to_user_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (work.insert == NULL || work.event == NULL)
    return FALSE;
  work.hlc = (g_get_real_time () / 1000 - (gint64)HISTORY_DAYS * 86400000) << 16;

  for (guint i = 0; ok && i < demo->sizes.documents; i++)
    {
      gint64 day = working_day (demo, i, demo->sizes.documents);
      g_autoptr(GDate) date = g_date_new_julian ((guint32)day);
      gboolean incoming = xaso_demo_random_chance (&demo->rand, 0.7);
      XasoDemoDocument doc = { 0 };

      if (g_date_get_year (date) != regs.year)
        {
          ok = close_registers (&work, &regs, error) &&
               open_registers (&work, &regs, g_date_get_year (date), error);
        }
      if (incoming)
        xaso_demo_incoming_document (&demo->rand, demo->commune, regs.year, g_date_get_month (date), &doc);
      else
        xaso_demo_outgoing_document (&demo->rand, demo->commune, regs.year, g_date_get_month (date), &doc);
      ok = ok && write_document (&work, &regs, day, incoming, &doc, error);
      xaso_demo_document_clear (&doc);
      ok = ok && _xaso_demo_step (demo, i + 1, demo->sizes.documents, _("Documents"), error);
    }
  /* The state of each row is what core folds from its events, as on a
   * desktop that pulls them (the dates of signing and transfer). */
  return ok && close_registers (&work, &regs, error) && xaso_document_refold_all (demo->db, error) >= 0;
}

/* A year or two of the personal-data log, chained like real events. */
gboolean
_xaso_demo_make_audit (Demo    *demo,
                       GError **error)
{
  static const char * const actions[] = { "view", "view", "view", "edit", "print", "export" };
  sqlite3_stmt *s = xaso_database_prepare (demo->db,
    "INSERT INTO audit_event (id, commune_code, device_id, seq, at, actor, action, object_table, object_id, "
    "purpose, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'person', ?8, ?9, ?10, ?11)", error);
  const char *device = xaso_database_get_device_id (demo->db);
  g_autofree char *prev = g_strnfill (64, '0');
  guint n = demo->sizes.audit_events;

  for (guint i = 0; s != NULL && i < n; i++)
    {
      g_autofree char *id = xaso_uuid_new ();
      g_autofree char *at = _xaso_demo_datetime (demo, working_day (demo, i, n), 7 * 60 + 30 + i % 540);
      const char *action = actions[xaso_demo_random_range (&demo->rand, G_N_ELEMENTS (actions))];
      const char *actor = g_ptr_array_index (demo->user_ids, 3 + xaso_demo_random_range (&demo->rand, 5));
      const char *person = g_ptr_array_index (demo->person_ids, xaso_demo_random_range (&demo->rand, demo->person_ids->len));
      const char *purpose = "Giải quyết thủ tục hành chính";
      char *hash = xaso_audit_hash (prev, device, i + 1, at, actor, action, "person", person, purpose, NULL);

      sqlite3_bind_text (s, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 2, demo->commune->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 3, device, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (s, 4, i + 1);
      sqlite3_bind_text (s, 5, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 6, actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 7, action, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 8, person, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 9, purpose, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 10, prev, -1, SQLITE_STATIC);
      sqlite3_bind_text (s, 11, hash, -1, SQLITE_STATIC);
      if (!xaso_database_step_done (demo->db, s, error))
        {
          g_free (hash);
          return FALSE;
        }
      g_free (prev);
      prev = hash;
      if (!_xaso_demo_step (demo, i + 1, n, _("Personal-data log"), error))
        return FALSE;
    }
  return s != NULL;
}
