/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "xaso-attachment.h"
#include "xaso-sync-blobs.h"
#include "xaso-test-util.h"
#include "xaso-uuid.h"

/* Which ops wait for their attachment's bytes (PROTOCOL.md, "Held ops")
 * and which pulled rows queue a download, without a server. Uploads and
 * downloads themselves are tests/sync/test-sync-blobs.py. */

static XasoSyncOp *
make_op (gint64      seq,
         const char *table,
         const char *kind,
         const char *sha256)
{
  XasoSyncOp *op = g_new0 (XasoSyncOp, 1);

  op->seq = seq;
  op->id = xaso_uuid_new ();
  op->actor = g_strdup ("test");
  op->table = g_strdup (table);
  op->row = xaso_uuid_new ();
  op->kind = g_strdup (kind);
  op->fields = json_object_new ();
  if (sha256 != NULL)
    {
      JsonObject *field = json_object_new ();

      json_object_set_string_member (field, "new", sha256);
      json_object_set_object_member (op->fields, "sha256", field);
    }
  else
    json_object_set_object_member (op->fields, "file_name", json_object_new ());
  return op;
}

/* A file stored the way attaching stores it; returns its name. */
static char *
store (XasoDatabase *db,
       const char   *contents)
{
  g_autofree char *path = xaso_test_temp_path ("scan.pdf");
  g_autoptr(GError) error = NULL;
  gint64 size;
  char *name;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  name = xaso_attachment_store_file (db, path, &size, &error);
  g_assert_no_error (error);
  return name;
}

static void
test_hold (void)
{
  g_autofree char *path = xaso_test_temp_path ("hold.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *here = store (db, "%PDF-1.4 giấy khai sinh");
  const char *absent = "0000000000000000000000000000000000000000000000000000000000000001";
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) xaso_sync_op_free);
  const char *name = NULL;

  g_ptr_array_add (ops, make_op (1, "person", "insert", NULL));
  g_ptr_array_add (ops, make_op (2, "attachment", "insert", absent));
  g_ptr_array_add (ops, make_op (3, "attachment", "update", NULL));
  g_ptr_array_add (ops, make_op (4, "attachment", "delete", here));
  g_ptr_array_add (ops, make_op (5, "person", "update", here));
  g_assert_null (xaso_sync_op_blob (g_ptr_array_index (ops, 0)));
  g_assert_cmpstr (xaso_sync_op_blob (g_ptr_array_index (ops, 1)), ==, absent);
  g_assert_null (xaso_sync_op_blob (g_ptr_array_index (ops, 2)));
  g_assert_null (xaso_sync_op_blob (g_ptr_array_index (ops, 3)));
  g_assert_null (xaso_sync_op_blob (g_ptr_array_index (ops, 4)));
  /* A blob this desktop lacks holds nothing back. */
  g_assert_cmpint (xaso_sync_blobs_first_held (db, ops, &name), ==, -1);
  g_assert_null (name);

  /* One it has, not known on the server, holds its op and what follows. */
  g_ptr_array_add (ops, make_op (6, "attachment", "insert", here));
  g_ptr_array_add (ops, make_op (7, "attachment", "update", here));
  g_assert_cmpint (xaso_sync_blobs_first_held (db, ops, &name), ==, 5);
  g_assert_cmpstr (name, ==, here);

  /* Uploaded whole: held no more. Still uploading: held. */
  g_assert_true (_xaso_sync_blob_record (db, here, TRUE, 30, 10, "queued", NULL, TRUE));
  g_assert_true (xaso_sync_blob_needs_upload (db, here));
  g_assert_cmpuint (xaso_sync_blobs_count (db, TRUE), ==, 1);
  g_assert_true (_xaso_sync_blob_record (db, here, TRUE, 30, 30, "done", NULL, FALSE));
  g_assert_false (xaso_sync_blob_needs_upload (db, here));
  g_assert_cmpint (xaso_sync_blobs_first_held (db, ops, &name), ==, -1);
  g_assert_cmpuint (xaso_sync_blobs_count (db, TRUE), ==, 0);
}

static void
test_queue_downloads (void)
{
  g_autofree char *path = xaso_test_temp_path ("queue.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *here = store (db, "ảnh chụp CCCD");
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *absent = "00000000000000000000000000000000000000000000000000000000000000ab";

  g_hash_table_add (names, here);
  g_hash_table_add (names, (char *) absent);
  g_hash_table_add (names, (char *) "../../etc/passwd");
  g_assert_true (xaso_sync_blobs_queue_downloads (db, names, &error));
  g_assert_no_error (error);
  /* Queued twice, it is one download. */
  g_assert_true (xaso_sync_blobs_queue_downloads (db, names, &error));
  g_assert_cmpuint (xaso_sync_blobs_count (db, FALSE), ==, 1);
  list = xaso_sync_blobs_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((XasoSyncTransfer *) g_ptr_array_index (list, 0))->name, ==, absent);
  g_assert_false (((XasoSyncTransfer *) g_ptr_array_index (list, 0))->upload);
}

/* A row whose bytes have not come says so, for the viewer to tell. */
static void
test_not_downloaded (void)
{
  g_autofree char *path = xaso_test_temp_path ("absent.db");
  g_autoptr(XasoDatabase) db = xaso_test_open_commune (path);
  g_autofree char *here = store (db, "tờ khai");
  XasoAttachment absent = { NULL, (char *) "00000000000000000000000000000000000000000000000000000000000000cd", 3,
                            NULL, (char *) "to-khai.pdf", NULL, FALSE };
  XasoAttachment present = absent;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *plain = NULL;

  g_assert_null (xaso_attachment_read (db, &absent, &error));
  g_assert_error (error, XASO_ATTACHMENT_ERROR, XASO_ATTACHMENT_ERROR_NOT_DOWNLOADED);
  g_clear_error (&error);
  g_assert_null (xaso_attachment_open_plain_path (db, &absent, &error));
  g_assert_error (error, XASO_ATTACHMENT_ERROR, XASO_ATTACHMENT_ERROR_NOT_DOWNLOADED);
  g_clear_error (&error);
  present.sha256 = here;
  bytes = xaso_attachment_read (db, &present, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen ("tờ khai"));
  plain = xaso_attachment_open_plain_path (db, &present, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (plain, G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/blobs/hold", test_hold);
  g_test_add_func ("/sync/blobs/queue-downloads", test_queue_downloads);
  g_test_add_func ("/sync/blobs/not-downloaded", test_not_downloaded);
  return g_test_run ();
}
