/**
 * Countries and regions of ISO 3166-1 (alpha-3, alpha-2, numeric) with their Chinese names (CLDR zh-Hans;
 * Hong Kong, Macao and Taiwan named as 中国香港, 中国澳门, 中国台湾), in pinyin order for pickers. Passports
 * name the holder's nationality by these codes, and the 外国人永久居留身份证 carries it in its number.
 */

export interface Country {
  /** ISO 3166-1 alpha-3, as passports print it: the form stored on a case. */
  readonly alpha3: string;
  readonly alpha2: string;
  /** ISO 3166-1 numeric, three digits (used by the 2023 外国人永久居留身份证). */
  readonly numeric: string;
  readonly name: string;
}

const TABLE = `
ALB AL 008 阿尔巴尼亚
DZA DZ 012 阿尔及利亚
AFG AF 004 阿富汗
ARG AR 032 阿根廷
ARE AE 784 阿拉伯联合酋长国
ABW AW 533 阿鲁巴
OMN OM 512 阿曼
AZE AZ 031 阿塞拜疆
EGY EG 818 埃及
ETH ET 231 埃塞俄比亚
IRL IE 372 爱尔兰
EST EE 233 爱沙尼亚
AND AD 020 安道尔
AGO AO 024 安哥拉
AIA AI 660 安圭拉
ATG AG 028 安提瓜和巴布达
AUT AT 040 奥地利
ALA AX 248 奥兰群岛
AUS AU 036 澳大利亚
BRB BB 052 巴巴多斯
PNG PG 598 巴布亚新几内亚
BHS BS 044 巴哈马
PAK PK 586 巴基斯坦
PRY PY 600 巴拉圭
PSE PS 275 巴勒斯坦领土
BHR BH 048 巴林
PAN PA 591 巴拿马
BRA BR 076 巴西
BLR BY 112 白俄罗斯
BMU BM 060 百慕大
BGR BG 100 保加利亚
MNP MP 580 北马里亚纳群岛
MKD MK 807 北马其顿
BEN BJ 204 贝宁
BEL BE 056 比利时
ISL IS 352 冰岛
PRI PR 630 波多黎各
POL PL 616 波兰
BIH BA 070 波斯尼亚和黑塞哥维那
BOL BO 068 玻利维亚
BLZ BZ 084 伯利兹
BWA BW 072 博茨瓦纳
BTN BT 064 不丹
BFA BF 854 布基纳法索
BDI BI 108 布隆迪
BVT BV 074 布韦岛
PRK KP 408 朝鲜
GNQ GQ 226 赤道几内亚
DNK DK 208 丹麦
DEU DE 276 德国
TLS TL 626 东帝汶
TGO TG 768 多哥
DOM DO 214 多米尼加共和国
DMA DM 212 多米尼克
RUS RU 643 俄罗斯
ECU EC 218 厄瓜多尔
ERI ER 232 厄立特里亚
FRA FR 250 法国
FRO FO 234 法罗群岛
PYF PF 258 法属波利尼西亚
GUF GF 254 法属圭亚那
ATF TF 260 法属南部领地
MAF MF 663 法属圣马丁
VAT VA 336 梵蒂冈
PHL PH 608 菲律宾
FJI FJ 242 斐济
FIN FI 246 芬兰
CPV CV 132 佛得角
FLK FK 238 福克兰群岛
GMB GM 270 冈比亚
COG CG 178 刚果（布）
COD CD 180 刚果（金）
COL CO 170 哥伦比亚
CRI CR 188 哥斯达黎加
GRD GD 308 格林纳达
GRL GL 304 格陵兰
GEO GE 268 格鲁吉亚
GGY GG 831 根西岛
CUB CU 192 古巴
GLP GP 312 瓜德罗普
GUM GU 316 关岛
GUY GY 328 圭亚那
KAZ KZ 398 哈萨克斯坦
HTI HT 332 海地
KOR KR 410 韩国
NLD NL 528 荷兰
BES BQ 535 荷属加勒比区
SXM SX 534 荷属圣马丁
HMD HM 334 赫德岛和麦克唐纳群岛
MNE ME 499 黑山
HND HN 340 洪都拉斯
KIR KI 296 基里巴斯
DJI DJ 262 吉布提
KGZ KG 417 吉尔吉斯斯坦
GIN GN 324 几内亚
GNB GW 624 几内亚比绍
CAN CA 124 加拿大
GHA GH 288 加纳
GAB GA 266 加蓬
KHM KH 116 柬埔寨
CZE CZ 203 捷克
ZWE ZW 716 津巴布韦
CMR CM 120 喀麦隆
QAT QA 634 卡塔尔
CYM KY 136 开曼群岛
CCK CC 166 科科斯（基林）群岛
COM KM 174 科摩罗
CIV CI 384 科特迪瓦
KWT KW 414 科威特
HRV HR 191 克罗地亚
KEN KE 404 肯尼亚
COK CK 184 库克群岛
CUW CW 531 库拉索
LVA LV 428 拉脱维亚
LSO LS 426 莱索托
LAO LA 418 老挝
LBN LB 422 黎巴嫩
LTU LT 440 立陶宛
LBR LR 430 利比里亚
LBY LY 434 利比亚
LIE LI 438 列支敦士登
REU RE 638 留尼汪
LUX LU 442 卢森堡
RWA RW 646 卢旺达
ROU RO 642 罗马尼亚
MDG MG 450 马达加斯加
IMN IM 833 马恩岛
MDV MV 462 马尔代夫
MLT MT 470 马耳他
MWI MW 454 马拉维
MYS MY 458 马来西亚
MLI ML 466 马里
MHL MH 584 马绍尔群岛
MTQ MQ 474 马提尼克
MYT YT 175 马约特
MUS MU 480 毛里求斯
MRT MR 478 毛里塔尼亚
USA US 840 美国
UMI UM 581 美国本土外小岛屿
ASM AS 016 美属萨摩亚
VIR VI 850 美属维尔京群岛
MNG MN 496 蒙古
MSR MS 500 蒙特塞拉特
BGD BD 050 孟加拉国
PER PE 604 秘鲁
FSM FM 583 密克罗尼西亚
MMR MM 104 缅甸
MDA MD 498 摩尔多瓦
MAR MA 504 摩洛哥
MCO MC 492 摩纳哥
MOZ MZ 508 莫桑比克
MEX MX 484 墨西哥
NAM NA 516 纳米比亚
ZAF ZA 710 南非
ATA AQ 010 南极洲
SGS GS 239 南乔治亚和南桑威奇群岛
SSD SS 728 南苏丹
NRU NR 520 瑙鲁
NIC NI 558 尼加拉瓜
NPL NP 524 尼泊尔
NER NE 562 尼日尔
NGA NG 566 尼日利亚
NIU NU 570 纽埃
NOR NO 578 挪威
NFK NF 574 诺福克岛
PLW PW 585 帕劳
PCN PN 612 皮特凯恩群岛
PRT PT 620 葡萄牙
JPN JP 392 日本
SWE SE 752 瑞典
CHE CH 756 瑞士
SLV SV 222 萨尔瓦多
WSM WS 882 萨摩亚
SRB RS 688 塞尔维亚
SLE SL 694 塞拉利昂
SEN SN 686 塞内加尔
CYP CY 196 塞浦路斯
SYC SC 690 塞舌尔
SAU SA 682 沙特阿拉伯
BLM BL 652 圣巴泰勒米
CXR CX 162 圣诞岛
STP ST 678 圣多美和普林西比
SHN SH 654 圣赫勒拿
KNA KN 659 圣基茨和尼维斯
LCA LC 662 圣卢西亚
SMR SM 674 圣马力诺
SPM PM 666 圣皮埃尔和密克隆群岛
VCT VC 670 圣文森特和格林纳丁斯
LKA LK 144 斯里兰卡
SVK SK 703 斯洛伐克
SVN SI 705 斯洛文尼亚
SJM SJ 744 斯瓦尔巴和扬马延
SWZ SZ 748 斯威士兰
SDN SD 729 苏丹
SUR SR 740 苏里南
SLB SB 090 所罗门群岛
SOM SO 706 索马里
TJK TJ 762 塔吉克斯坦
THA TH 764 泰国
TZA TZ 834 坦桑尼亚
TON TO 776 汤加
TCA TC 796 特克斯和凯科斯群岛
TTO TT 780 特立尼达和多巴哥
TUN TN 788 突尼斯
TUV TV 798 图瓦卢
TUR TR 792 土耳其
TKM TM 795 土库曼斯坦
TKL TK 772 托克劳
WLF WF 876 瓦利斯和富图纳
VUT VU 548 瓦努阿图
GTM GT 320 危地马拉
VEN VE 862 委内瑞拉
BRN BN 096 文莱
UGA UG 800 乌干达
UKR UA 804 乌克兰
URY UY 858 乌拉圭
UZB UZ 860 乌兹别克斯坦
ESP ES 724 西班牙
ESH EH 732 西撒哈拉
GRC GR 300 希腊
SGP SG 702 新加坡
NCL NC 540 新喀里多尼亚
NZL NZ 554 新西兰
HUN HU 348 匈牙利
SYR SY 760 叙利亚
JAM JM 388 牙买加
ARM AM 051 亚美尼亚
YEM YE 887 也门
IRQ IQ 368 伊拉克
IRN IR 364 伊朗
ISR IL 376 以色列
ITA IT 380 意大利
IND IN 356 印度
IDN ID 360 印度尼西亚
GBR GB 826 英国
VGB VG 092 英属维尔京群岛
IOT IO 086 英属印度洋领地
JOR JO 400 约旦
VNM VN 704 越南
ZMB ZM 894 赞比亚
JEY JE 832 泽西岛
TCD TD 148 乍得
GIB GI 292 直布罗陀
CHL CL 152 智利
CAF CF 140 中非共和国
CHN CN 156 中国
MAC MO 446 中国澳门
TWN TW 158 中国台湾
HKG HK 344 中国香港
`;

export const countries: readonly Country[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [alpha3 = '', alpha2 = '', numeric = '', name = ''] = line.split(' ');
    return { alpha3, alpha2, numeric, name };
  });

const byCode = new Map<string, Country>(countries.flatMap((country) => [[country.alpha3, country] as const, [country.alpha2, country] as const]));
const byNumeric = new Map<string, Country>(countries.map((country) => [country.numeric, country]));

/** The country of an alpha-3 or alpha-2 code, in any case; undefined for a code ISO 3166-1 does not have. */
export function countryByCode(code: string): Country | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** The country of a three-digit ISO 3166-1 numeric code. */
export function countryByNumeric(numeric: string): Country | undefined {
  return byNumeric.get(numeric);
}
