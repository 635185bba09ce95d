/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-demo"

#include "config.h"

#include <string.h>

#include "xaso-demo-names.h"

/* A weighted table: each entry has one weight per column (a region, an era
 * of birth, rural or urban). The totals per column are computed once. */
#define MAX_COLUMNS 6

typedef struct
{
  const char *text;
  guint16     weight[MAX_COLUMNS];
} Entry;

typedef struct
{
  const Entry *entries;
  guint        n_entries;
  guint        totals[MAX_COLUMNS];
} Table;

#define TABLE(entries) { entries, G_N_ELEMENTS (entries), { 0 } }

/* Surnames, per 100,000 people. Columns follow XasoDemoRegion: national,
 * north, central, south, northern uplands, Central Highlands. The national
 * column sums to exactly 100,000: Nguyễn 38 %, Trần 11 %, Lê 9.5 %,
 * Phạm 7 %; Hoàng and Huỳnh (its southern form) 5.1 % together, Vũ and Võ
 * 3.9 %. Huỳnh and Võ are southern and central, Hoàng and Vũ northern;
 * Nông, Lò, Hà, Lường, Cầm, Giàng… are Tày, Thái and Mông surnames. "Văn"
 * is left out although it exists as a surname, so that a woman's name never
 * holds it. */
static const Entry surname_entries[] = {
  { "Nguyễn", { 38000, 36000, 35000, 38000, 15000, 33000 } },
  { "Trần",   { 11000, 10000, 11500, 12500,  4000, 10000 } },
  { "Lê",     {  9500,  9000, 10500,  9500,  3000,  9500 } },
  { "Phạm",   {  7000,  8500,  5500,  5500,  2000,  6000 } },
  { "Hoàng",  {  3000,  4500,  2500,   500,  8000,  3000 } },
  { "Huỳnh",  {  2100,    50,  3000,  5500,     0,  2000 } },
  { "Phan",   {  4500,  2500,  6500,  3500,   500,  4000 } },
  { "Vũ",     {  2000,  4500,   300,   500,  1500,  2500 } },
  { "Võ",     {  1900,   300,  5500,  4000,     0,  3500 } },
  { "Đặng",   {  2100,  2500,  2000,  1800,  1500,  2000 } },
  { "Bùi",    {  2000,  3500,  1500,  1000,  3000,  2000 } },
  { "Đỗ",     {  1400,  2800,  1200,   700,   800,  1500 } },
  { "Hồ",     {  1300,   700,  3500,  1500,     0,  1500 } },
  { "Ngô",    {  1300,  1600,  1500,  1100,   500,  1200 } },
  { "Dương",  {  1000,  1200,  1000,  1100,  1000,  1000 } },
  { "Lý",     {   500,   300,   300,   900,  3000,   800 } },
  { "Đinh",   {   700,  1200,   900,   300,  2000,   900 } },
  { "Đoàn",   {   600,   900,  1000,   600,     0,   700 } },
  { "Trương", {   700,   600,  1500,  1500,     0,   800 } },
  { "Lương",  {   400,   700,   600,   600,  3000,   600 } },
  { "Lâm",    {   400,   300,   300,  1300,     0,   400 } },
  { "Mai",    {   400,   600,   700,   500,     0,   500 } },
  { "Trịnh",  {   500,  1300,   300,   300,   200,   500 } },
  { "Cao",    {   400,   600,   700,   500,     0,   500 } },
  { "Tô",     {   200,   400,   200,   500,   500,   300 } },
  { "Hà",     {   400,   800,   500,   300,  5000,   600 } },
  { "Chu",    {   300,   600,   100,    50,   800,   300 } },
  { "Vương",  {   200,   300,   100,   200,     0,   300 } },
  { "Tạ",     {   200,   600,   100,   200,     0,   300 } },
  { "Lưu",    {   200,   500,   300,   300,     0,   300 } },
  { "Quách",  {   200,   200,   100,   200,     0,   200 } },
  { "Thái",   {   300,   300,   500,   400,     0,   300 } },
  { "Kiều",   {   200,   400,   100,   100,     0,   200 } },
  { "Đào",    {   500,  1200,   600,   400,     0,   600 } },
  { "Châu",   {   200,    50,   500,   800,     0,   300 } },
  { "Triệu",  {   200,   300,   100,   200,  3000,   400 } },
  { "Tăng",   {   200,    50,   150,   400,     0,   150 } },
  { "La",     {   200,   100,   150,   300,     0,   150 } },
  { "Mạc",    {   100,   200,    50,    50,     0,   100 } },
  { "Khúc",   {   100,   200,     0,     0,     0,    50 } },
  { "Nông",   {   250,   100,     0,    10,  6000,   800 } },
  { "Lò",     {   200,     0,     0,     0,  5000,   100 } },
  { "Hứa",    {   100,   100,   100,   200,   500,   100 } },
  { "Từ",     {   100,   150,   150,   100,     0,   100 } },
  { "Âu",     {   100,    50,   100,   100,     0,   100 } },
  { "Tôn",    {   100,    50,   300,   100,     0,   100 } },
  { "Lại",    {   200,   400,   100,   100,     0,   200 } },
  { "Diệp",   {   100,    50,   100,   200,     0,   100 } },
  { "Giang",  {   200,   300,   100,   200,     0,   200 } },
  { "Kim",    {   100,   100,    50,   300,     0,   100 } },
  { "Phùng",  {   200,   700,   100,   100,     0,   300 } },
  { "Nghiêm", {   100,   300,    50,     0,     0,   100 } },
  { "Thân",   {   200,   400,   100,     0,     0,   200 } },
  { "Ông",    {   100,    50,   200,   100,     0,   100 } },
  { "Khổng",  {   100,   200,    50,     0,     0,    50 } },
  { "Doãn",   {   100,   300,    50,     0,     0,   100 } },
  { "Lã",     {   100,   200,    50,     0,     0,    50 } },
  { "Bạch",   {   100,   150,   100,   100,     0,   100 } },
  { "Giáp",   {   100,   200,     0,     0,     0,    50 } },
  { "Thạch",  {   100,     0,     0,   300,     0,    50 } },
  { "Sơn",    {   100,     0,     0,   200,     0,    50 } },
  { "Danh",   {    50,     0,     0,   200,     0,     0 } },
  { "Vi",     {   100,    50,     0,     0,  2000,   200 } },
  { "Lường",  {    50,     0,     0,     0,  2000,    50 } },
  { "Cầm",    {    50,     0,     0,     0,  2000,    50 } },
  { "Sầm",    {    50,     0,     0,     0,  1000,    50 } },
  { "Quàng",  {    50,     0,     0,     0,  1000,     0 } },
  { "Lục",    {    50,    50,     0,     0,  1500,   100 } },
  { "Ma",     {    50,     0,     0,     0,   800,    50 } },
  { "Bàn",    {    50,     0,     0,     0,  1000,    50 } },
  { "Giàng",  {   100,     0,     0,     0,  2500,   100 } },
  { "Sùng",   {    50,     0,     0,     0,  1500,    50 } },
  { "Vàng",   {    50,     0,     0,     0,  1500,    50 } },
  { "Thào",   {    50,     0,     0,     0,  1500,    50 } },
  { "Mùa",    {    50,     0,     0,     0,  1000,     0 } },
  { "Hầu",    {    50,     0,     0,     0,   500,     0 } },
};

/* Middle names and given names: columns are eras of birth. Column 0 is
 * typical of people born by 1955, column 1 of 1985, column 2 of 2010 and
 * later; years in between blend the neighbouring columns. Văn and Thị,
 * once almost universal, give way to compound names (Minh Anh, Gia Bảo). */
/* "Thị" must stay first: a second middle name is drawn from the others. */
static const Entry female_middle_entries[] = {
  { "Thị",    {    90,    60,    22 } },
  { "Ngọc",   {     3,     8,    12 } },
  { "Thu",    {     2,     6,     4 } },
  { "Thanh",  {     2,     6,     4 } },
  { "Kim",    {     2,     4,     4 } },
  { "Mỹ",     {     1,     4,     4 } },
  { "Bích",   {     1,     3,     2 } },
  { "Thúy",   {     1,     3,     2 } },
  { "Hồng",   {     1,     3,     2 } },
  { "Cẩm",    {     1,     2,     2 } },
  { "Xuân",   {     1,     2,     2 } },
  { "Minh",   {     0,     3,    10 } },
  { "Phương", {     0,     3,     7 } },
  { "Bảo",    {     0,     1,    10 } },
  { "Khánh",  {     0,     1,     8 } },
  { "Gia",    {     0,     0,     6 } },
  { "Hoài",   {     0,     2,     4 } },
  { "Diệu",   {     0,     1,     4 } },
  { "Quỳnh",  {     0,     2,     4 } },
  { "Hải",    {     0,     2,     4 } },
  { "Mai",    {     0,     2,     4 } },
  { "An",     {     0,     1,     5 } },
  { "Thảo",   {     0,     2,     5 } },
  { "Như",    {     0,     1,     4 } },
  { "Tuệ",    {     0,     0,     4 } },
  { "Tường",  {     0,     1,     3 } },
  { "Ánh",    {     0,     1,     3 } },
  { "Lan",    {     0,     1,     3 } },
  { "Hà",     {     0,     1,     3 } },
  { "Hương",  {     0,     1,     3 } },
};

static const Entry male_middle_entries[] = {
  { "Văn",    {   120,    60,    15 } },
  { "Đức",    {     5,     7,    10 } },
  { "Hữu",    {     5,     4,     3 } },
  { "Công",   {     4,     5,     3 } },
  { "Quang",  {     3,     5,     6 } },
  { "Xuân",   {     4,     4,     2 } },
  { "Đình",   {     5,     4,     2 } },
  { "Bá",     {     3,     2,     1 } },
  { "Ngọc",   {     3,     3,     2 } },
  { "Thanh",  {     3,     4,     3 } },
  { "Minh",   {     2,     7,    12 } },
  { "Tiến",   {     2,     3,     2 } },
  { "Mạnh",   {     2,     3,     3 } },
  { "Trọng",  {     2,     3,     3 } },
  { "Duy",    {     1,     4,     6 } },
  { "Thế",    {     2,     3,     3 } },
  { "Viết",   {     3,     2,     1 } },
  { "Khắc",   {     2,     1,     1 } },
  { "Hồng",   {     2,     2,     1 } },
  { "Hoàng",  {     1,     4,     6 } },
  { "Anh",    {     0,     3,     5 } },
  { "Tuấn",   {     0,     2,     3 } },
  { "Thành",  {     2,     3,     4 } },
  { "Chí",    {     1,     3,     4 } },
  { "Quốc",   {     2,     4,     6 } },
  { "Trung",  {     1,     3,     4 } },
  { "Phú",    {     1,     2,     2 } },
  { "Tấn",    {     3,     3,     2 } },
  { "Hoài",   {     1,     2,     3 } },
  { "Phước",  {     2,     2,     1 } },
  { "Kim",    {     1,     1,     0 } },
  { "Như",    {     1,     1,     1 } },
  { "Hải",    {     1,     3,     4 } },
  { "Việt",   {     0,     2,     4 } },
  { "Huy",    {     0,     2,     4 } },
  { "Nguyên", {     0,     1,     3 } },
  { "Gia",    {     0,     1,    10 } },
  { "Bảo",    {     0,     1,     9 } },
  { "Nhật",   {     0,     1,     6 } },
  { "Khánh",  {     0,     1,     5 } },
  { "Đăng",   {     0,     1,     5 } },
  { "Thiên",  {     0,     1,     4 } },
  { "An",     {     0,     0,     3 } },
};

static const Entry female_given_entries[] = {
  { "An",     {     1,     1,     8 } },
  { "Anh",    {     1,     6,    12 } },
  { "Ánh",    {     3,     4,     2 } },
  { "Bích",   {     3,     2,     0 } },
  { "Châu",   {     2,     4,     4 } },
  { "Chi",    {     1,     4,     8 } },
  { "Cúc",    {     6,     1,     0 } },
  { "Diễm",   {     1,     4,     2 } },
  { "Diệp",   {     1,     2,     3 } },
  { "Dung",   {     5,     6,     1 } },
  { "Duyên",  {     2,     5,     2 } },
  { "Đan",    {     0,     2,     5 } },
  { "Đào",    {     5,     1,     0 } },
  { "Điệp",   {     3,     3,     1 } },
  { "Gấm",    {     3,     1,     0 } },
  { "Giang",  {     2,     6,     4 } },
  { "Hà",     {     5,     7,     3 } },
  { "Hạ",     {     0,     1,     4 } },
  { "Hân",    {     0,     1,     9 } },
  { "Hạnh",   {     6,     5,     1 } },
  { "Hằng",   {     4,     8,     2 } },
  { "Hậu",    {     3,     3,     1 } },
  { "Hiền",   {     5,     6,     2 } },
  { "Hoa",    {     8,     4,     1 } },
  { "Hòa",    {     3,     2,     1 } },
  { "Hoài",   {     2,     3,     1 } },
  { "Hồng",   {     8,     4,     1 } },
  { "Huệ",    {     6,     3,     0 } },
  { "Hương",  {     8,     8,     3 } },
  { "Hường",  {     4,     3,     0 } },
  { "Huyền",  {     3,     8,     3 } },
  { "Khanh",  {     1,     4,     4 } },
  { "Khuê",   {     1,     2,     4 } },
  { "Kiều",   {     3,     3,     1 } },
  { "Lài",    {     2,     0,     0 } },
  { "Lam",    {     0,     1,     3 } },
  { "Lan",    {     8,     4,     1 } },
  { "Lệ",     {     4,     2,     0 } },
  { "Liên",   {     5,     3,     0 } },
  { "Liễu",   {     3,     1,     0 } },
  { "Linh",   {     1,     8,    10 } },
  { "Loan",   {     5,     4,     0 } },
  { "Lụa",    {     4,     0,     0 } },
  { "Ly",     {     1,     5,     5 } },
  { "Lý",     {     3,     1,     0 } },
  { "Mai",    {     6,     5,     3 } },
  { "Mến",    {     3,     2,     0 } },
  { "Mơ",     {     3,     1,     0 } },
  { "My",     {     1,     4,     6 } },
  { "Nga",    {     6,     5,     1 } },
  { "Ngà",    {     3,     2,     0 } },
  { "Ngân",   {     1,     5,     6 } },
  { "Ngọc",   {     2,     5,     5 } },
  { "Nguyên", {     0,     2,     5 } },
  { "Nguyệt", {     4,     4,     1 } },
  { "Nhài",   {     3,     1,     0 } },
  { "Nhàn",   {     4,     2,     0 } },
  { "Nhạn",   {     2,     1,     0 } },
  { "Nhi",    {     0,     4,     9 } },
  { "Như",    {     1,     4,     7 } },
  { "Nhung",  {     4,     6,     1 } },
  { "Nụ",     {     3,     0,     0 } },
  { "Oanh",   {     4,     5,     1 } },
  { "Phương", {     3,     8,     5 } },
  { "Phượng", {     4,     4,     1 } },
  { "Quế",    {     3,     1,     0 } },
  { "Quyên",  {     2,     4,     2 } },
  { "Quỳnh",  {     1,     5,     6 } },
  { "Sen",    {     4,     1,     0 } },
  { "Sương",  {     3,     3,     1 } },
  { "Tâm",    {     5,     4,     1 } },
  { "Thắm",   {     4,     2,     0 } },
  { "Thanh",  {     5,     4,     1 } },
  { "Thảo",   {     2,     8,     6 } },
  { "Thơm",   {     4,     1,     0 } },
  { "Thoa",   {     4,     3,     0 } },
  { "Thu",    {     6,     5,     1 } },
  { "Thư",    {     0,     3,     9 } },
  { "Thủy",   {     6,     7,     1 } },
  { "Thúy",   {     4,     5,     1 } },
  { "Thương", {     2,     5,     3 } },
  { "Tiên",   {     1,     3,     6 } },
  { "Trâm",   {     1,     4,     5 } },
  { "Trang",  {     1,     9,     7 } },
  { "Trinh",  {     2,     5,     2 } },
  { "Trúc",   {     1,     3,     4 } },
  { "Tú",     {     1,     3,     3 } },
  { "Tuyền",  {     1,     4,     2 } },
  { "Tuyết",  {     5,     3,     0 } },
  { "Tươi",   {     4,     2,     0 } },
  { "Uyên",   {     0,     4,     6 } },
  { "Vân",    {     4,     5,     2 } },
  { "Vy",     {     0,     2,    10 } },
  { "Xuân",   {     6,     3,     1 } },
  { "Xuyến",  {     3,     2,     0 } },
  { "Yến",    {     4,     6,     2 } },
};

static const Entry male_given_entries[] = {
  { "An",     {     3,     3,     8 } },
  { "Anh",    {     2,     5,     5 } },
  { "Bách",   {     0,     1,     5 } },
  { "Bảo",    {     0,     3,     9 } },
  { "Bằng",   {     3,     2,     1 } },
  { "Bình",   {     6,     6,     2 } },
  { "Cảnh",   {     4,     3,     1 } },
  { "Chiến",  {     5,     5,     1 } },
  { "Chính",  {     4,     3,     1 } },
  { "Công",   {     4,     3,     1 } },
  { "Cường",  {     4,     7,     2 } },
  { "Doanh",  {     3,     3,     1 } },
  { "Dũng",   {     6,     9,     2 } },
  { "Duy",    {     1,     4,     6 } },
  { "Dương",  {     2,     4,     5 } },
  { "Đại",    {     3,     3,     2 } },
  { "Đăng",   {     0,     2,     6 } },
  { "Đạt",    {     2,     6,     6 } },
  { "Định",   {     4,     3,     1 } },
  { "Đông",   {     4,     4,     2 } },
  { "Đức",    {     6,     6,     6 } },
  { "Giang",  {     3,     4,     2 } },
  { "Hải",    {     5,     8,     5 } },
  { "Hào",    {     2,     3,     2 } },
  { "Hậu",    {     3,     4,     2 } },
  { "Hiển",   {     4,     3,     1 } },
  { "Hiệp",   {     4,     5,     2 } },
  { "Hiếu",   {     2,     6,     5 } },
  { "Hoan",   {     4,     2,     0 } },
  { "Hòa",    {     5,     4,     1 } },
  { "Hoàng",  {     2,     6,     6 } },
  { "Học",    {     4,     1,     0 } },
  { "Hợp",    {     3,     2,     0 } },
  { "Huân",   {     2,     3,     2 } },
  { "Hùng",   {     7,     8,     2 } },
  { "Hưng",   {     5,     6,     4 } },
  { "Hướng",  {     3,     1,     0 } },
  { "Huy",    {     1,     6,     9 } },
  { "Khải",   {     2,     3,     4 } },
  { "Khang",  {     0,     2,     9 } },
  { "Khánh",  {     1,     4,     6 } },
  { "Khiêm",  {     1,     2,     4 } },
  { "Khoa",   {     0,     4,     8 } },
  { "Khôi",   {     0,     2,     9 } },
  { "Kiên",   {     3,     5,     4 } },
  { "Kiệt",   {     0,     2,     7 } },
  { "Lâm",    {     3,     5,     5 } },
  { "Lộc",    {     4,     4,     3 } },
  { "Lợi",    {     4,     3,     1 } },
  { "Long",   {     4,     8,     6 } },
  { "Luân",   {     2,     3,     1 } },
  { "Lực",    {     4,     3,     1 } },
  { "Mạnh",   {     5,     6,     3 } },
  { "Minh",   {     6,     8,    10 } },
  { "Mừng",   {     3,     1,     0 } },
  { "Nam",    {     5,     8,     8 } },
  { "Năm",    {     4,     1,     0 } },
  { "Nghĩa",  {     5,     6,     2 } },
  { "Nguyên", {     2,     4,     6 } },
  { "Nhân",   {     3,     4,     5 } },
  { "Nhật",   {     0,     3,     7 } },
  { "Phát",   {     2,     3,     6 } },
  { "Phong",  {     3,     5,     6 } },
  { "Phú",    {     4,     3,     2 } },
  { "Phúc",   {     3,     5,    10 } },
  { "Phước",  {     3,     3,     2 } },
  { "Quân",   {     2,     6,     9 } },
  { "Quang",  {     5,     6,     4 } },
  { "Quốc",   {     3,     4,     4 } },
  { "Quý",    {     5,     4,     2 } },
  { "Quyết",  {     4,     3,     1 } },
  { "Sang",   {     3,     4,     3 } },
  { "Sáng",   {     4,     2,     0 } },
  { "Sơn",    {     6,     9,     4 } },
  { "Tài",    {     4,     5,     3 } },
  { "Tâm",    {     4,     4,     2 } },
  { "Tân",    {     5,     4,     1 } },
  { "Thạch",  {     3,     2,     1 } },
  { "Thái",   {     3,     3,     2 } },
  { "Thắng",  {     6,     7,     2 } },
  { "Thanh",  {     6,     4,     1 } },
  { "Thành",  {     7,     8,     5 } },
  { "Thiện",  {     3,     3,     4 } },
  { "Thịnh",  {     4,     4,     4 } },
  { "Thông",  {     3,     3,     2 } },
  { "Thuận",  {     4,     4,     2 } },
  { "Tiến",   {     5,     6,     3 } },
  { "Tín",    {     2,     3,     3 } },
  { "Toản",   {     3,     3,     1 } },
  { "Toàn",   {     4,     6,     4 } },
  { "Trí",    {     2,     5,     6 } },
  { "Triều",  {     3,     3,     1 } },
  { "Trọng",  {     4,     4,     2 } },
  { "Trung",  {     5,     8,     4 } },
  { "Trường", {     4,     5,     3 } },
  { "Tú",     {     3,     5,     3 } },
  { "Tuấn",   {     5,    10,     6 } },
  { "Tùng",   {     3,     6,     4 } },
  { "Tuyển",  {     3,     2,     0 } },
  { "Tường",  {     3,     3,     2 } },
  { "Uy",     {     1,     2,     3 } },
  { "Vĩ",     {     1,     2,     3 } },
  { "Việt",   {     2,     6,     6 } },
  { "Vinh",   {     5,     5,     2 } },
  { "Vĩnh",   {     3,     2,     1 } },
  { "Vũ",     {     1,     4,     5 } },
  { "Vượng",  {     3,     2,     1 } },
  { "Xuân",   {     4,     2,     0 } },
};

/* Ethnic groups per 10,000, columns by region. The national column follows
 * the 2019 census. Spellings are those of the census; the 1979 catalogue of
 * the population database writes some differently (Khơ-me, HMông for Mông,
 * also written H'Mông). */
static const Entry ethnicity_entries[] = {
  { "Kinh",         {  8532,  9700,  9400,  9000,  3000,  6500 } },
  { "Tày",          {   192,    60,     0,    10,  1800,   150 } },
  { "Thái",         {   185,    20,    40,     0,  1800,    30 } },
  { "Mường",        {   157,   120,     0,     0,   500,    30 } },
  { "Mông",         {   150,     0,     0,     0,  1200,    60 } },
  { "Khmer",        {   137,     0,     0,   700,     0,     0 } },
  { "Nùng",         {   115,    30,     0,    10,   900,   150 } },
  { "Dao",          {    93,    10,     0,     0,   700,    40 } },
  { "Hoa",          {    78,    20,    20,   200,     0,    10 } },
  { "Gia Rai",      {    53,     0,     0,     0,     0,  1000 } },
  { "Ê Đê",         {    41,     0,     0,     0,     0,   800 } },
  { "Ba Na",        {    30,     0,    10,     0,     0,   400 } },
  { "Xơ Đăng",      {    22,     0,    30,     0,     0,   300 } },
  { "Sán Chay",     {    21,     0,     0,     0,   100,     0 } },
  { "Cơ Ho",        {    21,     0,     0,     0,     0,   300 } },
  { "Sán Dìu",      {    19,    40,     0,     0,    60,     0 } },
  { "Chăm",         {    18,     0,   100,    40,     0,     0 } },
  { "Hrê",          {    15,     0,   100,     0,     0,     0 } },
  { "Ra Glai",      {    15,     0,    80,     0,     0,     0 } },
  { "M'Nông",       {    13,     0,     0,     0,     0,   250 } },
  { "Xtiêng",       {    10,     0,     0,    30,     0,    20 } },
  { "Bru Vân Kiều", {    10,     0,   100,     0,     0,     0 } },
  { "Thổ",          {     9,     0,    20,     0,     0,     0 } },
  { "Khơ Mú",       {     9,     0,    20,     0,   100,     0 } },
  { "Giẻ Triêng",   {     7,     0,    10,     0,     0,    50 } },
  { "Cơ Tu",        {     7,     0,    80,     0,     0,     0 } },
  { "Giáy",         {     7,     0,     0,     0,    80,     0 } },
  { "Tà Ôi",        {     5,     0,    50,     0,     0,     0 } },
  { "Mạ",           {     5,     0,     0,    10,     0,    50 } },
  { "Chơ Ro",       {     3,     0,     0,    10,     0,     0 } },
  { "Chu Ru",       {     2,     0,     0,     0,     0,    30 } },
  { "Hà Nhì",       {     2,     0,     0,     0,    50,     0 } },
  { "Phù Lá",       {     1,     0,     0,     0,    30,     0 } },
  { "Lào",          {     1,     0,     0,     0,    30,     0 } },
  { "La Chí",       {     1,     0,     0,     0,    20,     0 } },
  { "Lô Lô",        {     1,     0,     0,     0,    20,     0 } },
};

/* Religions per 10,000, columns by region ("Không" is no religion): Cao Đài
 * around Tây Ninh, Hòa Hảo in An Giang, Protestants in the highlands. */
static const Entry religion_entries[] = {
  { "Không",             {  8630,  9000,  8700,  7600,  9300,  7000 } },
  { "Công giáo",         {   610,   600,   600,   800,   150,  1300 } },
  { "Phật giáo",         {   480,   380,   600,   800,   100,   450 } },
  { "Tin Lành",          {   100,    20,    50,    80,   450,  1200 } },
  { "Cao Đài",           {    60,     0,    50,   300,     0,    50 } },
  { "Phật giáo Hòa Hảo", {   100,     0,     0,   400,     0,     0 } },
  { "Hồi giáo",          {     1,     0,     0,    20,     0,     0 } },
};

/* Occupations of working-age adults per 10,000: rural, urban. */
static const Entry occupation_entries[] = {
  { "Làm ruộng",             {  3500,   100 } },
  { "Chăn nuôi",             {   300,     0 } },
  { "Nuôi trồng thủy sản",   {   200,    20 } },
  { "Công nhân",             {  1500,  1500 } },
  { "Buôn bán",              {   700,  1300 } },
  { "Lao động tự do",        {  1200,  1200 } },
  { "Thợ xây",               {   400,   200 } },
  { "Thợ may",               {   150,   150 } },
  { "Thợ mộc",               {   100,    50 } },
  { "Thợ cơ khí",            {   100,   100 } },
  { "Lái xe",                {   150,   250 } },
  { "Giáo viên",             {   200,   300 } },
  { "Cán bộ, công chức",     {   100,   250 } },
  { "Viên chức",             {    50,   150 } },
  { "Nhân viên y tế",        {    50,   150 } },
  { "Nhân viên văn phòng",   {   100,   900 } },
  { "Kỹ sư",                 {    30,   200 } },
  { "Kế toán",               {    50,   200 } },
  { "Nội trợ",               {   400,   600 } },
  { "Bộ đội",                {    50,    50 } },
  { "Công an",               {    50,    80 } },
  { "Lao động ở nước ngoài", {   150,    50 } },
  { "Không có việc làm",     {   150,   200 } },
};

static Table surnames = TABLE (surname_entries);
static Table female_middles = TABLE (female_middle_entries);
static Table male_middles = TABLE (male_middle_entries);
static Table female_givens = TABLE (female_given_entries);
static Table male_givens = TABLE (male_given_entries);
static Table ethnicities = TABLE (ethnicity_entries);
static Table religions = TABLE (religion_entries);
static Table occupations = TABLE (occupation_entries);

enum {
  COLUMN_RURAL,
  COLUMN_URBAN,
};

#define THI "Thị"

/* Computing the totals once keeps every pick a single draw and a short scan,
 * which matters when a benchmark asks for a million residents. */
static void
ensure_totals (void)
{
  static gsize initialized = 0;
  Table *tables[] = {
    &surnames, &female_middles, &male_middles, &female_givens, &male_givens,
    &ethnicities, &religions, &occupations,
  };

  if (!g_once_init_enter (&initialized))
    return;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; i < tables[t]->n_entries; i++)
      for (guint c = 0; c < MAX_COLUMNS; c++)
        tables[t]->totals[c] += tables[t]->entries[i].weight[c];

  g_once_init_leave (&initialized, 1);
}

static const char *
table_pick (XasoDemoRandom *r,
            const Table    *table,
            guint           column)
{
  guint32 x = xaso_demo_random_range (r, table->totals[column]);

  for (guint i = 0; i < table->n_entries; i++)
    {
      guint w = table->entries[i].weight[column];

      if (x < w)
        return table->entries[i].text;
      x -= w;
    }

  g_return_val_if_reached (table->entries[0].text);
}

/* Like table_pick() without the first entry: the second middle name of a
 * woman named "Thị", which heads the female middle names. */
static const char *
table_pick_after_first (XasoDemoRandom *r,
                        const Table    *table,
                        guint           column)
{
  guint32 x = xaso_demo_random_range (r, table->totals[column] - table->entries[0].weight[column]);

  for (guint i = 1; i < table->n_entries; i++)
    {
      guint w = table->entries[i].weight[column];

      if (x < w)
        return table->entries[i].text;
      x -= w;
    }

  g_return_val_if_reached (table->entries[1].text);
}

static guint
region_column (XasoDemoRegion region)
{
  g_return_val_if_fail (region < XASO_DEMO_N_REGIONS, XASO_DEMO_REGION_NATIONAL);

  return region;
}

/* Picks the era column for a birth year, blending linearly between the
 * anchor years 1955, 1985 and 2010. Always one draw, whatever the year. */
static guint
era_column (XasoDemoRandom *r,
            int             birth_year)
{
  double u = xaso_demo_random_double (r);

  if (birth_year <= 1955)
    return 0;
  if (birth_year < 1985)
    return u < (birth_year - 1955) / 30.0 ? 1 : 0;
  if (birth_year < 2010)
    return u < (birth_year - 1985) / 25.0 ? 2 : 1;
  return 2;
}

/**
 * xaso_demo_surname:
 * @r: the random source
 * @region: where the family lives
 *
 * Returns: (transfer none): a surname, with the frequencies of @region.
 */
const char *
xaso_demo_surname (XasoDemoRandom *r,
                   XasoDemoRegion  region)
{
  ensure_totals ();
  return table_pick (r, &surnames, region_column (region));
}

/**
 * xaso_demo_surname_is_known:
 * @surname: a word
 *
 * Returns: whether @surname is one of the surnames the pickers produce.
 */
gboolean
xaso_demo_surname_is_known (const char *surname)
{
  g_return_val_if_fail (surname != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (surname_entries); i++)
    if (strcmp (surname_entries[i].text, surname) == 0)
      return TRUE;

  return FALSE;
}

/* A name is built in place, word by word, so that a whole name costs one
 * allocation. The longest name has five words of at most a dozen bytes. */
typedef struct
{
  char  text[192];
  gsize len;
} NameBuf;

static void
name_buf_add (NameBuf    *buf,
              const char *word)
{
  gsize n = strlen (word);

  g_return_if_fail (buf->len + n + 2 <= sizeof buf->text);

  if (buf->len > 0)
    buf->text[buf->len++] = ' ';
  memcpy (buf->text + buf->len, word, n);
  buf->len += n;
  buf->text[buf->len] = '\0';
}

/* Appends one or two middle names. A woman named "Thị" often carries a
 * second one (Nguyễn Thị Thu Hà); second middle names are otherwise rare.
 * Returns the last middle name added. */
static const char *
add_middle_names (XasoDemoRandom *r,
                  NameBuf        *buf,
                  gboolean        female,
                  guint           era)
{
  const Table *table = female ? &female_middles : &male_middles;
  const char *first = table_pick (r, table, era);
  const char *second;

  name_buf_add (buf, first);

  if (female && strcmp (first, THI) == 0 && xaso_demo_random_chance (r, 0.22))
    {
      second = table_pick_after_first (r, table, era);
      name_buf_add (buf, second);
      return second;
    }

  return first;
}

/**
 * xaso_demo_middle_name:
 * @r: the random source
 * @female: whether the person is a woman
 * @birth_year: the year of birth, which sets the fashion
 *
 * Returns: (transfer full): one or two middle names ("Văn", "Thị Thu",
 *   "Minh"); never "Văn" for a woman nor "Thị" for a man.
 */
char *
xaso_demo_middle_name (XasoDemoRandom *r,
                       gboolean        female,
                       int             birth_year)
{
  NameBuf buf = { .len = 0 };

  ensure_totals ();
  add_middle_names (r, &buf, female, era_column (r, birth_year));
  return g_strndup (buf.text, buf.len);
}

/**
 * xaso_demo_given_name:
 * @r: the random source
 * @female: whether the person is a woman
 * @birth_year: the year of birth, which sets the fashion
 *
 * Returns: (transfer none): a given name.
 */
const char *
xaso_demo_given_name (XasoDemoRandom *r,
                      gboolean        female,
                      int             birth_year)
{
  ensure_totals ();
  return table_pick (r, female ? &female_givens : &male_givens, era_column (r, birth_year));
}

/* Since the 1990s some parents put the mother's surname before the middle
 * name (Nguyễn Trần Minh Anh); about one child in eight by 2010. */
static double
mother_surname_share (int birth_year)
{
  if (birth_year < 1990)
    return 0.0;
  if (birth_year >= 2010)
    return 0.12;
  return 0.12 * (birth_year - 1990) / 20.0;
}

static const char *
pick_given_unlike (XasoDemoRandom *r,
                   const Table    *table,
                   guint           era,
                   const char     *surname,
                   const char     *middle)
{
  const char *given = table_pick (r, table, era);

  /* "Nguyễn Minh Minh" or "Hà Thị Hà" look like typing mistakes. */
  for (guint tries = 0;
       tries < 4 && (strcmp (given, middle) == 0 || strcmp (given, surname) == 0);
       tries++)
    given = table_pick (r, table, era);

  return given;
}

/**
 * xaso_demo_person_name:
 * @r: the random source
 * @female: whether the person is a woman
 * @birth_year: the year of birth, which sets the fashion of the names
 * @family_surname: (nullable): the father's surname, for his children; %NULL
 *   to draw one (heads of household, spouses: a wife keeps her own surname)
 *
 * Builds a full name of three to five words: surname, sometimes the
 * mother's surname, one or two middle names and a given name.
 *
 * Returns: (transfer full): the full name.
 */
char *
xaso_demo_person_name (XasoDemoRandom *r,
                       gboolean        female,
                       int             birth_year,
                       const char     *family_surname)
{
  NameBuf buf = { .len = 0 };
  const char *surname;
  const char *middle;
  guint era;

  ensure_totals ();

  surname = family_surname ? family_surname : table_pick (r, &surnames, XASO_DEMO_REGION_NATIONAL);
  name_buf_add (&buf, surname);

  if (xaso_demo_random_chance (r, mother_surname_share (birth_year)))
    {
      const char *mother = table_pick (r, &surnames, XASO_DEMO_REGION_NATIONAL);

      if (strcmp (mother, surname) != 0)
        name_buf_add (&buf, mother);
    }

  era = era_column (r, birth_year);
  middle = add_middle_names (r, &buf, female, era);
  name_buf_add (&buf, pick_given_unlike (r, female ? &female_givens : &male_givens,
                                         era, surname, middle));

  return g_strndup (buf.text, buf.len);
}

/**
 * xaso_demo_ethnicity:
 * @r: the random source
 * @region: where the person lives
 *
 * Returns: (transfer none): an ethnic group, Kinh most often.
 */
const char *
xaso_demo_ethnicity (XasoDemoRandom *r,
                     XasoDemoRegion  region)
{
  ensure_totals ();
  return table_pick (r, &ethnicities, region_column (region));
}

/**
 * xaso_demo_religion:
 * @r: the random source
 * @region: where the person lives
 *
 * Returns: (transfer none): a religion, or "Không" for none.
 */
const char *
xaso_demo_religion (XasoDemoRandom *r,
                    XasoDemoRegion  region)
{
  ensure_totals ();
  return table_pick (r, &religions, region_column (region));
}

/**
 * xaso_demo_occupation:
 * @r: the random source
 * @age: the person's age in years
 * @urban: whether the person lives in a ward
 *
 * Returns: (transfer none) (nullable): an occupation fitting @age, or %NULL
 *   for a child below school age, whose record leaves it empty.
 */
const char *
xaso_demo_occupation (XasoDemoRandom *r,
                      int             age,
                      gboolean        urban)
{
  guint column = urban ? COLUMN_URBAN : COLUMN_RURAL;

  ensure_totals ();

  if (age < 6)
    return NULL;
  if (age < 15)
    return "Học sinh";
  if (age < 18 && xaso_demo_random_chance (r, 0.85))
    return "Học sinh";
  if (age >= 18 && age < 23 && xaso_demo_random_chance (r, urban ? 0.45 : 0.25))
    return "Sinh viên";
  if (age >= 60 && xaso_demo_random_chance (r, urban ? 0.55 : 0.2))
    return "Hưu trí";

  return table_pick (r, &occupations, column);
}

/**
 * xaso_demo_relation_name:
 * @relation: a relation to the head of household
 * @region: where the household lives; the south says "Cha" for "Bố"
 *
 * Returns: (transfer none): the relation as written in the household record.
 */
const char *
xaso_demo_relation_name (XasoDemoRelation relation,
                         XasoDemoRegion   region)
{
  static const char * const names[XASO_DEMO_N_RELATIONS] = {
    "Chủ hộ", "Vợ", "Chồng", "Con", "Con dâu", "Con rể", "Cháu", "Chắt",
    "Bố", "Mẹ", "Bố vợ", "Mẹ vợ", "Bố chồng", "Mẹ chồng", "Ông", "Bà",
    "Anh", "Chị", "Em",
  };
  gboolean south = region == XASO_DEMO_REGION_SOUTH;

  g_return_val_if_fail (relation < XASO_DEMO_N_RELATIONS, NULL);

  if (south && relation == XASO_DEMO_RELATION_FATHER)
    return "Cha";
  if (south && relation == XASO_DEMO_RELATION_WIFE_FATHER)
    return "Cha vợ";
  if (south && relation == XASO_DEMO_RELATION_HUSBAND_FATHER)
    return "Cha chồng";

  return names[relation];
}

/* Places ------------------------------------------------------------------ */

/* Demo communes. The first one is the default demo. The codes of Tây Ninh
 * and of Phường Tân Lập (Đắk Lắk) were read from public copies of the
 * post-2025 list (secondary sources, to check against Decision 19/2025/QĐ-TTg);
 * the other codes are invented, and so are all the electronic ids. */
static const XasoDemoCommune communes[] = {
  {
    .code = "25489", .name = "Xã Tân Lập", .short_name = "Tân Lập",
    .agency_name = "UBND xã Tân Lập", .agency_eid = "000.00.31.H80",
    .province_code = "80", .province_name = "Tây Ninh", .province_full = "Tỉnh Tây Ninh",
    .region = XASO_DEMO_REGION_SOUTH, .is_ward = FALSE, .code_confirmed = TRUE,
  },
  {
    .code = "25654", .name = "Phường Gò Dầu", .short_name = "Gò Dầu",
    .agency_name = "UBND phường Gò Dầu", .agency_eid = "000.00.32.H80",
    .province_code = "80", .province_name = "Tây Ninh", .province_full = "Tỉnh Tây Ninh",
    .region = XASO_DEMO_REGION_SOUTH, .is_ward = TRUE, .code_confirmed = TRUE,
  },
  {
    .code = "25681", .name = "Xã Bến Cầu", .short_name = "Bến Cầu",
    .agency_name = "UBND xã Bến Cầu", .agency_eid = "000.00.33.H80",
    .province_code = "80", .province_name = "Tây Ninh", .province_full = "Tỉnh Tây Ninh",
    .region = XASO_DEMO_REGION_SOUTH, .is_ward = FALSE, .code_confirmed = TRUE,
  },
  {
    .code = "24121", .name = "Phường Tân Lập", .short_name = "Tân Lập",
    .agency_name = "UBND phường Tân Lập", .agency_eid = "000.00.21.H66",
    .province_code = "66", .province_name = "Đắk Lắk", .province_full = "Tỉnh Đắk Lắk",
    .region = XASO_DEMO_REGION_HIGHLANDS, .is_ward = TRUE, .code_confirmed = TRUE,
  },
  {
    .code = "24400", .name = "Xã Cư M'gar", .short_name = "Cư M'gar",
    .agency_name = "UBND xã Cư M'gar", .agency_eid = "000.00.45.H66",
    .province_code = "66", .province_name = "Đắk Lắk", .province_full = "Tỉnh Đắk Lắk",
    .region = XASO_DEMO_REGION_HIGHLANDS, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "09205", .name = "Xã Yên Phong", .short_name = "Yên Phong",
    .agency_name = "UBND xã Yên Phong", .agency_eid = "000.00.12.H24",
    .province_code = "24", .province_name = "Bắc Ninh", .province_full = "Tỉnh Bắc Ninh",
    .region = XASO_DEMO_REGION_NORTH, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "15865", .name = "Xã Hoằng Hóa", .short_name = "Hoằng Hóa",
    .agency_name = "UBND xã Hoằng Hóa", .agency_eid = "000.00.56.H38",
    .province_code = "38", .province_name = "Thanh Hóa", .province_full = "Tỉnh Thanh Hóa",
    .region = XASO_DEMO_REGION_NORTH, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "06658", .name = "Phường Hồng Gai", .short_name = "Hồng Gai",
    .agency_name = "UBND phường Hồng Gai", .agency_eid = "000.00.11.H22",
    .province_code = "22", .province_name = "Quảng Ninh", .province_full = "Tỉnh Quảng Ninh",
    .region = XASO_DEMO_REGION_NORTH, .is_ward = TRUE, .code_confirmed = FALSE,
  },
  {
    .code = "19993", .name = "Xã Phú Vang", .short_name = "Phú Vang",
    .agency_name = "UBND xã Phú Vang", .agency_eid = "000.00.17.H46",
    .province_code = "46", .province_name = "Huế", .province_full = "Thành phố Huế",
    .region = XASO_DEMO_REGION_CENTRAL, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "21430", .name = "Xã Tư Nghĩa", .short_name = "Tư Nghĩa",
    .agency_name = "UBND xã Tư Nghĩa", .agency_eid = "000.00.24.H51",
    .province_code = "51", .province_name = "Quảng Ngãi", .province_full = "Tỉnh Quảng Ngãi",
    .region = XASO_DEMO_REGION_CENTRAL, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "02437", .name = "Xã Chiêm Hóa", .short_name = "Chiêm Hóa",
    .agency_name = "UBND xã Chiêm Hóa", .agency_eid = "000.00.15.H08",
    .province_code = "08", .province_name = "Tuyên Quang", .province_full = "Tỉnh Tuyên Quang",
    .region = XASO_DEMO_REGION_UPLANDS, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "03193", .name = "Xã Mường Chà", .short_name = "Mường Chà",
    .agency_name = "UBND xã Mường Chà", .agency_eid = "000.00.14.H11",
    .province_code = "11", .province_name = "Điện Biên", .province_full = "Tỉnh Điện Biên",
    .region = XASO_DEMO_REGION_UPLANDS, .is_ward = FALSE, .code_confirmed = FALSE,
  },
  {
    .code = "28990", .name = "Xã Thạnh Phú", .short_name = "Thạnh Phú",
    .agency_name = "UBND xã Thạnh Phú", .agency_eid = "000.00.38.H86",
    .province_code = "86", .province_name = "Vĩnh Long", .province_full = "Tỉnh Vĩnh Long",
    .region = XASO_DEMO_REGION_SOUTH, .is_ward = FALSE, .code_confirmed = FALSE,
  },
};

/* Named hamlets, by region. Communes of the north name their villages after
 * the old village or its position (Thôn Đông, Thôn Đoài); the south uses
 * Sino-Vietnamese wishes in southern spelling (Thạnh, Quới); upland
 * villages keep Tày and Thái names (Nà, Khuổi, Phiêng: field, stream,
 * plateau). */
static const char * const north_stems[] = {
  "Đông", "Đoài", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Đình", "Chùa", "Cầu", "Chợ",
  "Đồng Tâm", "Quyết Tiến", "Thắng Lợi", "Tân Phong", "Yên Phú", "Phú Xá", "An Lạc",
  "Đại Đồng", "Hòa Bình", "Kim Lan", "Phương Đình", "Vân Hà", "Đồng Xuân", "Cổ Điển",
  "Hương Ngải", "Thanh Lãm", "Mỹ Hưng", "Phú Mỹ", "Xuân Dục", "Thụy Lôi", "Đào Xá",
  "Vĩnh Thịnh", "Trung Hòa", "Yên Khê", "Lạc Đạo", "Ngọc Động", "Thái Hòa", "Tiền Phong",
  "Hậu Dưỡng",
};

static const char * const central_stems[] = {
  "Phú Lộc", "An Bình", "Mỹ Thạnh", "Tây Sơn", "Phước Thuận", "Hòa Đông", "Hòa Tây",
  "Trung Lương", "Xuân Phú", "Thạch Bàn", "An Hòa", "Vinh Phú", "Thanh Quýt", "Lệ Sơn",
  "Bình Tân", "An Phú", "Mỹ Trang", "Phú Hữu", "Kỳ Lam", "Tân Mỹ", "Phước Hòa", "Quảng Lợi",
  "Vạn Phước", "Hòa Khánh", "Diêm Trường", "Thủy Tú", "Long Hồ", "Hà Trung", "Xuân Hòa",
  "Phú Thạnh", "An Lương", "Trà Kiệu", "Cẩm Phô", "Phước Mỹ", "Đông Yên", "Phổ Thạnh",
};

static const char * const south_stems[] = {
  "Phú Hòa", "Tân Thạnh", "Long Hưng", "Bình An", "Mỹ Lợi", "An Thới", "Thạnh Phú", "Hòa Lợi",
  "Tân Quới", "Phước Thạnh", "Tân Hiệp", "Bình Hòa", "Long Thạnh", "Mỹ Phước", "Vĩnh Lợi",
  "Thới Bình", "Rạch Gốc", "Cây Dương", "Bàu Sen", "Trảng Lớn", "Xóm Mới", "Bến Đình",
  "Ninh Phước", "Tân Định", "Suối Đá", "Thạnh Hiệp", "Long Chánh", "Bình Phú", "Hiệp Thành",
  "Tân Lợi", "Phước Hội", "Tân Hòa", "Tân Đông", "Hòa Hưng", "Mỹ Đông", "Cầu Sắt",
};

static const char * const upland_stems[] = {
  "Nà Hang", "Nà Phặc", "Khuổi Nặm", "Nà Sản", "Phiêng Ban", "Huổi Một", "Co Mạ", "Nậm Lạnh",
  "Pá Khoang", "Nà Lừa", "Bó Củng", "Lũng Vài", "Pác Nặm", "Nà Tấu", "Phai Lài", "Nà Mò",
  "Khau Vai", "Cốc Phường", "Tà Xùa", "Sà Phìn", "Lao Chải", "Sín Chải", "Hua Nà",
  "Noong Luông", "Phiêng Luông", "Ta Khoa", "Nà Ơn", "Huổi Lếch", "Pú Nhi", "Phìn Hồ",
  "Tả Van", "Nà Ngần", "Khuổi Khon", "Kéo Nàng", "Pò Mới",
};

/* Villages of the Central Highlands peoples: buôn (Ê Đê), plei (Gia Rai),
 * làng (Ba Na). A commune uses one of the three next to numbered thôn of
 * Kinh settlers. */
static const char * const buon_stems[] = {
  "Ako Dhông", "Kô Tam", "Ea Bông", "Cuôr Knia", "Tring", "M'Duk", "Kram", "Drah", "Ea Kmát",
  "Hra", "Knul", "Ea Nao",
};

static const char * const plei_stems[] = {
  "Ốp", "Kần", "Bông", "Chuet", "Tơ Nghia", "Klăh", "Djrăng", "Ia Lang", "Phung", "Tông",
  "Rơ Ngol", "Ia Kla",
};

static const char * const lang_stems[] = {
  "Kon Klor", "Kon Rbàng", "Đăk Rơ Wa", "Kon Jơ Dri", "Kon Hring", "Kon Mơ Nay", "Đăk Kơ Đem",
  "Kon Kơ Tu", "Đăk Hring", "Kon Rờ Bàng",
};

static const char * const street_names[] = {
  "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt",
  "Nguyễn Huệ", "Hùng Vương", "Điện Biên Phủ", "Phan Bội Châu", "Phan Chu Trinh", "Lê Duẩn",
  "Nguyễn Du", "Võ Thị Sáu", "Ngô Quyền", "Lê Thánh Tông", "Bà Triệu", "Trần Phú",
  "Hoàng Diệu", "Nguyễn Văn Cừ", "Tôn Đức Thắng", "Cách Mạng Tháng Tám", "Lạc Long Quân",
  "Âu Cơ", "Nguyễn Thị Minh Khai", "Chu Văn An", "Lê Hồng Phong", "Nguyễn Văn Linh",
  "Trường Chinh", "Phạm Văn Đồng", "Nguyễn Chí Thanh", "Lý Tự Trọng", "Trần Quốc Toản",
  "Yết Kiêu", "Nguyễn Đình Chiểu", "Phạm Ngũ Lão", "Lê Quý Đôn", "Hàm Nghi", "Đinh Tiên Hoàng",
  "Lý Thái Tổ", "30 Tháng 4", "3 Tháng 2", "Võ Văn Kiệt", "Nguyễn Văn Trỗi", "Hoàng Hoa Thám",
  "Phan Đình Phùng", "Ngô Gia Tự", "Nguyễn Trung Trực", "Trương Định", "Lê Văn Tám",
};

/**
 * xaso_demo_communes:
 * @n_communes: (out): the number of communes
 *
 * Returns: (transfer none) (array length=n_communes): the demo communes,
 *   the default one first.
 */
const XasoDemoCommune *
xaso_demo_communes (guint *n_communes)
{
  g_return_val_if_fail (n_communes != NULL, NULL);

  *n_communes = G_N_ELEMENTS (communes);
  return communes;
}

/**
 * xaso_demo_commune_default:
 *
 * Returns: (transfer none): the commune of the default demo, Xã Tân Lập in
 *   Tây Ninh.
 */
const XasoDemoCommune *
xaso_demo_commune_default (void)
{
  return &communes[0];
}

/**
 * xaso_demo_commune_lookup:
 * @code: a 5-digit commune code
 *
 * Returns: (transfer none) (nullable): the demo commune with @code.
 */
const XasoDemoCommune *
xaso_demo_commune_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (communes); i++)
    if (strcmp (communes[i].code, code) == 0)
      return &communes[i];

  return NULL;
}

static void
add_numbered (GPtrArray  *out,
              const char *prefix,
              guint       first,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_strdup_printf ("%s %u", prefix, first + i));
}

/* Adds n distinct names drawn from stems, in random order (a partial
 * Fisher–Yates shuffle over the indices). */
static void
add_named (GPtrArray          *out,
           XasoDemoRandom     *r,
           const char         *prefix,
           const char * const *stems,
           guint               n_stems,
           guint               n)
{
  g_autofree guint *order = g_new (guint, n_stems);

  g_return_if_fail (n <= n_stems);

  for (guint i = 0; i < n_stems; i++)
    order[i] = i;

  for (guint i = 0; i < n; i++)
    {
      guint j = i + xaso_demo_random_range (r, n_stems - i);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
      g_ptr_array_add (out, g_strconcat (prefix, " ", stems[order[i]], NULL));
    }
}

/* Central Highlands communes mix numbered thôn of Kinh settlers with the
 * villages of one indigenous people. */
static void
add_highland_hamlets (GPtrArray      *out,
                      XasoDemoRandom *r,
                      guint           n)
{
  static const struct {
    const char         *prefix;
    const char * const *stems;
    guint               n_stems;
  } peoples[] = {
    { "Buôn", buon_stems, G_N_ELEMENTS (buon_stems) },
    { "Plei", plei_stems, G_N_ELEMENTS (plei_stems) },
    { "Làng", lang_stems, G_N_ELEMENTS (lang_stems) },
  };
  guint p = xaso_demo_random_range (r, G_N_ELEMENTS (peoples));
  guint native = MIN (n * 2 / 5, peoples[p].n_stems);

  add_numbered (out, "Thôn", 1, n - native);
  add_named (out, r, peoples[p].prefix, peoples[p].stems, peoples[p].n_stems, native);
}

/* A commune keeps one naming style: numbered or named hamlets, and one word
 * for them. Named stems run out for very large communes, which then number
 * their hamlets. */
static void
add_rural_hamlets (GPtrArray      *out,
                   XasoDemoRandom *r,
                   XasoDemoRegion  region,
                   guint           n)
{
  const char * const *stems = north_stems;
  guint n_stems = G_N_ELEMENTS (north_stems);
  const char *prefix = "Thôn";
  double numbered = 0.35;

  if (region == XASO_DEMO_REGION_NORTH || region == XASO_DEMO_REGION_NATIONAL)
    prefix = xaso_demo_random_chance (r, 0.25) ? "Xóm" : "Thôn";
  else if (region == XASO_DEMO_REGION_CENTRAL)
    {
      stems = central_stems;
      n_stems = G_N_ELEMENTS (central_stems);
      numbered = 0.3;
    }
  else if (region == XASO_DEMO_REGION_SOUTH)
    {
      stems = south_stems;
      n_stems = G_N_ELEMENTS (south_stems);
      prefix = "Ấp";
      numbered = 0.2;
    }
  else if (region == XASO_DEMO_REGION_UPLANDS)
    {
      stems = upland_stems;
      n_stems = G_N_ELEMENTS (upland_stems);
      prefix = xaso_demo_random_chance (r, 0.5) ? "Bản" : "Thôn";
      numbered = 0.1;
    }

  if (xaso_demo_random_chance (r, numbered) || n > n_stems)
    add_numbered (out, prefix, 1, n);
  else
    add_named (out, r, prefix, stems, n_stems, n);
}

/**
 * xaso_demo_hamlets:
 * @r: the random source
 * @region: the commune's region
 * @ward: whether the commune is a ward (phường)
 * @n_hamlets: how many hamlets, at least 1
 *
 * Names the hamlets (thôn, xóm, ấp, bản, buôn…) of a commune, or the
 * residential groups of a ward (tổ dân phố; khu phố in the south).
 *
 * Returns: (transfer full): a %NULL-terminated array of @n_hamlets distinct
 *   names; free with g_strfreev().
 */
char **
xaso_demo_hamlets (XasoDemoRandom *r,
                   XasoDemoRegion  region,
                   gboolean        ward,
                   guint           n_hamlets)
{
  GPtrArray *out = g_ptr_array_new_full (n_hamlets + 1, g_free);

  g_return_val_if_fail (n_hamlets > 0, NULL);

  if (ward)
    add_numbered (out, region == XASO_DEMO_REGION_SOUTH ? "Khu phố" : "Tổ dân phố", 1, n_hamlets);
  else if (region == XASO_DEMO_REGION_HIGHLANDS)
    add_highland_hamlets (out, r, n_hamlets);
  else
    add_rural_hamlets (out, r, region, n_hamlets);

  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/**
 * xaso_demo_hamlets_collective:
 * @commune: a demo commune
 *
 * Returns: (transfer none): how a document addresses all the hamlets of
 *   @commune at once ("Các ấp", "Các thôn, bản", "Các tổ dân phố").
 */
const char *
xaso_demo_hamlets_collective (const XasoDemoCommune *commune)
{
  g_return_val_if_fail (commune != NULL, NULL);

  if (commune->is_ward)
    return commune->region == XASO_DEMO_REGION_SOUTH ? "Các khu phố" : "Các tổ dân phố";

  switch (commune->region)
    {
    case XASO_DEMO_REGION_SOUTH:
      return "Các ấp";
    case XASO_DEMO_REGION_UPLANDS:
      return "Các thôn, bản";
    case XASO_DEMO_REGION_HIGHLANDS:
      return "Các thôn, buôn, làng";
    case XASO_DEMO_REGION_NATIONAL:
    case XASO_DEMO_REGION_NORTH:
    case XASO_DEMO_REGION_CENTRAL:
    case XASO_DEMO_N_REGIONS:
    default:
      return "Các thôn";
    }
}

/**
 * xaso_demo_street_name:
 * @r: the random source
 *
 * Returns: (transfer none): a street name, without the word "đường".
 */
const char *
xaso_demo_street_name (XasoDemoRandom *r)
{
  return street_names[xaso_demo_random_range (r, G_N_ELEMENTS (street_names))];
}

/**
 * xaso_demo_street_address:
 * @r: the random source
 * @region: the commune's region, which sets the word for a lane
 *
 * Returns: (transfer full): a house number and street, sometimes in a lane:
 *   "Số 12, ngõ 45, đường Lê Lợi" in the north, "kiệt" in the centre,
 *   "Số 45/12 đường Lê Lợi" (lane 45, house 12) in the south.
 */
char *
xaso_demo_street_address (XasoDemoRandom *r,
                          XasoDemoRegion  region)
{
  const char *street = xaso_demo_street_name (r);
  guint house = 1 + xaso_demo_random_range (r, 250);
  guint lane = 2 + xaso_demo_random_range (r, 300);

  if (xaso_demo_random_chance (r, 0.45))
    return g_strdup_printf ("Số %u đường %s", house, street);

  house = 1 + house % 80;
  if (region == XASO_DEMO_REGION_SOUTH)
    return g_strdup_printf ("Số %u/%u đường %s", lane, house, street);
  if (region == XASO_DEMO_REGION_CENTRAL)
    return g_strdup_printf ("Số %u, kiệt %u, đường %s", house, lane, street);

  return g_strdup_printf ("Số %u, ngõ %u, đường %s", house, lane, street);
}
