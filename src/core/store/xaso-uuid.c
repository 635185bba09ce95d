/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-store"

#include "config.h"

#include "xaso-uuid.h"

/* UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made
 * within the same millisecond on this process use a counter in rand_a, so they
 * still sort in creation order. */
G_LOCK_DEFINE_STATIC (uuid_clock);
static gint64 last_ms;
static guint16 counter;

/* 8-4-4-4-12 lower-case hex digits; written by hand, as every record and
 * every op takes one. */
static char *
format_uuid (const guint8 *b)
{
  static const char hex[] = "0123456789abcdef";
  char *text = g_malloc (37);
  char *p = text;

  for (int i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[b[i] >> 4];
      *p++ = hex[b[i] & 0x0f];
    }
  *p = '\0';
  return text;
}

char *
xaso_uuid_new_at (gint64 unix_ms)
{
  guint8 b[16];
  guint16 seq;
  guint32 r1 = g_random_int (), r2 = g_random_int ();

  G_LOCK (uuid_clock);
  if (unix_ms <= last_ms)
    {
      unix_ms = last_ms;
      counter++;
      if (counter > 0x0fff)
        {
          /* The counter ran out in this millisecond: borrow the next one. */
          last_ms = ++unix_ms;
          counter = 0;
        }
    }
  else
    {
      last_ms = unix_ms;
      counter = g_random_int_range (0, 0x400);
    }
  seq = counter;
  G_UNLOCK (uuid_clock);

  for (int i = 0; i < 6; i++)
    b[i] = (unix_ms >> (40 - 8 * i)) & 0xff;
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | ((r1 >> 24) & 0x3f);
  b[9] = (r1 >> 16) & 0xff;
  b[10] = (r1 >> 8) & 0xff;
  b[11] = r1 & 0xff;
  for (int i = 0; i < 4; i++)
    b[12 + i] = (r2 >> (24 - 8 * i)) & 0xff;

  return format_uuid (b);
}

char *
xaso_uuid_new (void)
{
  return xaso_uuid_new_at (g_get_real_time () / 1000);
}

char *
xaso_uuid_new_named (const char *name)
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (sha, (const guchar *) name, -1);
  g_checksum_get_digest (sha, digest, &length);
  digest[6] = 0x80 | (digest[6] & 0x0f);    /* version 8 (RFC 9562) */
  digest[8] = 0x80 | (digest[8] & 0x3f);    /* the RFC's variant */
  return format_uuid (digest);
}

gboolean
xaso_uuid_is_valid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text) && text[14] == '7';
}

gint64
xaso_uuid_get_unix_ms (const char *text)
{
  gint64 ms = 0;
  int digits = 0;

  g_return_val_if_fail (xaso_uuid_is_valid (text), 0);

  for (const char *p = text; digits < 12; p++)
    {
      if (*p == '-')
        continue;
      ms = (ms << 4) | g_ascii_xdigit_value (*p);
      digits++;
    }
  return ms;
}
