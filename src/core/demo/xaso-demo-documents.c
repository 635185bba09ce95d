/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "xaso-demo"

#include "config.h"

#include <string.h>

#include "xaso-demo-documents.h"

/* Appendix III of Decree 30/2020: the 29 administrative document types.
 * Công văn and thư công have no abbreviation. */
static const XasoDemoDocumentType document_types[] = {
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

/* Provincial agencies after the 2025 reorganisation: social protection and
 * children moved to the Sở Y tế, poverty reduction to the Sở Nông nghiệp và
 * Môi trường, labour and people with meritorious service to the Sở Nội vụ.
 * Drafting units are typical abbreviations, not an official list. */
static const XasoDemoIssuer issuers[] = {
  { "UBND", "UBND", { "VP", "KT", "KGVX", "NC", "TH", NULL },
    "Chủ tịch", "Phó Chủ tịch", 9000 },
  { "Văn phòng UBND", "VP", { "TH", "KSTT", "HCTC", NULL },
    "Chánh Văn phòng", "Phó Chánh Văn phòng", 1500 },
  { "HĐND", "HĐND", { "VP", NULL }, "Chủ tịch", "Phó Chủ tịch", 300 },
  { "Ủy ban MTTQ Việt Nam", "MTTQ", { "BTT", NULL }, "Chủ tịch", "Phó Chủ tịch", 400 },
  { "Sở Nội vụ", "SNV", { "VP", "CCVC", "TCBC", "XDCQ", "LĐVL", NULL },
    "Giám đốc", "Phó Giám đốc", 3000 },
  { "Sở Tư pháp", "STP", { "VP", "HCTP", "PBGDPL", "XLVPHC", NULL },
    "Giám đốc", "Phó Giám đốc", 1800 },
  { "Sở Tài chính", "STC", { "VP", "NS", "QLG", "TCDN", NULL },
    "Giám đốc", "Phó Giám đốc", 4000 },
  { "Sở Nông nghiệp và Môi trường", "SNNMT", { "VP", "QLĐĐ", "TL", "PTNT", "GN", NULL },
    "Giám đốc", "Phó Giám đốc", 4000 },
  { "Sở Xây dựng", "SXD", { "VP", "QLXD", "HTKT", "QLN", NULL },
    "Giám đốc", "Phó Giám đốc", 2500 },
  { "Sở Y tế", "SYT", { "VP", "NVY", "BTXH", "KHTC", NULL },
    "Giám đốc", "Phó Giám đốc", 3000 },
  { "Sở Giáo dục và Đào tạo", "SGDĐT", { "VP", "GDPT", "GDMN", "KHTC", NULL },
    "Giám đốc", "Phó Giám đốc", 2500 },
  { "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", { "VP", "QLVH", "QLTDTT", "QLDL", NULL },
    "Giám đốc", "Phó Giám đốc", 1500 },
  { "Sở Khoa học và Công nghệ", "SKHCN", { "VP", "CĐS", "BCVT", NULL },
    "Giám đốc", "Phó Giám đốc", 1800 },
  { "Sở Công Thương", "SCT", { "VP", "QLTM", "QLCN", NULL },
    "Giám đốc", "Phó Giám đốc", 1500 },
  { "Sở Dân tộc và Tôn giáo", "SDTTG", { "VP", "CSDT", "TG", NULL },
    "Giám đốc", "Phó Giám đốc", 800 },
  { "Công an", "CAT", { "PC06", "PC08", "PA05", NULL },
    "Giám đốc", "Phó Giám đốc", 5000 },
  { "Bộ Chỉ huy Quân sự", "BCH", { "TM", "CT", "HC", NULL },
    "Chỉ huy trưởng", "Phó Chỉ huy trưởng", 1200 },
  { "Bảo hiểm xã hội", "BHXH", { "VP", "QLT", "CĐBHXH", NULL },
    "Giám đốc", "Phó Giám đốc", 2000 },
};

/* The three departments of Decree 150/2025 and the one-stop centre. A ward
 * has an economic, infrastructure and urban department instead. */
static const XasoDemoUnit commune_units[] = {
  { "VP", "Văn phòng HĐND và UBND" },
  { "KT", "Phòng Kinh tế" },
  { "VHXH", "Phòng Văn hóa - Xã hội" },
  { "TTPVHCC", "Trung tâm Phục vụ hành chính công" },
};

static const XasoDemoUnit ward_units[] = {
  { "VP", "Văn phòng HĐND và UBND" },
  { "KTHTĐT", "Phòng Kinh tế, Hạ tầng và Đô thị" },
  { "VHXH", "Phòng Văn hóa - Xã hội" },
  { "TTPVHCC", "Trung tâm Phục vụ hành chính công" },
};

enum {
  FLAG_NORMATIVE = 1 << 0,   /* a legal normative document: its number carries the year */
  FLAG_EMERGENCY = 1 << 1,   /* a công điện, sent hỏa tốc or thượng khẩn */
};

/* Subject templates. Placeholders: {year}, {next_year}, {month}, {quarter}
 * (I–IV), {commune} ("xã Tân Lập"), {kind} ("xã" or "phường"), {province}
 * ("tỉnh Tây Ninh"), {person} ("ông Nguyễn Văn Hùng", the same person
 * throughout one document), and in recipients {internal} (the commune's own
 * bodies) and {hamlets} ("Các ấp"). Subjects leave out the type name, which
 * the register writes in front; those of công văn start with "V/v". */
typedef struct
{
  const char *type;        /* abbreviation; "" for công văn */
  const char *text;
  const char *issuers;     /* "|"-separated abbreviations of plausible senders */
  guint8      weight;
  guint8      reply_days;
  guint8      flags;
} IncomingTemplate;

typedef struct
{
  const char *type;
  const char *text;
  const char *unit;        /* the drafting department */
  const char *recipients;  /* template of the "Nơi nhận" */
  guint8      weight;
} OutgoingTemplate;

static const IncomingTemplate incoming_templates[] = {
  { "", "V/v triển khai công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm {year}",
    "UBND|SNNMT|BCH", 5, 0, 0 },
  { "", "V/v tăng cường công tác phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
    "UBND|SNNMT", 3, 0, 0 },
  { "", "V/v đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình", "UBND|VP|SKHCN", 4, 0, 0 },
  { "", "V/v rà soát, cập nhật, làm sạch dữ liệu dân cư phục vụ Đề án 06", "UBND|CAT", 4, 10, 0 },
  { "", "V/v báo cáo kết quả thực hiện công tác cải cách hành chính quý {quarter} năm {year}",
    "SNV|VP", 4, 5, 0 },
  { "", "V/v tổ chức các hoạt động kỷ niệm Ngày Quốc khánh 2/9", "UBND|SVHTTDL", 2, 0, 0 },
  { "", "V/v tăng cường công tác quản lý nhà nước về đất đai trên địa bàn", "UBND|SNNMT", 3, 0, 0 },
  { "", "V/v hướng dẫn rà soát hộ nghèo, hộ cận nghèo năm {year}", "SNNMT", 3, 15, 0 },
  { "", "V/v thực hiện bảo hiểm y tế học sinh, sinh viên năm học {year}-{next_year}",
    "BHXH|SGDĐT", 2, 0, 0 },
  { "", "V/v cung cấp hồ sơ, tài liệu phục vụ thanh tra chuyên đề", "UBND|STC", 2, 5, 0 },
  { "", "V/v chấn chỉnh công tác đăng ký, quản lý hộ tịch", "STP", 3, 0, 0 },
  { "", "V/v triển khai Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế "
    "một cửa, một cửa liên thông", "UBND|VP", 2, 0, 0 },
  { "", "V/v bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán", "UBND|CAT", 2, 0, 0 },
  { "", "V/v tổ chức tiếp công dân, giải quyết khiếu nại, tố cáo", "UBND", 2, 0, 0 },
  { "", "V/v đôn đốc thu ngân sách nhà nước năm {year}", "UBND|STC", 2, 0, 0 },
  { "", "V/v rà soát đối tượng hưởng trợ cấp xã hội hằng tháng", "SYT", 3, 10, 0 },
  { "", "V/v chi trả trợ cấp ưu đãi người có công qua tài khoản", "SNV", 2, 0, 0 },
  { "", "V/v hưởng ứng Tháng hành động vì an toàn thực phẩm năm {year}", "SYT|UBND", 2, 0, 0 },
  { "", "V/v tuyên truyền, vận động người dân kích hoạt tài khoản định danh điện tử mức độ 2",
    "CAT|UBND", 3, 0, 0 },
  { "", "V/v số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "VP|SKHCN", 3, 0, 0 },
  { "", "V/v chuẩn bị công tác tuyển chọn và gọi công dân nhập ngũ năm {next_year}",
    "BCH|UBND", 2, 0, 0 },
  { "", "V/v rà soát, thống kê nhà tạm, nhà dột nát trên địa bàn", "UBND|SXD", 2, 10, 0 },
  { "", "V/v góp ý dự thảo Nghị quyết của Hội đồng nhân dân tỉnh", "STP|VP", 2, 7, 0 },
  { "", "V/v thực hiện chế độ báo cáo thống kê định kỳ", "VP|STC", 2, 0, 0 },
  { "", "V/v tăng cường phòng cháy, chữa cháy trong mùa khô", "CAT", 2, 0, 0 },
  { "", "V/v đăng ký nhu cầu đào tạo, bồi dưỡng cán bộ, công chức năm {next_year}",
    "SNV", 2, 10, 0 },
  { "", "V/v thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo", "SXD|UBND", 2, 0, 0 },
  { "", "V/v tăng cường phòng, chống dịch sốt xuất huyết", "SYT", 2, 0, 0 },
  { "", "V/v triển khai tiêm chủng mở rộng năm {year}", "SYT", 1, 0, 0 },
  { "", "V/v rà soát cơ sở tín ngưỡng, tôn giáo trên địa bàn", "SDTTG", 1, 10, 0 },
  { "", "V/v tăng cường bảo đảm an toàn thông tin, an ninh mạng", "SKHCN|CAT", 2, 0, 0 },
  { "", "V/v phát triển người tham gia bảo hiểm xã hội tự nguyện", "BHXH", 2, 0, 0 },
  { "", "V/v báo cáo tình hình thực hiện dân chủ ở cơ sở năm {year}", "SNV", 1, 7, 0 },
  { "", "V/v quản lý, kiểm tra việc kinh doanh hàng hóa dịp cuối năm", "SCT", 1, 0, 0 },
  { "KH", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm {year}", "UBND|MTTQ", 2, 0, 0 },
  { "KH", "Phổ biến, giáo dục pháp luật năm {year}", "UBND|STP", 2, 0, 0 },
  { "KH", "Chuyển đổi số năm {year}", "UBND|SKHCN", 2, 0, 0 },
  { "KH", "Kiểm tra công tác cải cách hành chính năm {year}", "UBND|SNV", 2, 0, 0 },
  { "KH", "Tổ chức Tháng hành động vì trẻ em năm {year}", "SYT|UBND", 1, 0, 0 },
  { "KH", "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {year}",
    "UBND|SNNMT", 2, 0, 0 },
  { "KH", "Kiểm tra công tác văn thư, lưu trữ năm {year}", "SNV", 1, 0, 0 },
  { "QĐ", "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm {year}", "UBND", 1, 0, 0 },
  { "QĐ", "Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực "
    "hộ tịch", "UBND", 2, 0, 0 },
  { "QĐ", "Về việc giao dự toán ngân sách nhà nước năm {year}", "UBND", 1, 0, 0 },
  { "QĐ", "Về việc kiện toàn Ban Chỉ huy phòng thủ dân sự tỉnh", "UBND", 1, 0, 0 },
  { "QĐ", "Về việc phân bổ kinh phí thực hiện chính sách trợ giúp xã hội năm {year}",
    "UBND", 1, 0, 0 },
  { "TB", "Kết luận của Chủ tịch UBND tỉnh tại hội nghị giao ban tháng {month}", "VP", 2, 0, 0 },
  { "TB", "Kết quả kiểm tra công tác văn thư, lưu trữ năm {year}", "SNV", 1, 0, 0 },
  { "TB", "Lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh tháng {month}", "VP", 1, 0, 0 },
  { "GM", "Dự Hội nghị sơ kết công tác 6 tháng đầu năm {year}", "UBND|VP", 2, 0, 0 },
  { "GM", "Dự Hội nghị tập huấn nghiệp vụ hộ tịch, chứng thực", "STP", 2, 0, 0 },
  { "GM", "Dự Hội nghị trực tuyến triển khai nhiệm vụ chuyển đổi số", "SKHCN|UBND", 2, 0, 0 },
  { "GM", "Dự lớp bồi dưỡng kỹ năng tiếp công dân, xử lý đơn thư", "SNV", 1, 0, 0 },
  { "HD", "Thực hiện công tác thi đua, khen thưởng năm {year}", "SNV", 1, 0, 0 },
  { "HD", "Tổng kết công tác năm {year} và xây dựng chương trình công tác năm {next_year}",
    "VP|UBND", 1, 0, 0 },
  { "HD", "Số hóa sổ hộ tịch và cập nhật Cơ sở dữ liệu hộ tịch điện tử", "STP", 2, 0, 0 },
  { "CT", "Về việc tăng cường công tác phòng, chống tham nhũng, tiêu cực", "UBND", 1, 0, 0 },
  { "CĐ", "Về việc tập trung ứng phó với bão và mưa lũ", "UBND", 2, 0, FLAG_EMERGENCY },
  { "CĐ", "Về việc chủ động ứng phó với nắng nóng, hạn hán, xâm nhập mặn", "UBND", 1, 0,
    FLAG_EMERGENCY },
  { "NQ", "Quy định mức thu, miễn, giảm lệ phí đăng ký hộ tịch trên địa bàn tỉnh", "HĐND", 1, 0,
    FLAG_NORMATIVE },
  { "NQ", "Về kế hoạch phát triển kinh tế - xã hội năm {next_year}", "HĐND", 1, 0, 0 },
  { "CTr", "Công tác năm {year} của Ủy ban nhân dân tỉnh", "UBND", 1, 0, 0 },
};

static const OutgoingTemplate outgoing_templates[] = {
  { "QĐ", "Về việc kiện toàn Ban Chỉ huy phòng thủ dân sự {commune}", "VP",
    "{internal}", 1 },
  { "QĐ", "Về việc hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "VHXH",
    "Như Điều 3; {internal}", 3 },
  { "QĐ", "Về việc công nhận hộ nghèo, hộ cận nghèo năm {year}", "VHXH",
    "Sở Nông nghiệp và Môi trường {province}; {hamlets}", 2 },
  { "QĐ", "Về việc hưởng trợ cấp xã hội hằng tháng đối với {person}", "VHXH",
    "Như Điều 3; Sở Y tế {province}", 4 },
  { "QĐ", "Về việc xử phạt vi phạm hành chính đối với {person}", "KT",
    "Như Điều 3; Công an {kind}", 2 },
  { "QĐ", "Về việc giao nhiệm vụ cho công chức làm việc tại Trung tâm Phục vụ hành chính công",
    "VP", "Như Điều 3; {internal}", 1 },
  { "QĐ", "Về việc kiện toàn Tổ hòa giải ở cơ sở", "VP", "{hamlets}; Ủy ban MTTQ Việt Nam {kind}", 1 },
  { "QĐ", "Về việc phân công nhiệm vụ Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân {commune}", "VP",
    "UBND {province}; {internal}", 1 },
  { "QĐ", "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua "
    "năm {year}", "VP", "Như Điều 3; {internal}", 2 },
  { "KH", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư năm {year}", "VHXH",
    "{internal}; {hamlets}", 1 },
  { "KH", "Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới", "KT",
    "{internal}; {hamlets}", 1 },
  { "KH", "Tuyển chọn và gọi công dân nhập ngũ năm {next_year}", "VP",
    "Bộ Chỉ huy Quân sự {province}; {internal}; {hamlets}", 1 },
  { "KH", "Tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân {commune} năm {year}", "VP",
    "{internal}; {hamlets}", 1 },
  { "KH", "Cải cách hành chính năm {year}", "VP", "Sở Nội vụ {province}; {internal}", 1 },
  { "KH", "Phòng, chống thiên tai và tìm kiếm cứu nạn năm {year}", "KT",
    "{internal}; {hamlets}", 1 },
  { "BC", "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội tháng {month} năm {year}", "VP",
    "UBND {province}; Văn phòng UBND {province}", 4 },
  { "BC", "Kết quả giải quyết thủ tục hành chính quý {quarter} năm {year}", "TTPVHCC",
    "Văn phòng UBND {province}; Sở Nội vụ {province}", 3 },
  { "BC", "Tình hình thiệt hại do mưa lớn gây ra trên địa bàn {commune}", "KT",
    "UBND {province}; Sở Nông nghiệp và Môi trường {province}", 1 },
  { "BC", "Kết quả rà soát hộ nghèo, hộ cận nghèo năm {year}", "VHXH",
    "Sở Nông nghiệp và Môi trường {province}", 2 },
  { "BC", "Công tác tư pháp, hộ tịch 6 tháng đầu năm {year}", "VP", "Sở Tư pháp {province}", 2 },
  { "BC", "Kết quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo quý {quarter} năm {year}",
    "VP", "UBND {province}", 2 },
  { "BC", "Kết quả cung cấp dịch vụ công trực tuyến tháng {month} năm {year}", "TTPVHCC",
    "Văn phòng UBND {province}; Sở Khoa học và Công nghệ {province}", 2 },
  { "TTr", "Về việc đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc năm {year}", "VP",
    "UBND {province}; Sở Nội vụ {province}", 1 },
  { "TTr", "Về việc đề nghị hỗ trợ kinh phí khắc phục hậu quả thiên tai", "KT",
    "UBND {province}; Sở Tài chính {province}", 1 },
  { "TTr", "Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa trụ sở làm việc", "KT",
    "UBND {province}; Sở Tài chính {province}", 1 },
  { "", "V/v đăng ký nhu cầu bồi dưỡng cán bộ, công chức năm {next_year}", "VP",
    "Sở Nội vụ {province}", 1 },
  { "", "V/v đề nghị xác minh thông tin hộ tịch", "VP", "Sở Tư pháp {province}", 2 },
  { "", "V/v cử công chức tham dự hội nghị tập huấn", "VP", "Sở Tư pháp {province}", 2 },
  { "", "V/v trả lời đơn kiến nghị của {person}", "VP", "{person}; Thanh tra {province}", 2 },
  { "", "V/v tổ chức ra quân vệ sinh môi trường tại các khu dân cư", "KT",
    "{internal}; {hamlets}", 1 },
  { "", "V/v cung cấp số liệu thống kê dân số, lao động", "VHXH", "{hamlets}", 1 },
  { "", "V/v tăng cường phòng, chống dịch bệnh trên địa bàn {commune}", "VHXH",
    "{internal}; {hamlets}", 1 },
  { "", "V/v đề nghị thẩm định hồ sơ hưởng trợ cấp xã hội", "VHXH", "Sở Y tế {province}", 1 },
  { "", "V/v chấn chỉnh việc xây dựng nhà ở không phép trên địa bàn {commune}", "KT",
    "{hamlets}; Công an {kind}", 1 },
  { "TB", "Lịch tiếp công dân của Chủ tịch Ủy ban nhân dân {commune} tháng {month}", "VP",
    "{internal}; {hamlets}", 2 },
  { "TB", "Kết luận của Chủ tịch Ủy ban nhân dân {commune} tại cuộc họp giao ban tháng {month}",
    "VP", "{internal}", 2 },
  { "TB", "Về việc niêm yết công khai danh sách hộ nghèo, hộ cận nghèo năm {year}", "VHXH",
    "{hamlets}", 1 },
  { "GM", "Dự họp triển khai kế hoạch phòng, chống thiên tai năm {year}", "KT",
    "{internal}; {hamlets}", 2 },
  { "GM", "Dự hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân {commune} với Nhân dân", "VP",
    "{internal}; {hamlets}", 1 },
  { "BB", "Kiểm tra hiện trường vụ việc tranh chấp đất đai của {person}", "KT", "{person}", 1 },
};

/* The commune's own bodies, the usual first lines of a "Nơi nhận". */
static const char * const internal_recipients[] = {
  "Thường trực Đảng ủy {kind}",
  "Thường trực HĐND {kind}",
  "Ủy ban MTTQ Việt Nam {kind}",
  "Công an {kind}",
  "Ban Chỉ huy Quân sự {kind}",
  "Các phòng, ban chuyên môn thuộc UBND {kind}",
  "Các tổ chức chính trị - xã hội {kind}",
};

/**
 * xaso_demo_document_types:
 * @n_types: (out): the number of types
 *
 * Returns: (transfer none) (array length=n_types): the 29 document types.
 */
const XasoDemoDocumentType *
xaso_demo_document_types (guint *n_types)
{
  g_return_val_if_fail (n_types != NULL, NULL);

  *n_types = G_N_ELEMENTS (document_types);
  return document_types;
}

/**
 * xaso_demo_document_type_lookup:
 * @abbr: (nullable): an abbreviation such as "QĐ"; %NULL or "" for công văn
 *
 * Returns: (transfer none) (nullable): the type, or %NULL if unknown.
 */
const XasoDemoDocumentType *
xaso_demo_document_type_lookup (const char *abbr)
{
  if (abbr == NULL || *abbr == '\0')
    abbr = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (document_types); i++)
    {
      const char *a = document_types[i].abbr;

      /* Công văn comes before thư công, so an empty abbreviation finds it. */
      if (abbr == NULL ? a == NULL : (a != NULL && strcmp (a, abbr) == 0))
        return &document_types[i];
    }

  return NULL;
}

/**
 * xaso_demo_issuers:
 * @n_issuers: (out): the number of issuers
 *
 * Returns: (transfer none) (array length=n_issuers): the provincial agencies
 *   that send documents to a commune.
 */
const XasoDemoIssuer *
xaso_demo_issuers (guint *n_issuers)
{
  g_return_val_if_fail (n_issuers != NULL, NULL);

  *n_issuers = G_N_ELEMENTS (issuers);
  return issuers;
}

static const XasoDemoIssuer *
issuer_lookup_len (const char *abbr,
                   gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    if (strlen (issuers[i].abbr) == len && strncmp (issuers[i].abbr, abbr, len) == 0)
      return &issuers[i];

  return NULL;
}

/**
 * xaso_demo_issuer_lookup:
 * @abbr: an issuer abbreviation such as "STP"
 *
 * Returns: (transfer none) (nullable): the issuer, or %NULL if unknown.
 */
const XasoDemoIssuer *
xaso_demo_issuer_lookup (const char *abbr)
{
  g_return_val_if_fail (abbr != NULL, NULL);

  return issuer_lookup_len (abbr, strlen (abbr));
}

/* "Tỉnh Tây Ninh" → "tỉnh Tây Ninh", as it reads inside a longer name. Both
 * "Tỉnh" and "Thành phố" start with an ASCII letter. */
static void
append_province (GString               *out,
                 const XasoDemoCommune *commune)
{
  g_string_append_c (out, g_ascii_tolower (commune->province_full[0]));
  g_string_append (out, commune->province_full + 1);
}

/**
 * xaso_demo_issuer_full_name:
 * @issuer: an issuer
 * @commune: the commune receiving the document
 *
 * Returns: (transfer full): the issuer as written in the register,
 *   "Sở Tư pháp tỉnh Tây Ninh".
 */
char *
xaso_demo_issuer_full_name (const XasoDemoIssuer  *issuer,
                            const XasoDemoCommune *commune)
{
  GString *out;

  g_return_val_if_fail (issuer != NULL, NULL);
  g_return_val_if_fail (commune != NULL, NULL);

  out = g_string_new (issuer->name);
  g_string_append_c (out, ' ');
  append_province (out, commune);
  return g_string_free (out, FALSE);
}

/**
 * xaso_demo_commune_units:
 * @ward: whether the commune is a ward
 * @n_units: (out): the number of departments
 *
 * Returns: (transfer none) (array length=n_units): the commune's departments.
 */
const XasoDemoUnit *
xaso_demo_commune_units (gboolean  ward,
                         guint    *n_units)
{
  g_return_val_if_fail (n_units != NULL, NULL);

  *n_units = ward ? G_N_ELEMENTS (ward_units) : G_N_ELEMENTS (commune_units);
  return ward ? ward_units : commune_units;
}

/**
 * xaso_demo_signer_name:
 * @r: the random source
 * @year: the year of signing
 *
 * Returns: (transfer full): the name of a leader aged 38 to 58 in @year.
 */
char *
xaso_demo_signer_name (XasoDemoRandom *r,
                       int             year)
{
  gboolean female = xaso_demo_random_chance (r, 0.25);
  int birth_year = year - xaso_demo_random_between (r, 38, 58);

  return xaso_demo_person_name (r, female, birth_year, NULL);
}

/* Everything a template expansion needs. The person is drawn on first use
 * and then kept, so that a subject and its recipients name the same one. */
typedef struct
{
  XasoDemoRandom        *r;
  const XasoDemoCommune *commune;
  int                    year;
  int                    month;
  char                  *person;
} Context;

static void expand_into (Context    *ctx,
                         GString    *out,
                         const char *text);

static gboolean
key_is (const char *key,
        gsize       len,
        const char *name)
{
  return strlen (name) == len && strncmp (key, name, len) == 0;
}

static const char *
person (Context *ctx)
{
  if (ctx->person == NULL)
    {
      gboolean female = xaso_demo_random_chance (ctx->r, 0.45);
      int birth_year = ctx->year - xaso_demo_random_between (ctx->r, 22, 80);
      g_autofree char *name = xaso_demo_person_name (ctx->r, female, birth_year, NULL);

      ctx->person = g_strconcat (female ? "bà " : "ông ", name, NULL);
    }

  return ctx->person;
}

/* Two or three of the commune's bodies, in their usual order. */
static void
append_internal (Context *ctx,
                 GString *out)
{
  guint n = 2 + xaso_demo_random_range (ctx->r, 2);
  guint start = xaso_demo_random_range (ctx->r, G_N_ELEMENTS (internal_recipients) - n + 1);

  for (guint i = start; i < start + n; i++)
    {
      if (i > start)
        g_string_append (out, "; ");
      expand_into (ctx, out, internal_recipients[i]);
    }
}

static void
append_key (Context    *ctx,
            GString    *out,
            const char *key,
            gsize       len)
{
  static const char * const quarters[] = { "I", "II", "III", "IV" };
  const char *kind = ctx->commune->is_ward ? "phường" : "xã";

  if (key_is (key, len, "year"))
    g_string_append_printf (out, "%d", ctx->year);
  else if (key_is (key, len, "next_year"))
    g_string_append_printf (out, "%d", ctx->year + 1);
  else if (key_is (key, len, "month"))
    g_string_append_printf (out, "%d", ctx->month);
  else if (key_is (key, len, "quarter"))
    g_string_append (out, quarters[(CLAMP (ctx->month, 1, 12) - 1) / 3]);
  else if (key_is (key, len, "kind"))
    g_string_append (out, kind);
  else if (key_is (key, len, "commune"))
    g_string_append_printf (out, "%s %s", kind, ctx->commune->short_name);
  else if (key_is (key, len, "province"))
    append_province (out, ctx->commune);
  else if (key_is (key, len, "person"))
    g_string_append (out, person (ctx));
  else if (key_is (key, len, "internal"))
    append_internal (ctx, out);
  else if (key_is (key, len, "hamlets"))
    g_string_append (out, xaso_demo_hamlets_collective (ctx->commune));
  else
    g_warn_if_reached ();
}

static void
expand_into (Context    *ctx,
             GString    *out,
             const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (out, p);
          return;
        }

      g_string_append_len (out, p, open - p);
      append_key (ctx, out, open + 1, close - open - 1);
      p = close + 1;
    }
}

static char *
expand (Context    *ctx,
        const char *text)
{
  GString *out = g_string_sized_new (128);

  expand_into (ctx, out, text);
  return g_string_free (out, FALSE);
}

static const IncomingTemplate *
pick_incoming_template (XasoDemoRandom *r)
{
  guint weights[G_N_ELEMENTS (incoming_templates)];

  for (guint i = 0; i < G_N_ELEMENTS (incoming_templates); i++)
    weights[i] = incoming_templates[i].weight;

  return &incoming_templates[xaso_demo_random_weighted (r, weights, G_N_ELEMENTS (weights))];
}

static const OutgoingTemplate *
pick_outgoing_template (XasoDemoRandom *r)
{
  guint weights[G_N_ELEMENTS (outgoing_templates)];

  for (guint i = 0; i < G_N_ELEMENTS (outgoing_templates); i++)
    weights[i] = outgoing_templates[i].weight;

  return &outgoing_templates[xaso_demo_random_weighted (r, weights, G_N_ELEMENTS (weights))];
}

/* Picks one sender from a "|"-separated list of issuer abbreviations. */
static const XasoDemoIssuer *
pick_issuer (XasoDemoRandom *r,
             const char     *list)
{
  guint n = 1;
  guint k;
  const char *start = list;
  const char *end;

  for (const char *p = list; *p != '\0'; p++)
    n += *p == '|';

  k = xaso_demo_random_range (r, n);
  for (; k > 0; k--)
    start = strchr (start, '|') + 1;
  end = strchr (start, '|');

  return issuer_lookup_len (start, end ? (gsize) (end - start) : strlen (start));
}

/* Issuers number their documents through the year, so a document of a
 * given month carries a number in that month's share of the yearly series;
 * the named types are far fewer than công văn. */
static guint
draw_number (XasoDemoRandom       *r,
             const XasoDemoIssuer *issuer,
             gboolean              cong_van,
             int                   month)
{
  guint volume = cong_van ? issuer->yearly_volume : issuer->yearly_volume / 15 + 24;
  guint per_month = MAX (volume / 12, 1);

  return per_month * (guint) (CLAMP (month, 1, 12) - 1) + 1 + xaso_demo_random_range (r, per_month);
}

static XasoDemoUrgency
draw_urgency (XasoDemoRandom *r,
              gboolean        emergency)
{
  double u = xaso_demo_random_double (r);

  if (emergency)
    return u < 0.6 ? XASO_DEMO_URGENCY_FLASH : XASO_DEMO_URGENCY_VERY_URGENT;
  if (u < 0.01)
    return XASO_DEMO_URGENCY_FLASH;
  if (u < 0.03)
    return XASO_DEMO_URGENCY_VERY_URGENT;
  if (u < 0.10)
    return XASO_DEMO_URGENCY_URGENT;
  return XASO_DEMO_URGENCY_NORMAL;
}

static guint
count_units (const XasoDemoIssuer *issuer)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (issuer->units) && issuer->units[n] != NULL)
    n++;

  return n;
}

static char *
incoming_notation (XasoDemoRandom         *r,
                   const IncomingTemplate *tmpl,
                   const XasoDemoIssuer   *issuer,
                   guint                   number,
                   int                     year,
                   const char            **unit)
{
  *unit = NULL;

  /* Numbers below 10 are written with a leading zero (Decree 30/2020). */
  if (*tmpl->type == '\0')
    {
      *unit = issuer->units[xaso_demo_random_range (r, count_units (issuer))];
      return g_strdup_printf ("%02u/%s-%s", number, issuer->abbr, *unit);
    }
  if (tmpl->flags & FLAG_NORMATIVE)
    return g_strdup_printf ("%02u/%d/%s-%s", number, year, tmpl->type, issuer->abbr);

  return g_strdup_printf ("%02u/%s-%s", number, tmpl->type, issuer->abbr);
}

/**
 * xaso_demo_incoming_document:
 * @r: the random source
 * @commune: the receiving commune
 * @year: the year of the document
 * @month: its month, 1 to 12
 * @doc: (out caller-allocates): the document, to clear with
 *   xaso_demo_document_clear()
 *
 * Draws a document sent to @commune by a provincial agency. Numbers are
 * plausible but not unique: the generator must skip a draw whose number,
 * notation and issuer repeat an earlier one, as the app warns about it.
 */
void
xaso_demo_incoming_document (XasoDemoRandom        *r,
                             const XasoDemoCommune *commune,
                             int                    year,
                             int                    month,
                             XasoDemoDocument      *doc)
{
  Context ctx = { r, commune, year, month, NULL };
  const IncomingTemplate *tmpl;
  const XasoDemoIssuer *issuer;

  g_return_if_fail (commune != NULL);
  g_return_if_fail (doc != NULL);

  memset (doc, 0, sizeof *doc);
  tmpl = pick_incoming_template (r);
  issuer = pick_issuer (r, tmpl->issuers);
  g_return_if_fail (issuer != NULL);

  doc->type = xaso_demo_document_type_lookup (tmpl->type);
  doc->issuer = xaso_demo_issuer_full_name (issuer, commune);
  doc->number = draw_number (r, issuer, *tmpl->type == '\0', month);
  doc->notation = incoming_notation (r, tmpl, issuer, doc->number, year, &doc->unit_abbr);
  doc->subject = expand (&ctx, tmpl->text);
  doc->signer_title = xaso_demo_random_chance (r, 0.3) ? issuer->head_title : issuer->deputy_title;
  doc->signer_name = xaso_demo_signer_name (r, year);
  doc->urgency = draw_urgency (r, tmpl->flags & FLAG_EMERGENCY);
  doc->reply_days = tmpl->reply_days;

  /* Police and military headquarters occasionally send classified documents. */
  if ((strcmp (issuer->abbr, "CAT") == 0 || strcmp (issuer->abbr, "BCH") == 0)
      && xaso_demo_random_chance (r, 0.04))
    doc->secrecy = XASO_DEMO_SECRECY_CONFIDENTIAL;

  g_free (ctx.person);
}

/* The Chairman signs decisions more often than other papers; the head of
 * the Office may sign, "TL.", the routine công văn, invitations and notices
 * that the Office itself drafted. */
static const char *
outgoing_signer_title (XasoDemoRandom         *r,
                       const OutgoingTemplate *tmpl)
{
  double u = xaso_demo_random_double (r);
  const char *type = tmpl->type;
  gboolean routine = *type == '\0' || strcmp (type, "GM") == 0 || strcmp (type, "TB") == 0;

  if (u < (strcmp (type, "QĐ") == 0 ? 0.4 : 0.25))
    return "Chủ tịch";
  if (routine && strcmp (tmpl->unit, "VP") == 0 && u >= 0.9)
    return "Chánh Văn phòng";
  return "Phó Chủ tịch";
}

static const char *
outgoing_unit (const XasoDemoCommune *commune,
               const char            *unit)
{
  if (commune->is_ward && strcmp (unit, "KT") == 0)
    return "KTHTĐT";

  return unit;
}

/**
 * xaso_demo_outgoing_document:
 * @r: the random source
 * @commune: the issuing commune
 * @year: the year of the document
 * @month: its month, 1 to 12
 * @doc: (out caller-allocates): the document, to clear with
 *   xaso_demo_document_clear()
 *
 * Draws a document drafted by @commune. It has no number or notation yet:
 * the outgoing register assigns them when the document is issued, and the
 * generator names the signer among the commune's leaders.
 */
void
xaso_demo_outgoing_document (XasoDemoRandom        *r,
                             const XasoDemoCommune *commune,
                             int                    year,
                             int                    month,
                             XasoDemoDocument      *doc)
{
  Context ctx = { r, commune, year, month, NULL };
  const OutgoingTemplate *tmpl;
  double u;

  g_return_if_fail (commune != NULL);
  g_return_if_fail (doc != NULL);

  memset (doc, 0, sizeof *doc);
  tmpl = pick_outgoing_template (r);

  doc->type = xaso_demo_document_type_lookup (tmpl->type);
  doc->issuer = g_strdup (commune->agency_name);
  doc->subject = expand (&ctx, tmpl->text);
  doc->recipients = expand (&ctx, tmpl->recipients);
  doc->unit_abbr = *tmpl->type == '\0' ? outgoing_unit (commune, tmpl->unit) : NULL;
  doc->signer_title = outgoing_signer_title (r, tmpl);

  u = xaso_demo_random_double (r);
  doc->urgency = u < 0.01 ? XASO_DEMO_URGENCY_VERY_URGENT
               : u < 0.05 ? XASO_DEMO_URGENCY_URGENT
               : XASO_DEMO_URGENCY_NORMAL;

  g_free (ctx.person);
}

/**
 * xaso_demo_document_clear:
 * @doc: a document filled by one of the pickers
 *
 * Frees the strings @doc owns and resets it.
 */
void
xaso_demo_document_clear (XasoDemoDocument *doc)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->issuer);
  g_free (doc->notation);
  g_free (doc->subject);
  g_free (doc->signer_name);
  g_free (doc->recipients);
  memset (doc, 0, sizeof *doc);
}
