/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-server"

#include "config.h"

#include <string.h>

#include "xaso-server-json.h"

void
xaso_json_next_record (GString *out)
{
  if (out->len > 1)
    g_string_append_c (out, ',');
}

JsonNode *
xaso_json_value_new (const char *type,
                     const char *text)
{
  gint64 integer;

  if (g_strcmp0 (type, "string") == 0)
    return json_node_init_string (json_node_alloc (), text);
  if (g_strcmp0 (type, "number") == 0)
    {
      /* Integers stay integers: 2 and 2.0 are equal values all the same. */
      if (strpbrk (text, ".eE") == NULL && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &integer, NULL))
        return json_node_init_int (json_node_alloc (), integer);
      return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
    }
  return json_node_init_null (json_node_alloc ());
}
