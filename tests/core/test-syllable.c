/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "xaso-syllable.h"

/* Real Vietnamese syllables, as they appear in the civil register and in
 * the documents of a commune office.
 */
static const char * const surnames[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
  "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Mai", "Trịnh",
  "Lương", "Lâm", "Tạ", "Hà", "Cao", "Quách", "Thái", "Kiều", "Mạc", "Tôn",
  "Vương", "Chu", "Triệu", "Khổng", "Âu", "Doãn", "Lưu", "Tăng", "Lục", "Hứa",
  "Thân", "Giáp", "Phùng", "Bạch", "Đàm", "Đoàn", "Tô", "Ông", "Khúc", "Nông",
  "Quan", "Diệp", "Kim", "Mẫn", "Ninh", "Khương", "Tống", "Thạch",
};

static const char * const given_names[] = {
  "Văn", "Thị", "Hữu", "Đức", "Minh", "Quỳnh", "Ngọc", "Lạc", "Tuyết", "Khuê",
  "Nguyệt", "Hường", "Thắng", "Quyết", "Xuân", "Loan", "Huyền", "Thoại", "Khuyến", "Ngoãn",
  "Anh", "Bảo", "Bích", "Cẩm", "Châu", "Chi", "Cường", "Dũng", "Duy", "Đạt",
  "Điệp", "Giang", "Hải", "Hạnh", "Hằng", "Hiền", "Hiếu", "Hòa", "Hoà", "Hùng",
  "Hưng", "Hương", "Khánh", "Khoa", "Kiên", "Lan", "Liên", "Linh", "Long", "Lộc",
  "Mạnh", "My", "Mỹ", "Nam", "Nga", "Nghĩa", "Nhung", "Oanh", "Phong", "Phúc",
  "Phương", "Phượng", "Quang", "Quân", "Quý", "Sơn", "Tâm", "Tân", "Thanh", "Thành",
  "Thảo", "Thúy", "Thuỷ", "Tiến", "Toàn", "Trang", "Trí", "Trung", "Tú", "Tuấn",
  "Tùng", "Uyên", "Vân", "Việt", "Vinh", "Xuyến", "Yến", "Ánh", "Ân", "Út",
  "Ý", "Khải", "Khiêm", "Luận", "Ngoan", "Thuận", "Khuyên", "Quyền", "Thuyết", "Huệ",
  "Nguyên", "Diễm", "Diệu", "Kiệt", "Lượng", "Nhàn", "Nhật", "Oánh", "Phát", "Phước",
  "Sang", "Thoa", "Tuyền", "Vượng", "Xoan", "Hiệp", "Đông", "Tường", "Yên", "Ngân",
  "Trâm", "Thư", "Nhi", "Hân", "Khôi", "Lực", "Thịnh", "Vỹ", "Hậu", "Sỹ",
  "Khang", "Trọng", "Nhẫn", "Thiện", "Chiến", "Tài", "Tuệ", "Hoạt", "Khoái",
};

static const char * const administrative_words[] = {
  "cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "độc", "lập",
  "tự", "do", "hạnh", "phúc", "ủy", "ban", "nhân", "dân", "quyết", "định",
  "giấy", "khai", "sinh", "chứng", "thực", "hộ", "khẩu", "thường", "trú", "tạm",
  "vắng", "căn", "cước", "công", "số", "ngày", "tháng", "năm", "cấp", "nơi",
  "đăng", "ký", "kết", "hôn", "tử", "nhận", "đơn", "đề", "nghị", "xác",
  "tình", "trạng", "phường", "thị", "trấn", "huyện", "tỉnh", "thành", "phố", "trung",
  "ương", "ấp", "thôn", "bản", "tổ", "khu", "đường", "quận", "phòng", "thống",
  "kê", "tư", "pháp", "tịch", "địa", "chính", "lao", "động", "thương", "binh",
  "giáo", "dục", "y", "tế", "an", "quân", "sự", "phó", "trưởng", "cán",
  "bộ", "chức", "người", "họ", "tên", "chữ", "đóng", "dấu", "sao", "trích",
  "lục", "hồ", "sơ", "tiếp", "trả", "quả", "giải", "thủ", "tục", "hành",
  "một", "cửa", "liên", "thông", "điện", "trực", "tuyến", "quyền", "giám", "cha",
  "mẹ", "con", "vợ", "chồng", "ông", "bà", "anh", "chị", "em", "cháu",
  "giới", "tính", "nữ", "tộc", "kinh", "quốc", "không", "nghiệp", "nông", "hưu",
  "trí", "quê", "quán", "cư", "hiện", "nay", "báo", "cáo", "văn", "tờ",
  "trình", "kế", "hoạch", "quy", "thư", "luật", "điều", "khoản", "cứ", "theo",
  "xuất", "kính", "gửi", "trân", "trọng", "lưu", "phép", "xây", "dựng", "đất",
  "đai", "sử", "dụng", "nhà", "ở", "tài", "sản", "gắn", "liền", "với",
  "thửa", "diện", "tích", "mét", "vuông", "tranh", "chấp", "khiếu", "nại", "tố",
  "biên", "lệ", "phí", "miễn", "giảm", "hướng", "dẫn", "mẫu", "bổ", "sung",
  "hủy", "bỏ", "cải", "đổi", "gốc",
};

static const char * const everyday_words[] = {
  "gì", "giữa", "khuya", "nghiêng", "thuở", "oa", "ý", "giếng", "gìn", "khuỷu",
  "khuếch", "huỵch", "tuýp", "rượu", "yêu", "yếm", "yểng", "boong", "xoong", "soóc",
  "Đắk", "Lắk", "quạt", "quậy", "quay", "quen", "khoẻ", "khỏe", "thủy", "ngoằn",
  "ngoèo", "ngoạm", "loắt", "choắt", "oái", "oăm", "giặt", "giúp", "giết", "nghề",
  "nghìn", "ghế", "ghi", "kịp", "kỹ", "kẻng", "khuấy", "khuây", "hoắc", "xoắn",
  "khoác", "uống", "ước", "ưng", "ừ", "ơi", "ạ", "ấy", "ăn", "ốc",
  "ếch", "ích", "ớt", "úp", "ụp", "oẳn", "oẹ",
};

/* The same words in legacy encodings, decoded as Latin-1, as a wrong guess
 * of the encoding would show them.  Forms that happen to spell a real
 * Vietnamese word (TCVN3 "bé" for "bộ", VNI "hoà" for "hồ", Windows-1258
 * "vãn" for "văn") are left out, since no validator could reject them.
 */
static const char * const tcvn3_as_latin1[] = {
  "NguyÔn", "TrÇn", "Lª", "Ph¹m", "Hoµng", "Huúnh", "Vâ", "§Æng",
  "Bïi", "§ç", "Hå", "Ng«", "D\u00AD¬ng", "§inh", "§µo", "TrÞnh",
  "L\u00AD¬ng", "L©m", "T¹", "Hµ", "Qu¸ch", "Th¸i", "KiÒu", "M¹c",
  "T«n", "V\u00AD¬ng", "TriÖu", "Khæng", "¢u", "Do·n", "L\u00ADu", "T¨ng",
  "Lôc", "Høa", "Th©n", "Gi¸p", "Phïng", "B¹ch", "§µm", "§oµn",
  "T«", "¤ng", "N«ng", "DiÖp", "MÉn", "Kh\u00AD¬ng", "Tèng", "Th¹ch",
  "V¨n", "ThÞ", "H÷u", "§øc", "Quúnh", "Ngäc", "L¹c", "TuyÕt",
  "Khuª", "NguyÖt", "H\u00ADêng", "Th¾ng", "QuyÕt", "Xu©n", "HuyÒn", "Tho¹i",
  "KhuyÕn", "Ngo·n", "B¶o", "BÝch", "CÈm", "Ch©u", "C\u00ADêng", "§¹t",
  "§iÖp", "H¶i", "H¹nh", "H»ng", "HiÒn", "HiÕu", "Hßa", "Hoµ",
  "Hïng", "H\u00ADng", "H\u00AD¬ng", "Kh¸nh", "Kiªn", "Liªn", "Léc", "M¹nh",
  "Mü", "NghÜa", "Phóc", "Ph\u00AD¬ng", "Ph\u00ADîng", "Qu©n", "S¬n", "T©m",
  "T©n", "Thµnh", "Th¶o", "Thóy", "Thuû", "TiÕn", "Toµn", "TrÝ",
  "Tó", "TuÊn", "Tïng", "Uyªn", "V©n", "ViÖt", "XuyÕn", "YÕn",
  "¸nh", "¢n", "Kh¶i", "Khiªm", "LuËn", "ThuËn", "Khuyªn", "QuyÒn",
  "ThuyÕt", "HuÖ", "Nguyªn", "DiÔm", "DiÖu", "KiÖt", "L\u00ADîng", "Nhµn",
  "NhËt", "O¸nh", "Ph¸t", "Ph\u00ADíc", "TuyÒn", "V\u00ADîng", "HiÖp", "§«ng",
  "T\u00ADêng", "Yªn", "Ng©n", "Tr©m", "Th\u00AD", "H©n", "Kh«i", "Lùc",
  "ThÞnh", "Vü", "HËu", "Sü", "Träng", "NhÉn", "ThiÖn", "ChiÕn",
  "Tµi", "TuÖ", "Ho¹t", "Kho¸i", "céng", "hßa", "x·", "héi",
  "chñ", "nghÜa", "viÖt", "®éc", "lËp", "h¹nh", "phóc", "ñy",
  "nh©n", "d©n", "quyÕt", "®Þnh", "giÊy", "chøng", "thùc", "khÈu",
  "th\u00ADêng", "tró", "t¹m", "v¾ng", "c¨n", "c\u00ADíc", "c«ng", "sè",
  "ngµy", "th¸ng", "n¨m", "cÊp", "n¬i", "®¨ng", "kÕt", "h«n",
  "tö", "nhËn", "®¬n", "®Ò", "nghÞ", "x¸c", "t×nh", "tr¹ng",
  "ph\u00ADêng", "thÞ", "trÊn", "huyÖn", "tØnh", "thµnh", "\u00AD¬ng", "Êp",
  "th«n", "b¶n", "tæ", "®\u00ADêng", "quËn", "phßng", "thèng", "kª",
  "t\u00AD", "ph¸p", "tÞch", "®Þa", "chÝnh", "®éng", "th\u00AD¬ng", "gi¸o",
  "dôc", "tÕ", "qu©n", "phã", "tr\u00ADëng", "c¸n", "chøc", "ng\u00ADêi",
  "hä", "tªn", "ch÷", "®ãng", "dÊu", "trÝch", "lôc", "hå",
  "s¬", "tiÕp", "tr¶", "qu¶", "gi¶i", "thñ", "tôc", "hµnh",
  "cöa", "liªn", "th«ng", "®iÖn", "trùc", "tuyÕn", "quyÒn", "gi¸m",
  "mÑ", "vî", "chång", "«ng", "bµ", "chÞ", "ch¸u", "giíi",
  "tÝnh", "n÷", "quèc", "kh«ng", "nghiÖp", "n«ng", "h\u00ADu", "trÝ",
  "quª", "qu¸n", "c\u00AD", "hiÖn", "b¸o", "c¸o", "v¨n", "tr×nh",
  "kÕ", "ho¹ch", "th\u00AD", "luËt", "®iÒu", "kho¶n", "cø", "xuÊt",
  "kÝnh", "göi", "tr©n", "träng", "l\u00ADu", "phÐp", "x©y", "®Êt",
  "®ai", "sö", "nhµ", "ë", "tµi", "s¶n", "g¾n", "liÒn",
  "víi", "thöa", "diÖn", "tÝch", "mÐt", "vu«ng", "chÊp", "khiÕu",
  "n¹i", "biªn", "lÖ", "phÝ", "miÔn", "gi¶m", "h\u00ADíng", "dÉn",
  "mÉu", "bæ", "hñy", "c¶i", "®æi", "gèc", "g×", "gi÷a",
  "nghiªng", "thuë", "giÕng", "g×n", "khuûu", "khuÕch", "huþch", "r\u00ADîu",
  "yªu", "yÕm", "yÓng", "soãc", "§¾k", "L¾k", "qu¹t", "quËy",
  "khoÎ", "kháe", "thñy", "ngo»n", "ngoÌo", "ngo¹m", "lo¾t", "cho¾t",
  "o¸i", "o¨m", "giÆt", "gióp", "giÕt", "nghÒ", "ngh×n", "ghÕ",
  "kÞp", "kü", "kÎng", "khuÊy", "khu©y", "ho¾c", "xo¾n", "kho¸c",
  "uèng", "\u00ADíc", "\u00ADng", "õ", "¬i", "¹", "Êy", "¨n",
  "èc", "Õch", "Ých", "ôp", "o¼n", "oÑ",
};

static const char * const vni_as_latin1[] = {
  "Nguyeãn", "Traàn", "Leâ", "Phaïm", "Hoaøng", "Huyønh", "Vuõ", "Voõ",
  "Ñaëng", "Buøi", "Ñoã", "Ngoâ", "Döông", "Lyù", "Ñinh", "Ñaøo",
  "Trònh", "Löông", "Laâm", "Taï", "Haø", "Quaùch", "Thaùi", "Kieàu",
  "Maïc", "Toân", "Vöông", "Trieäu", "Khoång", "AÂu", "Doaõn", "Löu",
  "Taêng", "Luïc", "Höùa", "Thaân", "Giaùp", "Phuøng", "Baïch", "Ñaøm",
  "Ñoaøn", "Toâ", "OÂng", "Khuùc", "Noâng", "Dieäp", "Maãn", "Khöông",
  "Toáng", "Thaïch", "Vaên", "Höõu", "Ñöùc", "Quyønh", "Ngoïc", "Laïc",
  "Tuyeát", "Khueâ", "Nguyeät", "Höôøng", "Thaéng", "Quyeát", "Xuaân", "Huyeàn",
  "Thoaïi", "Khuyeán", "Ngoaõn", "Baûo", "Caåm", "Chaâu", "Cöôøng", "Duõng",
  "Ñaït", "Ñieäp", "Haûi", "Haïnh", "Haèng", "Hieàn", "Hieáu", "Hoøa",
  "Hoaø", "Huøng", "Höng", "Höông", "Khaùnh", "Kieân", "Lieân", "Loäc",
  "Maïnh", "Myõ", "Nghóa", "Phuùc", "Phöông", "Phöôïng", "Quaân", "Quyù",
  "Sôn", "Taâm", "Taân", "Thaønh", "Thaûo", "Thuùy", "Thuyû", "Tieán",
  "Toaøn", "Tuù", "Tuaán", "Tuøng", "Uyeân", "Vaân", "Vieät", "Xuyeán",
  "Yeán", "AÙnh", "AÂn", "UÙt", "YÙ", "Khaûi", "Khieâm", "Luaän",
  "Thuaän", "Khuyeân", "Quyeàn", "Thuyeát", "Hueä", "Nguyeân", "Dieãm", "Dieäu",
  "Kieät", "Löôïng", "Nhaøn", "Nhaät", "Oaùnh", "Phaùt", "Phöôùc", "Tuyeàn",
  "Vöôïng", "Hieäp", "Ñoâng", "Töôøng", "Yeân", "Ngaân", "Traâm", "Thö",
  "Haân", "Khoâi", "Löïc", "Thònh", "Vyõ", "Haäu", "Syõ", "Troïng",
  "Nhaãn", "Thieän", "Chieán", "Taøi", "Tueä", "Hoaït", "Khoaùi", "coäng",
  "hoøa", "xaõ", "hoäi", "chuû", "nghóa", "vieät", "ñoäc", "laäp",
  "töï", "haïnh", "phuùc", "uûy", "nhaân", "daân", "quyeát", "ñònh",
  "giaáy", "chöùng", "thöïc", "hoä", "khaåu", "thöôøng", "truù", "taïm",
  "vaéng", "caên", "cöôùc", "coâng", "soá", "ngaøy", "thaùng", "naêm",
  "caáp", "ñaêng", "kyù", "keát", "hoân", "töû", "nhaän", "ñôn",
  "ñeà", "nghò", "xaùc", "traïng", "phöôøng", "traán", "huyeän", "tænh",
  "thaønh", "phoá", "öông", "aáp", "thoân", "baûn", "toå", "ñöôøng",
  "quaän", "phoøng", "keâ", "tö", "phaùp", "tòch", "ñòa", "ñoäng",
  "thöông", "giaùo", "duïc", "teá", "quaân", "söï", "phoù", "tröôûng",
  "caùn", "boä", "chöùc", "ngöôøi", "hoï", "teân", "chöõ", "ñoùng",
  "daáu", "luïc", "tieáp", "traû", "quaû", "giaûi", "thuû", "tuïc",
  "haønh", "moät", "cöûa", "lieân", "thoâng", "ñieän", "tröïc", "tuyeán",
  "quyeàn", "giaùm", "meï", "vôï", "oâng", "baø", "chaùu", "giôùi",
  "nöõ", "toäc", "quoác", "khoâng", "nghieäp", "noâng", "höu", "queâ",
  "quaùn", "cö", "hieän", "baùo", "caùo", "vaên", "tôø", "keá",
  "hoaïch", "thö", "luaät", "ñieàu", "khoaûn", "cöù", "xuaát", "göûi",
  "traân", "troïng", "löu", "pheùp", "xaây", "döïng", "ñaát", "ñai",
  "söû", "duïng", "nhaø", "ôû", "taøi", "saûn", "gaén", "lieàn",
  "vôùi", "thöûa", "dieän", "meùt", "vuoâng", "chaáp", "khieáu", "naïi",
  "toá", "bieân", "leä", "mieãn", "giaûm", "höôùng", "daãn", "maãu",
  "boå", "huûy", "boû", "caûi", "ñoåi", "goác", "giöõa", "nghieâng",
  "thuôû", "yù", "gieáng", "khuyûu", "khueách", "huîch", "tuyùp", "röôïu",
  "yeâu", "yeám", "yeång", "sooùc", "Ñaék", "Laék", "quaït", "quaäy",
  "khoeû", "khoûe", "thuûy", "ngoaèn", "ngoeøo", "ngoaïm", "loaét", "choaét",
  "oaùi", "oaêm", "giaët", "giuùp", "gieát", "ngheà", "gheá", "kòp",
  "kyõ", "keûng", "khuaáy", "khuaây", "hoaéc", "xoaén", "khoaùc", "uoáng",
  "öôùc", "öng", "öø", "aï", "aáy", "aên", "eách", "ôùt",
  "uùp", "uïp", "oaún", "oeï",
};

static const char * const cp1258_as_latin1[] = {
  "NguyêÞn", "TrâÌn", "Phaòm", "HuyÌnh", "VuÞ", "VoÞ", "Ðãòng", "ÐôÞ",
  "HôÌ", "Dýõng", "Lyì", "Ðinh", "Ðào", "Triònh", "Lýõng", "Taò",
  "KiêÌu", "Maòc", "Výõng", "Triêòu", "KhôÒng", "DoaÞn", "Lýu", "Tãng",
  "Luòc", "Hýìa", "Baòch", "Ðàm", "Ðoàn", "Diêòp", "MâÞn", "Khýõng",
  "Tôìng", "Thaòch", "Thiò", "HýÞu", "Ðýìc", "QuyÌnh", "Ngoòc", "Laòc",
  "Tuyêìt", "Nguyêòt", "HýõÌng", "Thãìng", "Quyêìt", "HuyêÌn", "Thoaòi", "Khuyêìn",
  "NgoaÞn", "BaÒo", "CâÒm", "CýõÌng", "DuÞng", "Ðaòt", "Ðiêòp", "HaÒi",
  "Haònh", "HãÌng", "HiêÌn", "Hiêìu", "HoÌa", "Hýng", "Hýõng", "Lôòc",
  "Maònh", "MyÞ", "NghiÞa", "Phýõng", "Phýõòng", "Quyì", "Sõn", "ThaÒo",
  "ThuyÒ", "Tiêìn", "Tuâìn", "Viêòt", "Xuyêìn", "Yêìn", "Yì", "KhaÒi",
  "Luâòn", "Thuâòn", "QuyêÌn", "Thuyêìt", "Huêò", "DiêÞm", "Diêòu", "Kiêòt",
  "Lýõòng", "Nhâòt", "Phýõìc", "TuyêÌn", "Výõòng", "Hiêòp", "Ðông", "TýõÌng",
  "Thý", "Lýòc", "Thiònh", "VyÞ", "Hâòu", "SyÞ", "Troòng", "NhâÞn",
  "Thiêòn", "Chiêìn", "Tuêò", "Hoaòt", "côòng", "hoÌa", "xaÞ", "hôòi",
  "chuÒ", "nghiÞa", "viêòt", "ðôòc", "lâòp", "týò", "haònh", "uÒy",
  "quyêìt", "ðiònh", "giâìy", "chýìng", "thýòc", "hôò", "khâÒu", "thýõÌng",
  "taòm", "vãìng", "cãn", "cýõìc", "sôì", "nãm", "câìp", "nõi",
  "ðãng", "kyì", "kêìt", "týÒ", "nhâòn", "ðõn", "ðêÌ", "nghiò",
  "tiÌnh", "traòng", "phýõÌng", "thiò", "trâìn", "huyêòn", "tiÒnh", "phôì",
  "ýõng", "âìp", "baÒn", "tôÒ", "ðýõÌng", "quâòn", "phoÌng", "thôìng",
  "tiòch", "ðiòa", "ðôòng", "thýõng", "duòc", "têì", "sýò", "trýõÒng",
  "bôò", "chýìc", "ngýõÌi", "hoò", "chýÞ", "ðóng", "dâìu", "luòc",
  "hôÌ", "sõ", "tiêìp", "traÒ", "quaÒ", "giaÒi", "thuÒ", "tuòc",
  "môòt", "cýÒa", "ðiêòn", "trýòc", "tuyêìn", "quyêÌn", "meò", "võò",
  "chôÌng", "chiò", "giõìi", "nýÞ", "tôòc", "quôìc", "nghiêòp", "hýu",
  "cý", "hiêòn", "tõÌ", "triÌnh", "kêì", "hoaòch", "thý", "luâòt",
  "ðiêÌu", "khoaÒn", "cýì", "xuâìt", "gýÒi", "troòng", "lýu", "dýòng",
  "ðâìt", "ðai", "sýÒ", "duòng", "õÒ", "saÒn", "gãìn", "liêÌn",
  "võìi", "thýÒa", "diêòn", "châìp", "khiêìu", "naòi", "tôì", "lêò",
  "miêÞn", "giaÒm", "hýõìng", "dâÞn", "mâÞu", "bôÒ", "huÒy", "boÒ",
  "caÒi", "ðôÒi", "gôìc", "giÌ", "giýÞa", "thuõÒ", "yì", "giêìng",
  "giÌn", "khuyÒu", "khuêìch", "huyòch", "tuyìp", "rýõòu", "yêìm", "yêÒng",
  "Ðãìk", "Lãìk", "quaòt", "quâòy", "khoeÒ", "khoÒe", "thuÒy", "ngoãÌn",
  "ngoaòm", "loãìt", "choãìt", "oãm", "giãòt", "giêìt", "nghêÌ", "nghiÌn",
  "ghêì", "kiòp", "kyÞ", "keÒng", "khuâìy", "hoãìc", "xoãìn", "uôìng",
  "ýõìc", "ýng", "ýÌ", "õi", "aò", "âìy", "ãn", "ôìc",
  "êìch", "õìt", "uòp", "oãÒn", "oeò",
};

static void
assert_valid (const char *word)
{
  if (!xaso_syllable_is_vietnamese (word, -1))
    g_error ("“%s” should be a Vietnamese syllable", word);
}

static void
assert_invalid (const char *word)
{
  if (xaso_syllable_is_vietnamese (word, -1))
    g_error ("“%s” should not be a Vietnamese syllable", word);
}

/* Each word must be valid as written (NFC), decomposed (NFD) and in capitals. */
static void
assert_all_valid_in_every_form (const char * const *words,
                                gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      g_autofree char *nfd = g_utf8_normalize (words[i], -1, G_NORMALIZE_NFD);
      g_autofree char *upper = g_utf8_strup (words[i], -1);
      g_autofree char *upper_nfd = g_utf8_normalize (upper, -1, G_NORMALIZE_NFD);

      assert_valid (words[i]);
      assert_valid (nfd);
      assert_valid (upper);
      assert_valid (upper_nfd);
    }
}

static void
test_valid_names (void)
{
  assert_all_valid_in_every_form (surnames, G_N_ELEMENTS (surnames));
  assert_all_valid_in_every_form (given_names, G_N_ELEMENTS (given_names));
}

static void
test_valid_administrative_words (void)
{
  assert_all_valid_in_every_form (administrative_words, G_N_ELEMENTS (administrative_words));
}

static void
test_valid_everyday_words (void)
{
  assert_all_valid_in_every_form (everyday_words, G_N_ELEMENTS (everyday_words));
  g_assert_cmpuint (G_N_ELEMENTS (surnames) + G_N_ELEMENTS (given_names) +
                    G_N_ELEMENTS (administrative_words) + G_N_ELEMENTS (everyday_words),
                    >=, 300);
}

static void
test_tone_placement_free (void)
{
  const char * const pairs[] = {
    "hoà", "hòa", "khoẻ", "khỏe", "thuỷ", "thủy", "thuý", "thúy",
    "loà", "lòa", "hoè", "hòe", "quý", "qúy",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    assert_valid (pairs[i]);
}

static void
test_gi_and_qu (void)
{
  /* gi is an onset before a vowel, but g + i on its own. */
  assert_valid ("gì");
  assert_valid ("gi");
  assert_valid ("gìn");
  assert_valid ("giữa");
  assert_valid ("giếng");
  assert_valid ("giặt");
  /* qu is an onset, and q stands only before the glide u. */
  assert_valid ("quốc");
  assert_valid ("quỳnh");
  assert_valid ("quyết");
  assert_valid ("quả");
  assert_invalid ("qa");
  assert_invalid ("quo");
  assert_invalid ("quư");
  assert_invalid ("q");
}

static void
test_spelling_rules (void)
{
  /* c is never written before e, ê, i or y; TCVN3 "Céng" is "Cộng". */
  assert_invalid ("Céng");
  assert_invalid ("ci");
  assert_valid ("kẻng");
  /* k before a, o or u is kept for names such as Kon Tum. */
  assert_valid ("Kon");
  /* gh and ngh only before e, ê and i. */
  assert_invalid ("gha");
  assert_invalid ("nghơ");
  assert_valid ("ghế");
  assert_valid ("nghiêng");
  /* A rhyme needs a vowel, and only the codas its nucleus takes. */
  assert_invalid ("ng");
  assert_invalid ("ă");
  assert_invalid ("ơc");
  assert_invalid ("nguyôn");
  assert_invalid ("iung");
}

static void
test_two_tones_invalid (void)
{
  assert_invalid ("àá");
  assert_invalid ("hoàá");
  /* A second tone as a combining mark after a precomposed one. */
  assert_invalid ("Nguyễ\xcc\x81n");
  assert_invalid ("a\xcc\x80\xcc\x81");
}

static void
test_checked_syllables (void)
{
  /* Syllables closed by c, ch, p or t take only the acute or dot below. */
  assert_valid ("Bách");
  assert_valid ("Đạt");
  assert_valid ("tiếp");
  assert_valid ("Đắk");
  assert_invalid ("bàch");
  assert_invalid ("đảt");
  assert_invalid ("tiễp");
  assert_invalid ("viet");
}

static void
test_tone_not_on_glide (void)
{
  assert_valid ("xão");
  assert_invalid ("xaõ");
  assert_valid ("cáu");
  assert_invalid ("caú");
  assert_valid ("người");
  assert_invalid ("ngươì");
  assert_valid ("khuya");
}

static void
test_foreign_letters_and_symbols (void)
{
  const char * const words[] = {
    "", "fa", "jo", "win", "zô", "café", "Müller", "Ñam", "V¨n", "x·",
    "a1", "2", "an-h", "a'", "naïve", "Straße", "Æ", "ΑΒΓ", "阮",
    "ḿ", "ǹ", "ña", "Ðức",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    assert_invalid (words[i]);
}

static void
test_letter_case (void)
{
  assert_valid ("Nguyễn");
  assert_valid ("NGUYỄN");
  assert_valid ("nguyễn");
  assert_valid ("Ủy");
  /* TCVN3 read as Latin-1 puts capitals inside words. */
  assert_invalid ("trÊn");
  assert_invalid ("MÉn");
  assert_invalid ("nGUYỄN");
  assert_invalid ("NguyỄn");
}

static void
test_nfd_and_windows_1258 (void)
{
  /* Windows-1258 writes "Nguyễn" as ê plus a combining tilde: once decoded
   * properly that is Vietnamese, but its bytes read as Latin-1 are not.
   */
  assert_valid ("Nguy\xc3\xaa\xcc\x83n");
  assert_valid ("Nguye\xcc\x82\xcc\x83n");
  assert_valid ("vie\xcc\xa3\xcc\x82t");
  assert_invalid ("NguyêÞn");
  assert_invalid ("Viêòt");
  /* A shape mark with nothing to shape. */
  assert_invalid ("\xcc\x82" "a");
  assert_invalid ("n\xcc\x82");
}

static void
test_length_argument (void)
{
  const char *word = "Đứcx";

  g_assert_false (xaso_syllable_is_vietnamese (word, -1));
  g_assert_true (xaso_syllable_is_vietnamese (word, strlen (word) - 1));
  g_assert_true (xaso_syllable_is_vietnamese ("ba\0x", 2));
  g_assert_false (xaso_syllable_is_vietnamese ("ba\0x", 4));
  g_assert_false (xaso_syllable_is_vietnamese ("", 0));
  g_assert_false (xaso_syllable_is_vietnamese (NULL, 0));
}

static void
test_invalid_utf8 (void)
{
  assert_invalid ("Nguy\xff");
  assert_invalid ("Nguy\xe1\xbb");
  assert_invalid ("\xc3");
  g_assert_false (xaso_syllable_is_vietnamese ("Nguyễn", 5));
}

static void
assert_mostly_rejected (const char         *encoding,
                        const char * const *forms,
                        gsize               n_forms)
{
  g_autoptr(GString) accepted = g_string_new (NULL);
  guint n_accepted = 0;

  for (gsize i = 0; i < n_forms; i++)
    {
      if (xaso_syllable_is_vietnamese (forms[i], -1))
        {
          g_string_append_printf (accepted, " %s", forms[i]);
          n_accepted++;
        }
    }
  g_test_message ("%s as Latin-1: %u of %" G_GSIZE_FORMAT " forms accepted:%s",
                  encoding, n_accepted, n_forms, accepted->str);
  g_assert_cmpfloat ((double) n_accepted / n_forms, <=, 0.05);
}

static void
test_mojibake_tcvn3 (void)
{
  const char * const examples[] = {
    "NguyÔn", "V¨n", "Céng", "hßa", "x·", "ViÖt", "chñ", "nghÜa",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    assert_invalid (examples[i]);
  assert_mostly_rejected ("TCVN3", tcvn3_as_latin1, G_N_ELEMENTS (tcvn3_as_latin1));
}

static void
test_mojibake_vni (void)
{
  const char * const examples[] = {
    "Nguyeãn", "Vaên", "Coäng", "hoøa", "xaõ", "Vieät",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
    assert_invalid (examples[i]);
  assert_mostly_rejected ("VNI", vni_as_latin1, G_N_ELEMENTS (vni_as_latin1));
}

static void
test_mojibake_windows_1258 (void)
{
  assert_mostly_rejected ("Windows-1258", cp1258_as_latin1, G_N_ELEMENTS (cp1258_as_latin1));
}

static void
assert_counts (const char *text,
               gssize      len,
               guint       expected_vietnamese,
               guint       expected_foreign)
{
  guint n_vietnamese = 99;
  guint n_foreign = 99;

  xaso_syllable_count_words (text, len, &n_vietnamese, &n_foreign);
  g_assert_cmpuint (n_vietnamese, ==, expected_vietnamese);
  g_assert_cmpuint (n_foreign, ==, expected_foreign);
}

static void
test_count_words (void)
{
  const char *text = "Ủy ban nhân dân xã Tân Lập — NguyÔn Văn A, café 123; hoøa";
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  guint n = 0;

  /* Pure-ASCII words (ban, A) and numbers are not counted. */
  assert_counts (text, -1, 7, 3);
  assert_counts (nfd, -1, 7, 3);
  /* The first 6 bytes hold "Ủy" and "b": one word. */
  assert_counts (text, 6, 1, 0);
  assert_counts ("", -1, 0, 0);
  assert_counts ("Hello, world 2024", -1, 0, 0);
  /* Invalid bytes separate words. */
  assert_counts ("Lập\xffNguyễn", -1, 2, 0);

  xaso_syllable_count_words (text, -1, &n, NULL);
  g_assert_cmpuint (n, ==, 7);
  xaso_syllable_count_words (text, -1, NULL, &n);
  g_assert_cmpuint (n, ==, 3);
  xaso_syllable_count_words (text, -1, NULL, NULL);
}

static const char * const * const word_lists[] = {
  surnames, given_names, administrative_words, everyday_words,
};
static const gsize word_list_sizes[] = {
  G_N_ELEMENTS (surnames), G_N_ELEMENTS (given_names),
  G_N_ELEMENTS (administrative_words), G_N_ELEMENTS (everyday_words),
};

#define SPEED_ROUNDS 200

static void
report_speed (const char *what,
              guint       n_words,
              gint64      start)
{
  double seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("%s: %u words in %.4f s, %.1f million words/s",
                  what, n_words, seconds, n_words / MAX (seconds, 1e-9) / 1e6);
}

/* Only figures for the log: the speed depends on the machine and on
 * sanitizers, so it is not asserted.
 */
static void
test_speed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_words = 0;
  guint n_valid = 0;
  gint64 start;

  for (guint round = 0; round < SPEED_ROUNDS; round++)
    for (gsize l = 0; l < G_N_ELEMENTS (word_lists); l++)
      for (gsize i = 0; i < word_list_sizes[l]; i++)
        {
          g_string_append (text, word_lists[l][i]);
          g_string_append_c (text, ' ');
          n_words++;
        }

  start = g_get_monotonic_time ();
  for (guint round = 0; round < SPEED_ROUNDS; round++)
    for (gsize l = 0; l < G_N_ELEMENTS (word_lists); l++)
      for (gsize i = 0; i < word_list_sizes[l]; i++)
        n_valid += xaso_syllable_is_vietnamese (word_lists[l][i], -1);
  report_speed ("is_vietnamese", n_words, start);
  g_assert_cmpuint (n_valid, ==, n_words);

  start = g_get_monotonic_time ();
  xaso_syllable_count_words (text->str, text->len, NULL, NULL);
  report_speed ("count_words", n_words, start);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/syllable/valid-names", test_valid_names);
  g_test_add_func ("/text/syllable/valid-administrative-words", test_valid_administrative_words);
  g_test_add_func ("/text/syllable/valid-everyday-words", test_valid_everyday_words);
  g_test_add_func ("/text/syllable/tone-placement-free", test_tone_placement_free);
  g_test_add_func ("/text/syllable/gi-and-qu", test_gi_and_qu);
  g_test_add_func ("/text/syllable/spelling-rules", test_spelling_rules);
  g_test_add_func ("/text/syllable/two-tones-invalid", test_two_tones_invalid);
  g_test_add_func ("/text/syllable/checked-syllables", test_checked_syllables);
  g_test_add_func ("/text/syllable/tone-not-on-glide", test_tone_not_on_glide);
  g_test_add_func ("/text/syllable/foreign-letters-and-symbols", test_foreign_letters_and_symbols);
  g_test_add_func ("/text/syllable/letter-case", test_letter_case);
  g_test_add_func ("/text/syllable/nfd-and-windows-1258", test_nfd_and_windows_1258);
  g_test_add_func ("/text/syllable/length-argument", test_length_argument);
  g_test_add_func ("/text/syllable/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/syllable/mojibake-tcvn3", test_mojibake_tcvn3);
  g_test_add_func ("/text/syllable/mojibake-vni", test_mojibake_vni);
  g_test_add_func ("/text/syllable/mojibake-windows-1258", test_mojibake_windows_1258);
  g_test_add_func ("/text/syllable/count-words", test_count_words);
  g_test_add_func ("/text/syllable/speed", test_speed);

  return g_test_run ();
}
