/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xaso-demo.h"
#include "xaso-demo-documents.h"
#include "xaso-demo-names.h"
#include "xaso-demo-random.h"
#include "xaso-document-event.h"
#include "xaso-document-fold.h"
#include "xaso-dossier-flow.h"
#include "xaso-dossier-search.h"
#include "xaso-test-util.h"

/* Random source ----------------------------------------------------------- */

static void
test_random_reference_values (void)
{
  XasoDemoRandom r;

  /* The first splitmix64 output for 0 is a published constant; the xoshiro
   * values pin the sequence so that a change to the generator, which would
   * change every demo database, cannot go unnoticed. */
  xaso_demo_random_init (&r, 0);
  g_assert_cmphex (r.state[0], ==, G_GUINT64_CONSTANT (0xe220a8397b1dcdaf));
  g_assert_cmphex (xaso_demo_random_next (&r), ==, G_GUINT64_CONSTANT (0x99ec5f36cb75f2b4));
  g_assert_cmphex (xaso_demo_random_next (&r), ==, G_GUINT64_CONSTANT (0xbf6e1f784956452a));

  xaso_demo_random_init (&r, 42);
  g_assert_cmphex (xaso_demo_random_next (&r), ==, G_GUINT64_CONSTANT (0x15780b2e0c2ec716));
  g_assert_cmphex (xaso_demo_random_next (&r), ==, G_GUINT64_CONSTANT (0x6104d9866d113a7e));
  g_assert_cmphex (xaso_demo_random_next (&r), ==, G_GUINT64_CONSTANT (0xae17533239e499a1));
}

static void
test_random_streams (void)
{
  XasoDemoRandom a, b, child;
  guint64 after_split;

  xaso_demo_random_init_stream (&a, 7, 1);
  xaso_demo_random_init_stream (&b, 7, 2);
  g_assert_cmphex (xaso_demo_random_next (&a), !=, xaso_demo_random_next (&b));

  /* Splitting advances the parent by exactly one draw. */
  xaso_demo_random_init (&a, 9);
  xaso_demo_random_init (&b, 9);
  xaso_demo_random_split (&a, &child);
  for (guint i = 0; i < 100; i++)
    xaso_demo_random_next (&child);
  xaso_demo_random_next (&b);
  after_split = xaso_demo_random_next (&a);
  g_assert_cmphex (after_split, ==, xaso_demo_random_next (&b));
}

static void
test_random_range_bounds (void)
{
  const guint32 sizes[] = { 1, 2, 3, 7, 10, 1000, 0x80000001u, G_MAXUINT32 };
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 1);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < 20000; i++)
      g_assert_cmpuint (xaso_demo_random_range (&r, sizes[s]), <, sizes[s]);

  for (guint i = 0; i < 20000; i++)
    {
      int v = xaso_demo_random_between (&r, -3, 3);

      g_assert_cmpint (v, >=, -3);
      g_assert_cmpint (v, <=, 3);
    }
  g_assert_cmpint (xaso_demo_random_between (&r, 5, 5), ==, 5);
  xaso_demo_random_between (&r, G_MININT, G_MAXINT);
}

static void
test_random_range_unbiased (void)
{
  const guint n = 300000;
  guint counts[3] = { 0, 0, 0 };
  guint low_third = 0;
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 2);
  for (guint i = 0; i < n; i++)
    counts[xaso_demo_random_range (&r, 3)]++;
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (counts[i] / (double) n, 1.0 / 3, 0.006);

  /* With n = 3 · 2^30 a plain "x % n" on 32 bits would put half the draws
   * below 2^30 instead of a third. */
  for (guint i = 0; i < n; i++)
    low_third += xaso_demo_random_range (&r, 0xC0000000u) < 0x40000000u;
  g_assert_cmpfloat_with_epsilon (low_third / (double) n, 1.0 / 3, 0.006);
}

static void
test_random_double_and_chance (void)
{
  const guint n = 200000;
  guint hits = 0;
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 3);
  for (guint i = 0; i < n; i++)
    {
      double d = xaso_demo_random_double (&r);

      g_assert_cmpfloat (d, >=, 0.0);
      g_assert_cmpfloat (d, <, 1.0);
      g_assert_false (xaso_demo_random_chance (&r, 0.0));
      g_assert_true (xaso_demo_random_chance (&r, 1.0));
      hits += xaso_demo_random_chance (&r, 0.3);
    }
  g_assert_cmpfloat_with_epsilon (hits / (double) n, 0.3, 0.005);
}

static void
test_random_weighted (void)
{
  const guint weights[] = { 1, 0, 3, 6 };
  const guint huge[] = { G_MAXUINT, G_MAXUINT, 0 };
  const guint n = 200000;
  guint counts[G_N_ELEMENTS (weights)] = { 0 };
  guint huge_first = 0;
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 4);
  for (guint i = 0; i < n; i++)
    counts[xaso_demo_random_weighted (&r, weights, G_N_ELEMENTS (weights))]++;

  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (counts[0] / (double) n, 0.1, 0.004);
  g_assert_cmpfloat_with_epsilon (counts[2] / (double) n, 0.3, 0.006);
  g_assert_cmpfloat_with_epsilon (counts[3] / (double) n, 0.6, 0.006);

  /* Sums beyond 32 bits take the 64-bit path. */
  for (guint i = 0; i < 20000; i++)
    {
      guint k = xaso_demo_random_weighted (&r, huge, G_N_ELEMENTS (huge));

      g_assert_cmpuint (k, <, 2);
      huge_first += k == 0;
    }
  g_assert_cmpfloat_with_epsilon (huge_first / 20000.0, 0.5, 0.02);
}

/* Names ------------------------------------------------------------------- */

static void
assert_nfc (const char *s)
{
  g_autofree char *nfc = NULL;

  g_assert_nonnull (s);
  g_assert_true (g_utf8_validate (s, -1, NULL));
  nfc = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (s, ==, nfc);
}

/* Draws a varied sequence of names from one stream: the sex and birth year
 * come from the same source, as in the generator. */
static GPtrArray *
draw_names (guint64 seed,
            guint   n)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  XasoDemoRandom r;

  xaso_demo_random_init (&r, seed);
  for (guint i = 0; i < n; i++)
    {
      gboolean female = xaso_demo_random_chance (&r, 0.5);
      int year = xaso_demo_random_between (&r, 1925, 2025);

      g_ptr_array_add (names, xaso_demo_person_name (&r, female, year, NULL));
    }

  return names;
}

static void
test_names_deterministic (void)
{
  g_autoptr(GPtrArray) a = draw_names (2026, 1000);
  g_autoptr(GPtrArray) b = draw_names (2026, 1000);
  g_autoptr(GPtrArray) c = draw_names (2027, 1000);
  guint same = 0;

  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
      same += g_str_equal (a->pdata[i], c->pdata[i]);
    }

  g_assert_cmpuint (same, <, 50);
}

static void
assert_name_shape (const char *name,
                   gboolean    female,
                   const char *family_surname)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  assert_nfc (name);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, 5);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (strlen (words[i]), >, 0);

  if (family_surname)
    g_assert_cmpstr (words[0], ==, family_surname);
  else
    g_assert_true (xaso_demo_surname_is_known (words[0]));

  if (female)
    g_assert_false (g_strv_contains ((const char * const *) words, "Văn"));
  else
    g_assert_false (g_strv_contains ((const char * const *) words, "Thị"));
}

static void
test_names_shape (void)
{
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 5);
  for (guint i = 0; i < 100000; i++)
    {
      gboolean female = i % 2 == 0;
      int year = 1920 + (int) (i % 106);
      const char *family = i % 3 == 0 ? xaso_demo_surname (&r, i % XASO_DEMO_N_REGIONS) : NULL;
      g_autofree char *name = xaso_demo_person_name (&r, female, year, family);

      assert_name_shape (name, female, family);
    }
}

static void
test_names_pieces (void)
{
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 6);
  for (guint i = 0; i < 5000; i++)
    {
      gboolean female = i % 2 == 1;
      g_autofree char *middle = xaso_demo_middle_name (&r, female, 1930 + (int) (i % 95));
      const char *given = xaso_demo_given_name (&r, female, 1930 + (int) (i % 95));

      assert_nfc (middle);
      assert_nfc (given);
      g_assert_null (strchr (given, ' '));
      if (female)
        g_assert_null (strstr (middle, "Văn"));
    }

  g_assert_false (xaso_demo_surname_is_known ("Văn"));
  g_assert_true (xaso_demo_surname_is_known ("Nguyễn"));
}

static void
test_surname_frequencies (void)
{
  const struct {
    const char *surname;
    double      share;
  } expected[] = {
    { "Nguyễn", 0.38 }, { "Trần", 0.11 }, { "Lê", 0.095 }, { "Phạm", 0.07 },
  };
  const guint n = 100000;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 8);
  for (guint i = 0; i < n; i++)
    {
      const char *s = xaso_demo_surname (&r, XASO_DEMO_REGION_NATIONAL);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, s));

      g_hash_table_insert (counts, (gpointer) s, GUINT_TO_POINTER (c + 1));
    }

  /* At least 30 surnames, and the national shares within 4 standard
   * deviations. */
  g_assert_cmpuint (g_hash_table_size (counts), >=, 30);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      double got = GPOINTER_TO_UINT (g_hash_table_lookup (counts, expected[i].surname)) / (double) n;

      g_assert_cmpfloat_with_epsilon (got, expected[i].share, 0.006);
    }
}

/* The share of names holding @word as a middle name. */
static double
middle_share (gboolean    female,
              const char *word,
              int         birth_year)
{
  const guint n = 20000;
  g_autofree char *needle = g_strdup_printf (" %s ", word);
  guint hits = 0;
  XasoDemoRandom r;

  xaso_demo_random_init (&r, (guint64) birth_year);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = xaso_demo_person_name (&r, female, birth_year, NULL);

      hits += strstr (name, needle) != NULL;
    }

  return hits / (double) n;
}

static void
test_names_follow_fashion (void)
{
  g_assert_cmpfloat (middle_share (TRUE, "Thị", 1950), >, 0.7);
  g_assert_cmpfloat (middle_share (TRUE, "Thị", 2015), <, 0.35);
  g_assert_cmpfloat (middle_share (FALSE, "Văn", 1950), >, 0.5);
  g_assert_cmpfloat (middle_share (FALSE, "Văn", 2015), <, 0.2);
}

static void
test_given_name_variety (void)
{
  g_autoptr(GHashTable) female = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) male = g_hash_table_new (g_str_hash, g_str_equal);
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 10);
  for (guint i = 0; i < 200000; i++)
    {
      int year = 1930 + (int) (i % 96);

      g_hash_table_add (female, (gpointer) xaso_demo_given_name (&r, TRUE, year));
      g_hash_table_add (male, (gpointer) xaso_demo_given_name (&r, FALSE, year));
    }

  g_assert_cmpuint (g_hash_table_size (female), >=, 80);
  g_assert_cmpuint (g_hash_table_size (male), >=, 80);
}

static void
test_people_attributes (void)
{
  guint kinh = 0;
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 11);
  for (guint i = 0; i < 20000; i++)
    {
      XasoDemoRegion region = i % XASO_DEMO_N_REGIONS;
      const char *ethnicity = xaso_demo_ethnicity (&r, XASO_DEMO_REGION_NATIONAL);

      assert_nfc (ethnicity);
      kinh += g_str_equal (ethnicity, "Kinh");
      assert_nfc (xaso_demo_ethnicity (&r, region));
      assert_nfc (xaso_demo_religion (&r, region));
      assert_nfc (xaso_demo_occupation (&r, 6 + (int) (i % 90), i % 2));
    }
  g_assert_cmpfloat_with_epsilon (kinh / 20000.0, 0.853, 0.015);

  g_assert_null (xaso_demo_occupation (&r, 3, FALSE));
  g_assert_cmpstr (xaso_demo_occupation (&r, 10, FALSE), ==, "Học sinh");

  for (guint i = 0; i < XASO_DEMO_N_RELATIONS; i++)
    {
      assert_nfc (xaso_demo_relation_name (i, XASO_DEMO_REGION_NORTH));
      assert_nfc (xaso_demo_relation_name (i, XASO_DEMO_REGION_SOUTH));
    }
  g_assert_cmpstr (xaso_demo_relation_name (XASO_DEMO_RELATION_HEAD, XASO_DEMO_REGION_NORTH),
                   ==, "Chủ hộ");
  g_assert_cmpstr (xaso_demo_relation_name (XASO_DEMO_RELATION_FATHER, XASO_DEMO_REGION_SOUTH),
                   ==, "Cha");
}

/* Places ------------------------------------------------------------------ */

static gboolean
all_digits (const char *s,
            gsize       n)
{
  if (strlen (s) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static void
test_communes (void)
{
  static const char * const provinces[] = {
    "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37",
    "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82",
    "86", "91", "92", "96", NULL,
  };
  const XasoDemoCommune *def = xaso_demo_commune_default ();
  const XasoDemoCommune *all;
  guint n;

  g_assert_cmpstr (def->name, ==, "Xã Tân Lập");
  g_assert_true (def->code_confirmed);
  g_assert_true (xaso_demo_commune_lookup (def->code) == def);
  g_assert_null (xaso_demo_commune_lookup ("00000"));

  all = xaso_demo_communes (&n);
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    {
      const XasoDemoCommune *c = &all[i];

      g_assert_true (all_digits (c->code, 5));
      g_assert_true (all_digits (c->province_code, 2));
      g_assert_true (g_strv_contains (provinces, c->province_code));
      g_assert_true (g_str_has_prefix (c->name, c->is_ward ? "Phường " : "Xã "));
      g_assert_true (g_str_has_suffix (c->name, c->short_name));
      g_assert_true (g_str_has_suffix (c->agency_name, c->short_name));
      g_assert_true (g_str_has_suffix (c->province_full, c->province_name));
      g_assert_true (g_regex_match_simple ("^\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}$",
                                           c->agency_eid, 0, 0));
      assert_nfc (c->name);
      assert_nfc (c->province_full);
      assert_nfc (xaso_demo_hamlets_collective (c));
    }
}

static void
assert_hamlets (XasoDemoRandom *r,
                XasoDemoRegion  region,
                gboolean        ward,
                guint           n)
{
  g_auto(GStrv) hamlets = xaso_demo_hamlets (r, region, ward, n);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (g_strv_length (hamlets), ==, n);
  for (guint i = 0; i < n; i++)
    {
      assert_nfc (hamlets[i]);
      g_assert_true (g_hash_table_add (seen, hamlets[i]));
      if (ward)
        g_assert_true (g_str_has_prefix (hamlets[i], region == XASO_DEMO_REGION_SOUTH
                                                     ? "Khu phố " : "Tổ dân phố "));
      else if (region == XASO_DEMO_REGION_SOUTH)
        g_assert_true (g_str_has_prefix (hamlets[i], "Ấp "));
    }
}

static void
test_hamlets (void)
{
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 12);
  for (guint round = 0; round < 50; round++)
    for (guint region = 0; region < XASO_DEMO_N_REGIONS; region++)
      {
        assert_hamlets (&r, region, FALSE, 1 + round % 20);
        assert_hamlets (&r, region, TRUE, 1 + round % 15);
      }

  /* More hamlets than named stems fall back to numbers. */
  assert_hamlets (&r, XASO_DEMO_REGION_NORTH, FALSE, 80);
  assert_hamlets (&r, XASO_DEMO_REGION_HIGHLANDS, FALSE, 60);
}

static void
test_street_addresses (void)
{
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 13);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *address = xaso_demo_street_address (&r, i % XASO_DEMO_N_REGIONS);

      assert_nfc (address);
      g_assert_true (g_str_has_prefix (address, "Số "));
      g_assert_nonnull (strstr (address, "đường "));
    }
}

/* Documents --------------------------------------------------------------- */

static void
test_document_types (void)
{
  static const char * const domain_abbrs[] = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
  };
  guint n;
  const XasoDemoDocumentType *types = xaso_demo_document_types (&n);

  g_assert_cmpuint (n, ==, 29);
  for (guint i = 0; i < G_N_ELEMENTS (domain_abbrs); i++)
    g_assert_nonnull (xaso_demo_document_type_lookup (domain_abbrs[i]));
  for (guint i = 0; i < n; i++)
    assert_nfc (types[i].name);

  g_assert_cmpstr (xaso_demo_document_type_lookup (NULL)->name, ==, "Công văn");
  g_assert_cmpstr (xaso_demo_document_type_lookup ("")->name, ==, "Công văn");
  g_assert_cmpstr (xaso_demo_document_type_lookup ("TTr")->name, ==, "Tờ trình");
  g_assert_null (xaso_demo_document_type_lookup ("XYZ"));
}

static void
assert_document (const XasoDemoDocument *doc,
                 gboolean                incoming)
{
  assert_nfc (doc->issuer);
  assert_nfc (doc->subject);
  assert_nfc (doc->signer_title);
  g_assert_null (strchr (doc->subject, '{'));
  g_assert_nonnull (doc->type);

  if (doc->type->abbr == NULL)
    {
      g_assert_true (g_str_has_prefix (doc->subject, "V/v "));
      g_assert_nonnull (doc->unit_abbr);
    }

  if (incoming)
    {
      g_autofree char *pattern = NULL;

      assert_nfc (doc->notation);
      assert_nfc (doc->signer_name);
      g_assert_cmpuint (doc->number, >, 0);
      g_assert_null (doc->recipients);
      /* "05/KH-UBND", "1234/UBND-KGVX", "12/2026/NQ-HĐND". */
      g_assert_true (g_regex_match_simple ("^\\d{2,}/(\\d{4}/)?\\S+-\\S+$", doc->notation, 0, 0));
      pattern = doc->type->abbr ? g_strdup_printf ("/%s-", doc->type->abbr) : NULL;
      if (pattern)
        g_assert_nonnull (strstr (doc->notation, pattern));
    }
  else
    {
      assert_nfc (doc->recipients);
      g_assert_null (strchr (doc->recipients, '{'));
      g_assert_null (doc->notation);
      g_assert_null (doc->signer_name);
      g_assert_cmpuint (doc->number, ==, 0);
    }
}

static void
test_documents (void)
{
  guint n_communes;
  const XasoDemoCommune *communes = xaso_demo_communes (&n_communes);
  g_autoptr(GHashTable) subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  XasoDemoRandom r;

  xaso_demo_random_init (&r, 14);
  for (guint i = 0; i < 4000; i++)
    {
      XasoDemoDocument in, out;
      const XasoDemoCommune *commune = &communes[i % n_communes];
      int month = 1 + (int) (i % 12);

      xaso_demo_incoming_document (&r, commune, 2026, month, &in);
      xaso_demo_outgoing_document (&r, commune, 2026, month, &out);
      assert_document (&in, TRUE);
      assert_document (&out, FALSE);
      g_hash_table_add (subjects, g_strdup (in.subject));
      g_hash_table_add (subjects, g_strdup (out.subject));
      xaso_demo_document_clear (&in);
      xaso_demo_document_clear (&out);
      g_assert_null (in.subject);
    }

  /* At least 60 distinct subject templates are in use. */
  g_assert_cmpuint (g_hash_table_size (subjects), >=, 60);
}

static void
test_issuer_names (void)
{
  const XasoDemoCommune *tan_lap = xaso_demo_commune_default ();
  g_autofree char *stp = xaso_demo_issuer_full_name (xaso_demo_issuer_lookup ("STP"), tan_lap);
  g_autofree char *ubnd = xaso_demo_issuer_full_name (xaso_demo_issuer_lookup ("UBND"), tan_lap);
  guint n;
  const XasoDemoIssuer *all = xaso_demo_issuers (&n);

  g_assert_cmpstr (stp, ==, "Sở Tư pháp tỉnh Tây Ninh");
  g_assert_cmpstr (ubnd, ==, "UBND tỉnh Tây Ninh");
  for (guint i = 0; i < n; i++)
    {
      assert_nfc (all[i].name);
      g_assert_nonnull (all[i].units[0]);
      g_assert_true (g_str_has_prefix (all[i].deputy_title, "Phó "));
    }
}

/* Procedure catalogue ----------------------------------------------------- */

static JsonParser *
load_procedures (void)
{
  const char *root = g_getenv ("XASO_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "seed", "procedures.json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&parser);
}

static void
assert_procedure (JsonObject *p)
{
  const char *code = json_object_get_string_member_with_default (p, "code", NULL);
  JsonObject *limit = json_object_get_object_member (p, "time_limit");
  const char *unit = json_object_get_string_member (limit, "unit");
  gint64 direct = json_object_get_int_member (limit, "direct");
  JsonArray *steps = json_object_get_array_member (p, "steps");
  double hours = 0;

  /* A missing national code must be explained in the note. */
  if (code)
    g_assert_true (g_regex_match_simple ("^\\d\\.\\d{6}$", code, 0, 0));
  else
    g_assert_cmpuint (strlen (json_object_get_string_member (p, "note")), >, 0);

  assert_nfc (json_object_get_string_member (p, "name"));
  assert_nfc (json_object_get_string_member (p, "field"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "papers")), >, 0);
  g_assert_true (json_object_has_member (json_object_get_object_member (p, "fee"), "amount"));

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      assert_nfc (json_object_get_string_member (step, "name"));
      g_assert_cmpfloat (json_object_get_double_member (step, "hours"), >, 0);
      hours += json_object_get_double_member (step, "hours");
    }

  if (g_str_equal (unit, "working_days"))
    g_assert_cmpfloat_with_epsilon (hours, direct * 8.0, 1e-9);
  else if (g_str_equal (unit, "working_hours"))
    g_assert_cmpfloat_with_epsilon (hours, (double) direct, 1e-9);
  else if (g_str_equal (unit, "same_day_15h"))
    g_assert_cmpfloat (hours, <=, 8.0);
  else
    g_assert_not_reached ();
}

static void
test_procedures (void)
{
  g_autoptr(JsonParser) parser = load_procedures ();
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonArray *procedures = json_object_get_array_member (root, "procedures");
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean has_birth = FALSE;

  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "valid_from"), ==, "2025-07-01");
  g_assert_cmpuint (json_array_get_length (procedures), >=, 25);

  for (guint i = 0; i < json_array_get_length (procedures); i++)
    {
      JsonObject *p = json_array_get_object_element (procedures, i);
      const char *code = json_object_get_string_member_with_default (p, "code", NULL);

      assert_procedure (p);
      if (code)
        g_assert_true (g_hash_table_add (codes, (gpointer) code));
      has_birth |= g_strcmp0 (code, "1.001193") == 0;
    }

  g_assert_true (has_birth);
}

/* Benchmark (run with -m perf) -------------------------------------------- */

static void
test_perf_million_names (void)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  XasoDemoRandom r;
  gsize bytes = 0;

  xaso_demo_random_init (&r, 1);
  for (guint i = 0; i < 1000000; i++)
    {
      g_autofree char *name = xaso_demo_person_name (&r, i % 2, 1930 + (int) (i % 95), NULL);

      bytes += strlen (name);
    }

  g_test_minimized_result (g_timer_elapsed (timer, NULL), "1,000,000 names in %.3f s (%" G_GSIZE_FORMAT " bytes)",
                           g_timer_elapsed (timer, NULL), bytes);
}

/* Dossiers ---------------------------------------------------------------- */

static XasoDatabase *
make_demo (guint64 seed)
{
  g_autofree char *path = xaso_test_temp_path ("demo.db");
  g_autoptr(XasoDatabase) db = xaso_database_open (path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  g_assert_true (xaso_demo_generate (db, XASO_DEMO_SMALL, seed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* What the demo stores of each dossier is the fold of its events, so a
 * refold changes nothing; online dossiers wait for the counter. */
static void
test_dossiers_fold (void)
{
  g_autoptr(XasoDatabase) db = make_demo (1);
  g_autoptr(XasoDatabase) again = make_demo (1);
  g_autoptr(GError) error = NULL;
  const char *summary = "SELECT group_concat (code || ' ' || status || ' ' || channel || ' ' || applicant_name || "
                        "' ' || coalesce (due_at, '-'), ',') FROM (SELECT * FROM dossier ORDER BY code)";
  g_autofree char *first = xaso_test_string (db, summary);
  g_autofree char *second = xaso_test_string (again, summary);

  g_assert_cmpint (xaso_dossier_refold_all (db, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM dossier WHERE needs_review = 1"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM dossier_event WHERE kind = 'rejected'"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM dossier WHERE status = 1 AND channel != 'online'"),
                   ==, 0);
  g_assert_cmpint (xaso_dossier_queue_count (db, XASO_DOSSIER_QUEUE_TO_RECEIVE, NULL, &error), >=, 3);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM dossier d WHERE status = 1 AND EXISTS "
                                        "(SELECT 1 FROM dossier_event WHERE dossier_id = d.id AND kind != 'submitted')"),
                   ==, 0);
  /* The same seed makes the same dossiers. */
  g_assert_cmpstr (first, ==, second);
}

/* Likewise each document: its status is where its history leads, and
 * nothing in that history contradicts it. */
static void
test_documents_fold (void)
{
  g_autoptr(XasoDatabase) db = make_demo (2);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) events = NULL;

  g_assert_cmpint (xaso_document_refold_all (db, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM document"), >, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM document WHERE direction = 'incoming' AND "
                                        "(status NOT IN ('done', 'in_progress') OR lead_user_id IS NULL OR "
                                        "transferred_date IS NULL)"), ==, 0);
  g_assert_cmpint (xaso_test_count (db, "SELECT count(*) FROM document WHERE direction = 'outgoing' AND "
                                        "(status != 'issued' OR signed_date IS NOT issued_date)"), ==, 0);
  id = xaso_test_string (db, "SELECT id FROM document WHERE direction = 'incoming' ORDER BY rowid LIMIT 1");
  events = xaso_document_event_list (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  for (guint i = 0; i < events->len; i++)
    g_assert_false (((XasoDocumentEvent *)g_ptr_array_index (events, i))->not_applied);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/random/reference-values", test_random_reference_values);
  g_test_add_func ("/demo/random/streams", test_random_streams);
  g_test_add_func ("/demo/random/range-bounds", test_random_range_bounds);
  g_test_add_func ("/demo/random/range-unbiased", test_random_range_unbiased);
  g_test_add_func ("/demo/random/double-and-chance", test_random_double_and_chance);
  g_test_add_func ("/demo/random/weighted", test_random_weighted);
  g_test_add_func ("/demo/names/deterministic", test_names_deterministic);
  g_test_add_func ("/demo/names/shape", test_names_shape);
  g_test_add_func ("/demo/names/pieces", test_names_pieces);
  g_test_add_func ("/demo/names/surname-frequencies", test_surname_frequencies);
  g_test_add_func ("/demo/names/fashion", test_names_follow_fashion);
  g_test_add_func ("/demo/names/given-variety", test_given_name_variety);
  g_test_add_func ("/demo/people/attributes", test_people_attributes);
  g_test_add_func ("/demo/places/communes", test_communes);
  g_test_add_func ("/demo/places/hamlets", test_hamlets);
  g_test_add_func ("/demo/places/street-addresses", test_street_addresses);
  g_test_add_func ("/demo/documents/types", test_document_types);
  g_test_add_func ("/demo/documents/issuers", test_issuer_names);
  g_test_add_func ("/demo/documents/generated", test_documents);
  g_test_add_func ("/demo/procedures/catalogue", test_procedures);
  g_test_add_func ("/demo/dossiers/events-fold-to-the-rows", test_dossiers_fold);
  g_test_add_func ("/demo/documents/events-fold-to-the-rows", test_documents_fold);
  if (g_test_perf ())
    g_test_add_func ("/demo/perf/million-names", test_perf_million_names);

  return g_test_run ();
}
