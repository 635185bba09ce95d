/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-documents"

#include "config.h"

#include "xaso-document-types.h"

static const XasoDocumentType types[] = {
  { "Nghị quyết", "NQ" },       { "Quyết định", "QĐ" },     { "Chỉ thị", "CT" },
  { "Quy chế", "QC" },          { "Quy định", "QyĐ" },      { "Thông cáo", "TC" },
  { "Thông báo", "TB" },        { "Hướng dẫn", "HD" },      { "Chương trình", "CTr" },
  { "Kế hoạch", "KH" },         { "Phương án", "PA" },      { "Đề án", "ĐA" },
  { "Dự án", "DA" },            { "Báo cáo", "BC" },        { "Biên bản", "BB" },
  { "Tờ trình", "TTr" },        { "Hợp đồng", "HĐ" },       { "Công văn", NULL },
  { "Công điện", "CĐ" },        { "Bản ghi nhớ", "BGN" },   { "Bản thỏa thuận", "BTT" },
  { "Giấy ủy quyền", "GUQ" },   { "Giấy mời", "GM" },       { "Giấy giới thiệu", "GGT" },
  { "Giấy nghỉ phép", "GNP" },  { "Phiếu gửi", "PG" },      { "Phiếu chuyển", "PC" },
  { "Phiếu báo", "PB" },        { "Thư công", NULL },
};

const XasoDocumentType *
xaso_document_types (guint *n_types)
{
  *n_types = G_N_ELEMENTS (types);
  return types;
}

const XasoDocumentType *
xaso_document_type_find (const char *abbr)
{
  g_autofree char *wanted = NULL;

  if (abbr == NULL || *abbr == '\0')
    return NULL;
  wanted = g_utf8_casefold (abbr, -1);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *folded = types[i].abbr ? g_utf8_casefold (types[i].abbr, -1) : NULL;

      if (g_strcmp0 (folded, wanted) == 0)
        return &types[i];
    }
  return NULL;
}

const char *
xaso_document_type_name (const char *abbr)
{
  const XasoDocumentType *type = xaso_document_type_find (abbr);

  return type != NULL ? type->name : "Công văn";
}
