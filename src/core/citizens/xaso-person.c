/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-citizens"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xaso-collate.h"
#include "xaso-fold.h"
#include "xaso-person.h"

struct _XasoPerson
{
  XasoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (XasoPerson, xaso_person, XASO_TYPE_RECORD)
G_DEFINE_QUARK (xaso-person-error-quark, xaso_person_error)

static const XasoRecordField person_fields[] = {
  { "full_name" }, { "birth_date" }, { "sex" }, { "id_number" }, { "old_id_number" },
  { "id_issued_date" }, { "ethnicity" }, { "religion" }, { "nationality" }, { "hometown" },
  { "occupation" }, { "phone" }, { "household_id" }, { "relation_to_head" }, { "hamlet" },
  { "permanent_address" }, { "current_address" }, { "status" }, { "death_date" }, { "notes" },
  { "source" }, { "source_at" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (person_fields) == XASO_PERSON_N_FIELDS);

/* Read-only properties for display in lists, after the field properties. */
enum {
  PROP_BIRTH_DISPLAY = XASO_PERSON_N_FIELDS + 1,
  PROP_SEX_LABEL,
  PROP_STATUS_LABEL,
};

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_dates (XasoPerson  *self,
                GError     **error)
{
  const char *birth = xaso_person_get (self, XASO_PERSON_BIRTH_DATE);
  const char *death = xaso_person_get (self, XASO_PERSON_DEATH_DATE);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *parsed = NULL;

  if (birth != NULL && (parsed = xaso_parse_user_date (birth, &local_error)) == NULL)
    return invalid (error, local_error->message);
  if (death != NULL)
    {
      g_autofree char *parsed_death = xaso_parse_user_date (death, &local_error);

      if (parsed_death == NULL)
        return invalid (error, local_error->message);
      if (parsed != NULL && strcmp (parsed_death, parsed) < 0)
        return invalid (error, _("The date of death is before the date of birth."));
    }
  if (g_strcmp0 (xaso_person_get (self, XASO_PERSON_STATUS), "deceased") != 0 && death != NULL)
    return invalid (error, _("A date of death is given but the person is not marked as deceased."));
  return TRUE;
}

static gboolean
validate_id_number (XasoPerson    *self,
                    XasoDatabase  *db,
                    GError       **error)
{
  const char *number = xaso_person_get (self, XASO_PERSON_ID_NUMBER);
  const char *old = xaso_person_get (self, XASO_PERSON_OLD_ID_NUMBER);
  sqlite3_stmt *stmt;

  if (old != NULL && !xaso_id_old_number_validate (old, error))
    return FALSE;
  if (number == NULL)
    return TRUE;
  if (!xaso_id_number_validate (number, xaso_person_get_sex (self), xaso_person_get_birth_year (self), error))
    return FALSE;

  stmt = xaso_database_prepare (db,
    "SELECT full_name FROM person WHERE commune_code = ? AND id_number = ? AND id <> ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, xaso_record_get_id (XASO_RECORD (self)), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_DUPLICATE_ID,
                   _("The ID number %s already belongs to %s in this commune."),
                   number, xaso_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
validate_phone (const char  *phone,
                GError     **error)
{
  guint digits = 0;

  if (phone == NULL)
    return TRUE;
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" .-+()", *p))
        return invalid (error, _("A phone number may contain only digits, spaces, dots and dashes."));
    }
  if (digits < 9 || digits > 12)
    return invalid (error, _("A phone number has 10 digits (or 9 to 12 with an area or country code)."));
  return TRUE;
}

static gboolean
xaso_person_validate (XasoRecord    *record,
                      XasoDatabase  *db,
                      GError       **error)
{
  XasoPerson *self = XASO_PERSON (record);
  const char *name = xaso_person_get (self, XASO_PERSON_FULL_NAME);
  const char *sex = xaso_person_get (self, XASO_PERSON_SEX);
  const char *status = xaso_person_get (self, XASO_PERSON_STATUS);

  if (name == NULL)
    return invalid (error, _("Enter the person’s full name."));
  if (xaso_person_get (self, XASO_PERSON_NATIONALITY) == NULL)
    return invalid (error, _("Enter the person’s nationality (for example Việt Nam)."));
  if (g_utf8_strlen (name, -1) > 100 || strpbrk (name, "0123456789@#$%^&*_=+<>{}[]|\\/") != NULL)
    return invalid (error, _("The full name may contain only letters, spaces and apostrophes."));
  if (sex != NULL && !g_str_equal (sex, "male") && !g_str_equal (sex, "female") && !g_str_equal (sex, "unknown"))
    return invalid (error, _("Choose the person’s sex."));
  if (status != NULL && !g_str_equal (status, "living") && !g_str_equal (status, "deceased") &&
      !g_str_equal (status, "moved_away"))
    return invalid (error, _("Choose whether the person is living, deceased or has moved away."));
  if (xaso_person_get (self, XASO_PERSON_HOUSEHOLD_ID) != NULL &&
      xaso_person_get (self, XASO_PERSON_RELATION_TO_HEAD) == NULL)
    return invalid (error, _("Enter the person’s relation to the head of household."));
  return validate_dates (self, error) &&
         validate_phone (xaso_person_get (self, XASO_PERSON_PHONE), error) &&
         validate_id_number (self, db, error);
}

void
xaso_person_set_status (XasoPerson *self,
                        const char *status)
{
  xaso_person_set (self, XASO_PERSON_STATUS, status);
  if (g_strcmp0 (status, "deceased") != 0)
    xaso_person_set (self, XASO_PERSON_DEATH_DATE, NULL);
}

char *
xaso_person_make_sort_key (const char *full_name)
{
  return xaso_collate_name_key (full_name);
}

static gboolean
births_may_match (const char *a,
                  const char *b)
{
  if (a == NULL || b == NULL)
    return TRUE;
  if (strlen (a) == 4 || strlen (b) == 4)
    return strncmp (a, b, 4) == 0;
  return strcmp (a, b) == 0;
}

/* The sort key is the name's letters and tones, so equal keys are equal
 * names, and the order index finds them. */
GPtrArray *
xaso_person_find_namesakes (XasoPerson    *self,
                            XasoDatabase  *db,
                            GError       **error)
{
  g_autoptr(XasoRecordClass) klass = g_type_class_ref (XASO_TYPE_PERSON);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM person WHERE commune_code = ? AND sort_key = ? "
                                          "AND id <> ? AND deleted = 0", xaso_record_class_columns (klass));
  g_autofree char *key = xaso_person_make_sort_key (xaso_person_get (self, XASO_PERSON_FULL_NAME));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = xaso_database_prepare (db, sql, error);
  const char *birth = xaso_person_get (self, XASO_PERSON_BIRTH_DATE);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, xaso_database_get_commune_code (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, xaso_record_get_id (XASO_RECORD (self)), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(XasoPerson) other = g_object_new (XASO_TYPE_PERSON, NULL);

      xaso_record_load_columns (XASO_RECORD (other), stmt, 0);
      if (births_may_match (birth, xaso_person_get (other, XASO_PERSON_BIRTH_DATE)))
        g_ptr_array_add (found, g_steal_pointer (&other));
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&found);
}

/* "born 05/01/1990, Thôn Đông, ID 001190000001", the facts that tell two
 * namesakes apart, those known. */
static char *
describe_namesake (XasoPerson *other)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *birth = xaso_person_format_birth (other);
  const char *hamlet = xaso_person_get (other, XASO_PERSON_HAMLET);
  const char *id_number = xaso_person_get (other, XASO_PERSON_ID_NUMBER);

  if (birth[0] != '\0')
    g_ptr_array_add (facts, g_strdup_printf (_("born %s"), birth));
  if (hamlet != NULL)
    g_ptr_array_add (facts, g_strdup (hamlet));
  if (id_number != NULL)
    g_ptr_array_add (facts, g_strdup_printf (_("ID number %s"), id_number));
  g_ptr_array_add (facts, NULL);
  return g_strjoinv (", ", (char **) facts->pdata);
}

gboolean
xaso_person_check_namesakes (XasoPerson    *self,
                             XasoDatabase  *db,
                             GError       **error)
{
  g_autoptr(GPtrArray) found = xaso_person_find_namesakes (self, db, error);
  g_autofree char *facts = NULL;
  XasoPerson *other;

  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    return TRUE;
  other = g_ptr_array_index (found, 0);
  facts = describe_namesake (other);
  g_set_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_NAMESAKE,
               _("%s (%s) is already in the records. If this is another person, save again."),
               xaso_person_get (other, XASO_PERSON_FULL_NAME), facts);
  return FALSE;
}

static void
xaso_person_prepare_save (XasoRecord *record,
                          XasoChange *change)
{
  XasoPerson *self = XASO_PERSON (record);
  const char *name = xaso_person_get (self, XASO_PERSON_FULL_NAME);
  g_autofree char *folded = xaso_fold (name);
  g_autofree char *sort_key = xaso_person_make_sort_key (name);
  g_autofree char *address = g_strjoin (" ", xaso_person_get (self, XASO_PERSON_HAMLET) ?: "",
                                        xaso_person_get (self, XASO_PERSON_PERMANENT_ADDRESS) ?: "",
                                        xaso_person_get (self, XASO_PERSON_CURRENT_ADDRESS) ?: "", NULL);
  g_autofree char *address_folded = xaso_fold (address);

  xaso_change_set_text (change, "name_folded", folded);
  xaso_change_set_text (change, "sort_key", sort_key);
  xaso_change_set_text (change, "address_folded", address_folded);
}

static void
xaso_person_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XasoPerson *self = XASO_PERSON (object);

  switch (prop_id)
    {
    case PROP_BIRTH_DISPLAY:
      g_value_take_string (value, xaso_person_format_birth (self));
      break;
    case PROP_SEX_LABEL:
      g_value_set_string (value, xaso_person_get_sex_label (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, xaso_person_get_status_label (self));
      break;
    default:
      G_OBJECT_CLASS (xaso_person_parent_class)->get_property (object, prop_id, value, pspec);
    }
}

static void
xaso_person_class_init (XasoPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  XasoRecordClass *record_class = XASO_RECORD_CLASS (klass);

  xaso_record_class_set_fields (record_class, "person", person_fields, G_N_ELEMENTS (person_fields));
  object_class->get_property = xaso_person_get_property;
  record_class->personal_data = TRUE;
  record_class->validate = xaso_person_validate;
  record_class->prepare_save = xaso_person_prepare_save;

  g_object_class_install_property (object_class, PROP_BIRTH_DISPLAY,
    g_param_spec_string ("birth-display", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_SEX_LABEL,
    g_param_spec_string ("sex-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_STATUS_LABEL,
    g_param_spec_string ("status-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
xaso_person_init (XasoPerson *self)
{
}

XasoPerson *
xaso_person_new (void)
{
  XasoPerson *self = g_object_new (XASO_TYPE_PERSON, NULL);

  xaso_person_set (self, XASO_PERSON_SEX, "unknown");
  xaso_person_set (self, XASO_PERSON_STATUS, "living");
  xaso_person_set (self, XASO_PERSON_NATIONALITY, "Việt Nam");
  return self;
}

XasoPerson *
xaso_person_load (XasoDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  return xaso_record_load (XASO_TYPE_PERSON, db, id, error);
}

const char *
xaso_person_get (XasoPerson      *self,
                 XasoPersonField  field)
{
  return xaso_record_get (XASO_RECORD (self), field);
}

void
xaso_person_set (XasoPerson      *self,
                 XasoPersonField  field,
                 const char      *value)
{
  xaso_record_set (XASO_RECORD (self), field, value);
}

XasoSex
xaso_person_get_sex (XasoPerson *self)
{
  const char *sex = xaso_person_get (self, XASO_PERSON_SEX);

  if (g_strcmp0 (sex, "male") == 0)
    return XASO_SEX_MALE;
  if (g_strcmp0 (sex, "female") == 0)
    return XASO_SEX_FEMALE;
  return XASO_SEX_UNKNOWN;
}

int
xaso_person_get_birth_year (XasoPerson *self)
{
  const char *birth = xaso_person_get (self, XASO_PERSON_BIRTH_DATE);

  return birth != NULL ? (int)g_ascii_strtoll (birth, NULL, 10) : 0;
}

char *
xaso_person_format_birth (XasoPerson *self)
{
  const char *birth = xaso_person_get (self, XASO_PERSON_BIRTH_DATE);

  if (birth == NULL)
    return g_strdup ("");
  if (strlen (birth) == 10)
    return g_strdup_printf ("%.2s/%.2s/%.4s", birth + 8, birth + 5, birth);
  return g_strdup (birth);
}

const char *
xaso_person_get_sex_label (XasoPerson *self)
{
  switch (xaso_person_get_sex (self))
    {
    case XASO_SEX_MALE:
      return _("Male");
    case XASO_SEX_FEMALE:
      return _("Female");
    case XASO_SEX_UNKNOWN:
    default:
      return "";
    }
}

const char *
xaso_person_get_status_label (XasoPerson *self)
{
  const char *status = xaso_person_get (self, XASO_PERSON_STATUS);

  if (g_strcmp0 (status, "deceased") == 0)
    return _("Deceased");
  if (g_strcmp0 (status, "moved_away") == 0)
    return _("Moved away");
  return _("Living");
}

void
xaso_person_fill_from_qr (XasoPerson       *self,
                          const XasoChipQr *qr)
{
  char date[11];

  xaso_person_set (self, XASO_PERSON_ID_NUMBER, qr->id_number);
  xaso_person_set (self, XASO_PERSON_OLD_ID_NUMBER, qr->old_id_number);
  xaso_person_set (self, XASO_PERSON_FULL_NAME, qr->full_name);
  xaso_person_set (self, XASO_PERSON_SEX, qr->sex == XASO_SEX_FEMALE ? "female" : "male");
  xaso_person_set (self, XASO_PERSON_PERMANENT_ADDRESS, qr->address);
  if (g_date_valid (&qr->birth_date))
    {
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &qr->birth_date);
      xaso_person_set (self, XASO_PERSON_BIRTH_DATE, date);
    }
  if (g_date_valid (&qr->issue_date))
    {
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &qr->issue_date);
      xaso_person_set (self, XASO_PERSON_ID_ISSUED_DATE, date);
    }
  xaso_person_set (self, XASO_PERSON_SOURCE, "chip-qr");
}

/* A run of up to max digits, after optional spaces; -1 when there is none. */
static int
read_number (const char **text,
             int          max_digits)
{
  const char *p = *text;
  int value = 0, n = 0;

  while (*p == ' ')
    p++;
  for (; n < max_digits && g_ascii_isdigit (*p); n++, p++)
    value = value * 10 + (*p - '0');
  *text = p;
  return n > 0 ? value : -1;
}

/* Day, month and year as officials write them: 05/01/1985, 5-1-1985,
 * 05.01.1985; or the ISO form 1985-01-05. Anything after is ignored. */
static gboolean
parse_parts (const char *text,
             int        *d,
             int        *m,
             int        *y)
{
  const char *p = text;
  int first = read_number (&p, 9);
  gsize first_digits = p - text;
  char sep = *p;

  if (first < 0 || (sep != '/' && sep != '.' && sep != '-'))
    return FALSE;
  p++;
  if (first <= 31)
    {
      *d = first;
      if ((*m = read_number (&p, 9)) < 0 || *p == '\0')
        return FALSE;
      p++;
      return (*y = read_number (&p, 9)) >= 0;
    }
  if (first_digits > 4 || sep != '-')
    return FALSE;
  *y = first;
  if ((*m = read_number (&p, 2)) < 0 || *p++ != '-')
    return FALSE;
  return (*d = read_number (&p, 2)) >= 0;
}

static void
put_two_digits (char *out,
                int   value)
{
  out[0] = '0' + value / 10;
  out[1] = '0' + value % 10;
}

/* YYYY-MM-DD into out[11], without the cost of printf. */
static void
format_iso_date (char *out,
                 int   y,
                 int   m,
                 int   d)
{
  put_two_digits (out, y / 100);
  put_two_digits (out + 2, y % 100);
  out[4] = '-';
  put_two_digits (out + 5, m);
  out[7] = '-';
  put_two_digits (out + 8, d);
  out[10] = '\0';
}

char *
xaso_parse_user_date (const char  *text,
                      GError     **error)
{
  g_autofree char *now = xaso_now_iso ();     /* YYYY-MM-DDTHH:MM:SS… */
  int d = 0, m = 0, y = 0, this_year = atoi (now);
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autofree char *iso = NULL;
  g_autofree char *today = g_strndup (now, 10);

  if (strlen (clean) == 4 && g_ascii_isdigit (clean[0]))
    y = atoi (clean);
  else if (!parse_parts (clean, &d, &m, &y) || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID,
                   _("“%s” is not a date. Write it as day/month/year, for example 05/01/1985, or the year alone."),
                   clean);
      return NULL;
    }
  if (y < this_year - 130 || y > this_year)
    {
      g_set_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID,
                   _("The year %d is not possible here."), y);
      return NULL;
    }
  if (d == 0)
    return g_strdup_printf ("%04d", y);
  iso = g_malloc (11);
  format_iso_date (iso, y, m, d);
  if (strcmp (iso, today) > 0)
    {
      g_set_error (error, XASO_PERSON_ERROR, XASO_PERSON_ERROR_INVALID,
                   _("The date %s is in the future."), clean);
      return NULL;
    }
  return g_steal_pointer (&iso);
}
