#!/usr/bin/env python3
"""Generate the bundled scenarios park/, district/ and city/ (YAML plus CSV tables).

    python scenarios/generate.py          # rewrites scenarios/{park,district,city}/

Deterministic: every scenario has its own fixed seed, nothing iterates over a set or a dict
built from random input, so two runs write byte-identical files. Only the standard library
and PyYAML are used. scenarios/tiny/ is hand-written and not touched here.

All organisations, people and places are invented, but shaped like the Wuhan-Hanyang and
Nanjing-Gulou cases in the domain notes: names read like real Chinese enterprises (武汉xx科技
有限公司), communities (xx社区), villages (xx村) and district organs (汉阳区xx局).
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
    "万严覃戴向汤涂喻柯童舒聂"
)
# The first 20 surnames cover about half of China; weight them so.
SURNAME_WEIGHTS = [6 if i < 10 else 3 if i < 20 else 1 for i in range(len(SURNAMES))]
# Given names common among people now 30 to 60 years old: a secretary, a director, a cadre.
GIVEN = (
    "建国 建华 建军 建平 建新 国强 国华 国平 志强 志明 志刚 志勇 志华 海涛 海波 海燕 晓东 晓明 "
    "晓燕 晓红 晓峰 晓玲 卫东 卫国 卫华 立新 立军 立平 永红 永强 永刚 红梅 红霞 红英 红艳 丽华 "
    "丽娟 丽萍 丽君 秀英 秀兰 桂兰 桂芳 玉兰 玉梅 春燕 春梅 春华 雪梅 雪峰 文杰 文华 文斌 文军 "
    "明华 明辉 德明 德华 振华 振宇 光明 光辉 金华 爱民 爱华 小平 小军 学军 学文 俊杰 俊峰 宏伟 "
    "宏亮 红兵 新华 新民 庆华 庆丰 家明 家华 惠敏 慧敏 慧琳 静怡 婷婷 佳怡 思敏 雅琴 玉洁 凤英 "
    "翠萍 美玲 淑华 素芬 亚平 亚东 少华 胜利 伟 强 勇 军 磊 斌 涛 辉 鹏 杰 峰 刚 波 超 亮 浩 "
    "芳 敏 静 丽 娟 燕 霞 艳 洁 琳 颖 萍 玲 蕾 娜 倩 楠 丹 琴 莉"
).split()
BRANDS = (
    "恒达 鑫源 华联 博远 楚天 江城 睿科 金桥 众诚 瑞丰 宏图 腾飞 盛世 信达 天成 安泰 中禾 立信 "
    "汇通 佳美 长盛 荣昌 东升 新元 光华 嘉和 润泽 万通 海纳 德宝 凯瑞 聚力 晨光 远航 正通 联创 "
    "银河 锦程 和信 泰和 卓越 兴业 汉欣 云帆 明辉 富康 永信 华纳 精诚 同创 优品 百川 久安 恒信 "
    "朗润 鼎盛 华泰 康达 美佳 裕丰 金鹰 中汇 祥云 宏利 瑞达 华宇 天源 捷顺 拓普 思源 方圆 九州 "
    "晶华 华辰 宇通 新泰 众合 春晖 博雅 凌云 蓝天 绿源 盛达 鸿运 启航 宏达 益民 安康 和泰 金诺 "
    "元亨 乐福 科瑞 信诚 弘毅 致远 泓源 澜海 鼎立 华康 楚韵 鹏程 亿联 恒昌 中诚 昌盛 美华 佳联 "
    "德信 新锐 汉通 三友 四海 五洲 汇智 博通 格林 奥新 普瑞 华信 荆楚 汉鼎 长岳 江达 龟山 月湖"
).split()

# (suffix, smallest and largest party membership) for the trades of an urban industrial park.
TRADES = [
    ("汽车零部件有限公司", 8, 60),
    ("精密机械有限公司", 5, 40),
    ("包装印务有限公司", 4, 25),
    ("食品有限公司", 5, 45),
    ("医疗器械有限公司", 6, 35),
    ("电子科技有限公司", 5, 40),
    ("物流有限公司", 4, 30),
    ("新材料科技有限公司", 5, 35),
    ("智能装备有限公司", 6, 45),
    ("环保科技有限公司", 3, 20),
    ("服饰有限公司", 3, 18),
    ("建材有限公司", 4, 25),
    ("生物科技有限公司", 5, 30),
    ("软件技术有限公司", 4, 30),
    ("机电设备有限公司", 4, 28),
    ("光电科技有限公司", 5, 40),
]
CITY_TRADES = [
    ("建设工程有限公司", 8, 60),
    ("置业有限公司", 6, 30),
    ("商贸有限公司", 3, 15),
    ("信息技术有限公司", 4, 30),
    ("文化传媒有限公司", 3, 15),
    ("餐饮管理有限公司", 3, 12),
    ("医药有限公司", 5, 35),
    ("供应链管理有限公司", 4, 25),
]

# Hanyang's streets, with a rough centre (lat, lon) of each.
STREETS = [
    ("jianqiao", "建桥街道", 30.5605, 114.2620),
    ("yingwu", "鹦鹉街道", 30.5480, 114.2625),
    ("zhoutou", "洲头街道", 30.5350, 114.2690),
    ("qingchuan", "晴川街道", 30.5570, 114.2750),
    ("wulidun", "五里墩街道", 30.5655, 114.2410),
    ("qinduankou", "琴断口街道", 30.5630, 114.2150),
    ("erqiao", "江汉二桥街道", 30.5750, 114.2515),
    ("yongfeng", "永丰街道", 30.5460, 114.1900),
    ("sixin", "四新街道", 30.5060, 114.2360),
    ("longyang", "龙阳街道", 30.5455, 114.2255),
]

COMMUNITY_NAMES = (
    "月湖 琴台 归元 晴川 显正 西大 腰路堤 五里新村 拦江堤 杨泗港 知音 汉桥 翠微 钟家村 古琴 梅子山 "
    "墨水湖 龙阳湖 芳草 七里庙 十里铺 马沧湖 郭茨口 玫瑰街 黄金口 汉江湾 锦绣长江 四新 江城明珠 "
    "王家湾 鹦鹉洲 洲头 江欣苑 建港 汉阳古城 莲花湖 赫山 国博 新港长城 永丰 太子湖 龟北 石榴红 "
    "晴川阁 凤凰 米粮山 升官渡 南岸嘴 徐家湾 二桥 仙山 陶家岭 琴断口 江堤 百灵 汉阳铁厂 平塘 江汉湾"
).split()

VILLAGE_NAMES = (
    "桥头 金龙 新集 莲花 杨庄 大埠 柏林 洪北 三屋 石山 龙泉 桐湖 万家 高潮 幸福 群英 新建 东升 "
    "太平 白湖 长岭 万山 李湾 张家湾 刘家台 陈家 黄林 松林 花园 沙湖 崇仁 同心 和平 红光 先锋 "
    "胜利 凤凰 白云 青山 鲁湖 燎原 建新 永红 联合 合心 团结 星光 五一 民主 新农"
).split()

# (town, district, lat, lon) of the rural towns the twinning pairs reach.
TOWNS = [
    ("索河街", "蔡甸区", 30.600, 113.930),
    ("大集街", "蔡甸区", 30.500, 114.000),
    ("侏儒山街", "蔡甸区", 30.450, 113.950),
    ("消泗乡", "蔡甸区", 30.380, 113.830),
    ("永安街", "蔡甸区", 30.520, 113.860),
    ("玉贤街", "蔡甸区", 30.670, 113.950),
    ("张湾街", "蔡甸区", 30.420, 113.980),
    ("法泗街", "江夏区", 30.240, 114.130),
    ("安山街", "江夏区", 30.220, 114.260),
    ("山坡街", "江夏区", 30.160, 114.340),
]

# District organs (区直机关), the helper side of the city programme.
ORGANS = [
    "汉阳区委办公室", "汉阳区人民政府办公室", "汉阳区委组织部", "汉阳区委宣传部",
    "汉阳区委统战部", "汉阳区委政法委员会", "汉阳区委社会工作部", "汉阳区发展和改革局",
    "汉阳区教育局", "汉阳区科技和经济信息化局", "汉阳区民政局", "汉阳区司法局", "汉阳区财政局",
    "汉阳区人力资源和社会保障局", "汉阳区住房和城市更新局", "汉阳区城市管理执法局",
    "汉阳区交通运输局", "汉阳区水务和湖泊局", "汉阳区农业农村局", "汉阳区商务局",
    "汉阳区文化和旅游局", "汉阳区卫生健康局", "汉阳区退役军人事务局", "汉阳区应急管理局",
    "汉阳区审计局", "汉阳区市场监督管理局", "汉阳区统计局", "汉阳区医疗保障局", "汉阳区信访局",
    "汉阳区园林和林业局", "汉阳区投资促进局", "汉阳区政务服务和大数据管理局",
    "汉阳区国有资产监督管理局", "汉阳区机关事务服务中心", "汉阳区总工会", "共青团汉阳区委员会",
    "汉阳区妇女联合会", "汉阳区科学技术协会", "汉阳区工商业联合会", "汉阳区残疾人联合会",
    "汉阳区人民法院", "汉阳区人民检察院", "国家税务总局武汉市汉阳区税务局",
    "武汉市自然资源和城乡建设局汉阳分局", "武汉市生态环境局汉阳分局", "武汉市公安局汉阳区分局",
    "汉阳区消防救援大队", "汉阳区委党校", "汉阳区融媒体中心", "汉阳区档案馆",
]


def short_organ(name: str) -> str:
    """How a pair list names an organ: 汉阳区发展和改革局 -> 区发展和改革局."""
    special = {
        "共青团汉阳区委员会": "团区委",
        "国家税务总局武汉市汉阳区税务局": "区税务局",
        "武汉市自然资源和城乡建设局汉阳分局": "市自然资源和城乡建设局汉阳分局",
        "武汉市生态环境局汉阳分局": "市生态环境局汉阳分局",
        "武汉市公安局汉阳区分局": "汉阳公安分局",
    }
    if name in special:
        return special[name]
    return "区" + name[3:] if name.startswith("汉阳区") else name


def title(organ: str, deputy: bool, k: int) -> str:
    """The post of a 处级 official in an organ: the head, or one of the deputies."""
    table = [
        ("法院", "院长", ["副院长"]),
        ("检察院", "检察长", ["副检察长"]),
        ("党校", "常务副校长", ["副校长"]),
        ("大队", "大队长", ["政治教导员"]),
        ("共青团", "书记", ["副书记"]),
        ("政法委员会", "常务副书记", ["副书记"]),
        ("部", "常务副部长", ["副部长"]),
        ("办公室", "主任", ["副主任"]),
        ("会", "常务副主席", ["副主席"]),
        ("中心", "主任", ["副主任"]),
        ("馆", "馆长", ["副馆长"]),
        ("局", "党组书记、局长", ["副局长", "党组成员、副局长", "一级调研员"]),
    ]
    for key, head, deputies in table:
        if key in organ[-6:] or organ.startswith(key):
            return deputies[k % len(deputies)] if deputy else head
    return "副主任" if deputy else "主任"


SCHOOL_PLACES = (
    "琴台 月湖 晴川 鹦鹉 建港 归元 钟家村 五里墩 二桥 龙阳 四新 知音 墨水湖 江堤 玫瑰园"
).split()
HOSPITALS = ["武汉市汉阳医院", "汉阳区妇幼保健院", "汉阳区中医医院", "汉阳区疾病预防控制中心"]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


class Names:
    """Unique Chinese names for people and enterprises, drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: set[str] = set()  # membership only, never iterated
        self.firms: set[str] = set()

    def person(self) -> str:
        while True:
            surname = self.rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
            name = surname + self.rng.choice(GIVEN)
            if name not in self.people:
                self.people.add(name)
                return name

    def firm(self, trades: list[tuple[str, int, int]]) -> tuple[str, int, int]:
        """A unique enterprise name (one brand per scenario) plus its trade's member range."""
        while True:
            brand = self.rng.choice(BRANDS)
            suffix, low, high = self.rng.choice(trades)
            prefix = "湖北" if self.rng.random() < 0.15 else "武汉"
            if brand not in self.firms:
                self.firms.add(brand)
                return prefix + brand + suffix, low, high


def near(rng: random.Random, lat: float, lon: float, spread: float) -> tuple[str, str]:
    """A point within `spread` degrees of (lat, lon), as fixed-width text."""
    return f"{lat + rng.uniform(-spread, spread):.4f}", f"{lon + rng.uniform(-spread, spread):.4f}"


def span(a: date, b: date) -> str:
    return a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """n-th ISO weekday (1=Mon) of a month."""
    day = date(year, month, 1)
    day += timedelta(days=(weekday - day.isoweekday()) % 7)
    return day + timedelta(weeks=n - 1)


# Official days off in 2025 (State Council arrangement); used only to keep history on workdays.
HOLIDAYS_2025 = {
    date(2025, 1, 1),
    *(date(2025, 1, 28) + timedelta(days=i) for i in range(8)),
    *(date(2025, 4, 4) + timedelta(days=i) for i in range(3)),
    *(date(2025, 5, 1) + timedelta(days=i) for i in range(5)),
    date(2025, 5, 31), date(2025, 6, 1), date(2025, 6, 2),
    *(date(2025, 10, 1) + timedelta(days=i) for i in range(8)),
}


def workday_2025(day: date) -> date:
    """The day itself or the next weekday of 2025 that is not an official day off."""
    while day.isoweekday() > 5 or day in HOLIDAYS_2025:
        day += timedelta(days=1)
    return day


def march_2026(rule: str) -> date:
    """The day a district day rule gives in March 2026 (a month without official days off)."""
    kind, _, arg = rule.partition("-")
    if kind == "day":
        day = date(2026, 3, int(arg))
    else:
        weekday = ["mon", "tue", "wed", "thu", "fri"].index(arg) + 1
        if kind == "last":
            day = nth_weekday(2026, 3, weekday, 4)
            if (day + timedelta(weeks=1)).month == 3:
                day += timedelta(weeks=1)
        else:
            day = nth_weekday(2026, 3, weekday, ["first", "second", "third"].index(kind) + 1)
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    return day


def write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    """UTF-8 without BOM, '\\n' line ends, columns in the given order; missing cells empty."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        unknown = [k for k in row if k not in columns]
        assert not unknown, unknown
        writer.writerow(["" if row.get(c) is None else str(row[c]) for c in columns])
    path.write_text(buf.getvalue(), encoding="utf-8")


def used_columns(columns: list[str], rows: list[dict[str, Any]]) -> list[str]:
    return [c for c in columns if any(row.get(c) not in (None, "") for row in rows)]


class FlowMap(dict):
    """A mapping written inline: {id: A, capacity: 60}."""


class FlowList(list):
    """A list written inline: [mon, tue]."""


class Dumper(yaml.SafeDumper):
    pass


Dumper.add_representer(
    FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True)
)
Dumper.add_representer(
    FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _width(value: Any) -> int:
    """Roughly how many characters a record takes written inline."""
    if isinstance(value, dict):
        return 2 + sum(len(str(k)) + 4 + _width(v) for k, v in value.items())
    if isinstance(value, list):
        return 2 + sum(_width(v) + 2 for v in value)
    return len(str(value))


def _styled(value: Any, depth: int) -> Any:
    """Short records of plain values (or of short plain lists) go inline below the top level."""
    if isinstance(value, list):
        items = [_styled(v, depth + 1) for v in value]
        if all(_scalar(v) for v in value):
            return FlowList(items)
        return items
    if isinstance(value, dict):
        items = {k: _styled(v, depth + 1) for k, v in value.items()}
        simple = all(_scalar(v) or (isinstance(v, list) and all(map(_scalar, v)))
                     for v in value.values())
        if depth >= 2 and simple and _width(value) <= 90:
            return FlowMap(items)
        return items
    return value


def dump(key: str, value: Any) -> str:
    """One top-level section, block style except for short records and lists."""
    return yaml.dump(
        {key: _styled(value, 1)},
        Dumper=Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def write_yaml(path: Path, header: str, sections: list[tuple[str, str, Any]]) -> None:
    """header: comment text (lines without '#'); sections: (comment, key, value)."""
    out = ["".join(f"# {line}".rstrip() + "\n" for line in header.strip("\n").splitlines())]
    for comment, key, value in sections:
        text = ""
        if comment:
            text += "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
        text += dump(key, value)
        out.append(text)
    path.write_text("\n".join(out), encoding="utf-8")


ORG_COLUMNS = [
    "id", "name", "kind", "groups", "members", "secretary.id", "secretary.name",
    "room.capacity", "room.equipment", "location.district", "location.lat", "location.lon",
    "blackout", "weekdays",
]


# ---------------------------------------------------------------------------------------------
# 1. park: one industrial park, one station, a year
# ---------------------------------------------------------------------------------------------

PARK_HEADER = """
园区场景 / Park scenario —— 由 scenarios/generate.py 生成，请勿手工修改（改脚本后重新运行）。
它模拟：汉阳区黄金口都市工业园联合党委（仿"1+2+30"模式），2026 年全年：
  - 成员企业 30 家（其中 3 家大企业、9 家中型企业、18 家小微企业），名单见 orgs.csv；
    有 8 家企业有自己的活动室；两家小微企业由同一人（同一 secretary.id）兼任党组织书记；
  - 园区党建工作站 1 个，活动室 3 间（60 人带投影仪、30 人、20 人），工作日开放；
  - 活动轮值制：每季度一家企业轮值，承办当季的主题党日、联合党课和联席会议，其书记任执行书记；
  - 活动系列 4 个：每月主题党日（由当季轮值企业承办，
    实到约 50 人）、每季度联合党课（约 60 人）、每季度党建联席会议（每家 1 名书记，共 30 人）、
    每月志愿服务（户外，不需要场地）；主题党日设 2 对"以强带弱"结对；
  - 企业与蔡甸区 3 个村"一帮一"结对共建，每季度互访一次，双方轮流接待；
  - 历史记录：2025 年主题党日各月承办单位，及 2025 年第四季度其他活动的承办和互访，
    使轮值顺序跨年延续；部分企业有不可安排日期（年终结算、生产旺季、审计等）。
It models the joint party committee of an urban industrial park in Hanyang (Wuhan), the whole
of 2026: 30 member enterprises (orgs.csv; 8 with a room of their own, one person secretary of
two small firms), one park station with 3 rooms (60 with projector, 30, 20), a duty rotation
(each quarter one member is on duty: it hosts the quarter's monthly theme days, joint lecture
and meeting of the 30 secretaries, and its secretary is the park's executive secretary), a
monthly outdoor volunteer day hosted in turn, two strong-weak pairs (co-hosting), three one-to-one twinning pairs with villages in Caidian (one visit
a quarter, alternating hosts), and the 2025 hosts so the rotation carries on.
"""


def build_park() -> None:
    rng = random.Random(202601)
    names = Names(rng)
    out = HERE / "park"
    out.mkdir(exist_ok=True)
    park = "hjk-park"
    lat0, lon0 = 30.5285, 114.2045  # 黄金口 urban industrial park, west Hanyang

    # Sizes: 3 large, 9 medium, 18 small; the order of ids is the order they joined.
    tiers = ["large"] * 3 + ["medium"] * 9 + ["small"] * 18
    rng.shuffle(tiers)
    orgs: list[dict[str, Any]] = []
    rooms_left = {"large": 3, "medium": 5}
    for i, tier in enumerate(tiers, start=1):
        name, low, high = names.firm(TRADES)
        if tier == "large":
            name = name.replace("有限公司", "股份有限公司")
            members = rng.randint(45, 80)
        elif tier == "medium":
            members = rng.randint(max(low, 12), max(high, 30))
        else:
            members = rng.randint(3, 10)
        lat, lon = near(rng, lat0, lon0, 0.006)
        row: dict[str, Any] = {
            "id": f"e{i:02d}",
            "name": name,
            "kind": "enterprise",
            "groups": park,
            "members": members,
            "secretary.id": f"s{i:02d}",
            "secretary.name": names.person(),
            "location.district": "汉阳区",
            "location.lat": lat,
            "location.lon": lon,
        }
        if rooms_left.get(tier, 0) > 0:
            rooms_left[tier] -= 1
            if tier == "large":
                row["room.capacity"] = rng.choice([60, 80, 100])
                row["room.equipment"] = "投影仪;音响"
            else:
                row["room.capacity"] = rng.choice([20, 24, 30, 36])
                if rng.random() < 0.5:
                    row["room.equipment"] = "投影仪"
        row["_tier"] = tier
        orgs.append(row)

    large = [o for o in orgs if o["_tier"] == "large"]
    medium = [o for o in orgs if o["_tier"] == "medium"]
    small = [o for o in orgs if o["_tier"] == "small"]

    # One person is secretary of two small enterprises (兼任): same id, same name.
    shared_a, shared_b = small[0], small[1]
    shared_b["secretary.id"] = shared_a["secretary.id"]
    shared_b["secretary.name"] = shared_a["secretary.name"]

    # Blackouts: year-end accounts, peak season, audit, re-election of the branch.
    blackouts = [
        span(date(2026, 1, 5), date(2026, 1, 16)),
        span(date(2026, 6, 15), date(2026, 6, 26)),
        f"{span(date(2026, 3, 2), date(2026, 3, 13))};{span(date(2026, 9, 7), date(2026, 9, 11))}",
        span(date(2026, 11, 23), date(2026, 12, 4)),
        span(date(2026, 4, 20), date(2026, 4, 24))
        + ";"
        + span(date(2026, 10, 19), date(2026, 10, 23)),
        span(date(2026, 7, 6), date(2026, 7, 31)),
    ]
    for row, cell in zip(medium[2:5] + small[4:7], blackouts, strict=True):
        row["blackout"] = cell
    # Two firms on shift work can only spare people on some days.
    small[8]["weekdays"] = "tue;wed;thu;fri"
    medium[6]["weekdays"] = "mon;wed;fri"

    # Three villages in Caidian, just west of the park, twinned with strong enterprises.
    villages = []
    for k, (town, vname) in enumerate(
        [("永安街", "桥头"), ("大集街", "金龙"), ("侏儒山街", "新集")], start=1
    ):
        t = next(t for t in TOWNS if t[0] == town)
        lat, lon = near(rng, t[2], t[3], 0.01)
        villages.append({
            "id": f"v{k}",
            "name": f"{town}{vname}村",
            "kind": "village",
            "members": rng.randint(25, 48),
            "secretary.id": f"vs{k}",
            "secretary.name": names.person(),
            "room.capacity": rng.choice([30, 40, 50]),
            "location.district": t[1],
            "location.lat": lat,
            "location.lon": lon,
        })

    rows = [{k: v for k, v in o.items() if not k.startswith("_")} for o in orgs + villages]
    write_csv(out / "orgs.csv", used_columns(ORG_COLUMNS, rows), rows)

    helpers = [large[0], large[1], medium[0]]
    twinning = []
    for k, (helper, village) in enumerate(zip(helpers, villages, strict=True), start=1):
        twinning.append({
            "id": f"twin-{k}",
            "name": f"{helper['name']}—{village['name']}",
            "form": "one_to_one",
            "helpers": [helper["id"]],
            "helped": [village["id"]],
            "visits": 1,
            "per": "quarter",
            "hosts": "both",
            "alternate": True,
            "start": "09:30",
            "duration": "3h",
            "delegation": 5 if k < 3 else 4,
            "min_gap_days": 30,
        })

    strong_weak = [
        {"strong": large[2]["id"], "weak": small[10]["id"]},
        {"strong": medium[1]["id"], "weak": small[12]["id"]},
    ]

    series = [
        {
            "id": "theme-day",
            "name": "主题党日（5+N）",
            "type": "主题党日",
            "cadence": "monthly",
            "day": "third-fri",
            "fallback": "next",
            "flexible": True,
            "start": "14:30",
            "duration": "2h",
            "participants": {"groups": [park]},
            "attendance": 50,
            "fairness": "equal",
            "room": {"equipment": ["投影仪"]},
            "strong_weak": strong_weak,
        },
        {
            "id": "lecture",
            "name": "联合党课",
            "type": "联合党课",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:00",
            "duration": "1h30m",
            "participants": {"groups": [park]},
            "attendance": 60,
            "room": {"capacity": 60, "equipment": ["投影仪"]},
        },
        {
            "id": "joint-meeting",
            "name": "园区党建联席会议",
            "type": "联席会议",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:30",
            "duration": "2h",
            "participants": {"groups": [park]},
            "delegates_per_org": 1,
            "room": {},
        },
        {
            "id": "volunteer",
            "name": "党员志愿服务（社区环境整治）",
            "type": "志愿服务",
            "cadence": "monthly",
            "day": "second-wed",
            "start": "09:00",
            "duration": "3h",
            "participants": {"groups": [park]},
            "attendance": 40,
        },
    ]

    # History: theme-day hosts of every quarter of 2025 (third Fridays), the other series in
    # the last quarter of 2025, and the last visit of each twinning pair.
    pool = [o["id"] for o in orgs]
    theme_hosts = rng.sample(pool, 12)  # a different host every month of 2025
    others = rng.sample(pool, 5)
    hosts_hist = []
    for m in range(1, 13):
        day = workday_2025(nth_weekday(2025, m, 5, 3))
        hosts_hist.append({"series": "theme-day", "date": day, "host": theme_hosts[m - 1]})
    hosts_hist.append({"series": "lecture", "date": date(2025, 11, 13), "host": others[0]})
    hosts_hist.append({"series": "joint-meeting", "date": date(2025, 12, 9), "host": others[1]})
    for k, m in enumerate((10, 11, 12)):
        day = workday_2025(nth_weekday(2025, m, 3, 2))
        hosts_hist.append({"series": "volunteer", "date": day, "host": others[2 + k]})
    # 以强带弱 pairs the strong with small firms that are due (never hosted in 2025): the
    # committee mentors those who have not carried a turn yet, and the plan shows it.
    hosted = {h["host"] for h in hosts_hist}
    due = [o["id"] for o in small if o["id"] not in hosted]
    for pair_, weak in zip(strong_weak, due, strict=False):
        pair_["weak"] = weak
    visits_hist = []
    for k, pair in enumerate(twinning):
        host = pair["helped"][0] if k % 2 == 0 else pair["helpers"][0]
        day = workday_2025(date(2025, 11, 4) + timedelta(days=9 * k))
        visits_hist.append({"pair": pair["id"], "date": day, "host": host})

    station = {
        "id": "station",
        "name": "黄金口都市工业园党建工作站",
        "location": {"district": "汉阳区", "lat": lat0, "lon": lon0},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "follows_official_calendar": True,
        "rooms": [
            {"id": "A", "name": "党员活动室", "capacity": 60, "equipment": ["投影仪", "音响"]},
            {"id": "B", "name": "议事厅", "capacity": 30},
            {"id": "C", "name": "党员书屋", "capacity": 20},
        ],
        "closures": [
            {"start": date(2026, 8, 3), "end": date(2026, 8, 7), "reason": "空调检修",
             "rooms": ["A"]},
            {"start": date(2026, 12, 28), "end": date(2026, 12, 31), "reason": "年终盘点"},
        ],
    }

    def meta(name: str, start: date, end: date) -> tuple[str, str, Any]:
        return ("", "meta", {
            "id": "hjk-park",
            "name": name,
            "locale": "zh",
            "timezone": "Asia/Shanghai",
            "start": start,
            "end": end,
            "description": "园区成员企业轮值承办主题党日、联合党课、联席会议和志愿服务，"
            "共用园区党建工作站，并与蔡甸区三个村结对共建。",
        })

    year = meta("黄金口都市工业园联合党委 2026 年活动计划", date(2026, 1, 1), date(2026, 12, 31))
    sections = [
        ("园区统一安排的停用日（全园区安全生产大检查）", "calendar", {
            "closures": [{"start": date(2026, 11, 16), "end": date(2026, 11, 18),
                          "reason": "园区安全生产大检查"}],
        }),
        ("活动轮值制：每季度一家成员企业轮值，承办当季主题党日、联合党课和联席会议，"
         "其书记任联合党委执行书记；志愿服务另行轮流", "groups", [{
            "id": park, "name": "黄金口都市工业园联合党委", "kind": "park",
            "duty": {"term": "quarter", "series": ["theme-day", "lecture", "joint-meeting"]},
        }]),
        ("单位名单放在表格里：30 家成员企业和 3 个结对村", "organisations", "orgs.csv"),
        ("", "centres", [station]),
        ("", "series", series),
        ("企业与村\"一帮一\"结对共建", "twinning", twinning),
        ("2025 年的承办和互访记录，使轮值跨年延续", "history",
         {"hosts": hosts_hist, "visits": visits_hist}),
    ]
    write_yaml(out / "park.yaml", PARK_HEADER, [year, *sections])
    write_quarters(out, meta, sections, rows)


# The README's two-quarter walk-through: the same park planned a quarter at a time. Q2 reads
# Q1 from the ledger (nothing copied by hand); then one member withdraws in May.
LEFT_ORG, LEFT_ON = "e28", date(2026, 5, 15)
QUARTER_HEADER = """
园区分季度场景 / The park, one quarter at a time —— 由 scenarios/generate.py 生成，请勿手工修改。
与 park.yaml 相同的园区，只排{what}。README 的"两个季度"示例用它们：先排一季度并发布到台账，
再排二季度（从台账读取一季度的承办记录，轮值接着往下走），然后{left}。
The same park as park.yaml, planned for {what_en} only: README's two-quarter walk-through.
"""


def write_quarters(out: Path, meta: Any, sections: list[Any], rows: list[dict[str, Any]]) -> None:
    left = f"一家成员企业（{LEFT_ORG}）于 {LEFT_ON} 退出，重新排期"
    for name, what, what_en, start, end in (
        ("park-q1.yaml", "2026 年第一季度", "Q1 2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("park-q2.yaml", "2026 年第二季度", "Q2 2026", date(2026, 4, 1), date(2026, 6, 30)),
    ):
        header = QUARTER_HEADER.format(what=what, what_en=what_en, left=left)
        title = f"黄金口都市工业园联合党委 {what}活动计划"
        write_yaml(out / name, header, [meta(title, start, end), *sections])
    # The withdrawal: the same Q2 with the member's leaving day in its own table.
    gone = [{**r, "left": LEFT_ON} if r["id"] == LEFT_ORG else r for r in rows]
    write_csv(out / "orgs-left.csv", used_columns([*ORG_COLUMNS, "left"], gone), gone)
    changed = [
        (f"单位名单：{LEFT_ORG} 于 {LEFT_ON} 退出（left 列）", "organisations", "orgs-left.csv")
        if section[1] == "organisations" else section
        for section in sections
    ]
    header = QUARTER_HEADER.format(what="2026 年第二季度", what_en="Q2 2026", left=left)
    title = f"黄金口都市工业园联合党委 2026 年第二季度活动计划（{LEFT_ORG} 退出后）"
    write_yaml(out / "park-q2-left.yaml", header,
               [meta(title, date(2026, 4, 1), date(2026, 6, 30)), *changed])


# ---------------------------------------------------------------------------------------------
# 2. district: 10 streets, ~130 units, 25 shared centres, one quarter
# ---------------------------------------------------------------------------------------------

DISTRICT_HEADER = """
区级场景 / District scenario —— 由 scenarios/generate.py 生成，请勿手工修改（改脚本后重新运行）。
它模拟：汉阳区区域化党建联席会议（仿南京鼓楼区"10 个街道、130 家单位"的联席会和汉阳区
25 个党群服务中心），2026 年第二季度（4 月 1 日至 6 月 30 日）：
  - 10 个街道（kind: street）共 130 家单位：53 个社区、20 个驻区机关、10 所学校、
    3 家医疗卫生单位、44 家企业，名单和坐标见 orgs.csv；
  - 25 个共享党群服务中心（1 个区级中心、10 个街道中心、14 个社区中心），各 1–3 间活动室；
    五里墩街道党群服务中心 4 月 13 日至 5 月 29 日装修停用，另有几间活动室短期检修；
  - 每个街道：每月一次主题党日（每家单位 3 人）和每季度一次街道联席会议（每家 1 人），
    由街道内单位轮流承办；另有全区联席会议（130 家单位各 1 人），由区直机关轮流承办。
It models Hanyang district's area-based joint meeting for April-June 2026: 130 units in 10
streets (53 communities, 20 organs, 10 schools, 3 health units, 44 enterprises; orgs.csv),
25 shared service centres with 1-3 rooms each (one street centre closed for renovation for
seven weeks, a few rooms closed for repairs), a monthly theme day (3 per unit) and a quarterly
joint meeting (1 per unit) per street, and one district-wide joint meeting hosted by an organ.
"""


def build_district() -> None:
    rng = random.Random(202604)
    names = Names(rng)
    out = HERE / "district"
    out.mkdir(exist_ok=True)

    sizes = [14, 13, 12, 14, 13, 12, 13, 13, 14, 12]
    community_centres = [2, 1, 1, 2, 2, 1, 1, 2, 1, 1]
    assert sum(sizes) == 130 and sum(community_centres) == 14
    communities = rng.sample(COMMUNITY_NAMES, 53)
    organs = rng.sample(
        [o for o in ORGANS if o.startswith("汉阳区") and "党校" not in o], 20
    )
    schools = rng.sample(SCHOOL_PLACES, 10)
    hospitals = HOSPITALS[:3]
    hospital_streets = {"jianqiao": 0, "wulidun": 1, "sixin": 2}
    district_group = "hanyang"
    blackout_plan = [  # (kind, cell): a few units that cannot host some weeks
        ("community", span(date(2026, 5, 11), date(2026, 5, 15))),
        ("enterprise", span(date(2026, 6, 1), date(2026, 6, 12))),
        ("community", span(date(2026, 4, 7), date(2026, 4, 10))),
        ("enterprise", span(date(2026, 4, 20), date(2026, 4, 30))),
        ("organ", span(date(2026, 5, 18), date(2026, 5, 22))),
        ("enterprise", span(date(2026, 6, 22), date(2026, 6, 30))),
    ]

    orgs: list[dict[str, Any]] = []
    centres: list[dict[str, Any]] = []
    organ_ids: list[str] = []
    day_rules = ["day-10", "second-thu", "third-wed", "last-fri", "day-15",
                 "first-tue", "second-fri", "third-thu", "last-wed", "day-20"]
    series: list[dict[str, Any]] = []

    district_centre = {
        "id": "qu-zx",
        "name": "汉阳区党群服务中心",
        "location": {"district": "汉阳区", "lat": 30.5548, "lon": 114.2658},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "rooms": [
            {"id": "hall", "name": "多功能报告厅", "capacity": 150,
             "equipment": ["投影仪", "音响", "LED屏"]},
            {"id": "m1", "name": "第一会议室", "capacity": 40, "equipment": ["投影仪"]},
            {"id": "m2", "name": "第二会议室", "capacity": 24},
        ],
        "closures": [
            {"start": date(2026, 6, 8), "end": date(2026, 6, 10), "reason": "音响设备检修",
             "rooms": ["hall"]},
        ],
    }
    centres.append(district_centre)

    c_iter = iter(communities)
    for s_index, (code, sname, slat, slon) in enumerate(STREETS):
        n = sizes[s_index]
        n_comm = 5 + (n >= 14)
        n_org, n_school = 2, 1
        n_hosp = 1 if code in hospital_streets else 0
        n_ent = n - n_comm - n_org - n_school - n_hosp
        kinds = (["community"] * n_comm + ["organ"] * n_org + ["school"] * n_school
                 + ["other"] * n_hosp + ["enterprise"] * n_ent)
        street_comms: list[dict[str, Any]] = []
        for k, kind in enumerate(kinds, start=1):
            lat, lon = near(rng, slat, slon, 0.008)
            row: dict[str, Any] = {
                "id": f"{code}-{k:02d}",
                "kind": kind,
                "groups": f"{code};{district_group}",
                "secretary.id": f"{code}-s{k:02d}",
                "secretary.name": names.person(),
                "location.district": "汉阳区",
                "location.lat": lat,
                "location.lon": lon,
            }
            if kind == "community":
                row["name"] = next(c_iter) + "社区"
                row["members"] = rng.randint(60, 260)
                street_comms.append(row)
            elif kind == "organ":
                row["name"] = organs.pop(0)
                row["members"] = rng.randint(25, 90)
                row["room.capacity"] = rng.choice([30, 40, 50, 60])
                if rng.random() < 0.7:
                    row["room.equipment"] = "投影仪"
                organ_ids.append(row["id"])
            elif kind == "school":
                place = schools.pop(0)
                level = rng.choice(["小学", "中学", "初级中学"])
                row["name"] = f"武汉市汉阳区{place}{level}"
                row["members"] = rng.randint(30, 90)
                row["room.capacity"] = rng.choice([150, 200, 300])
                row["room.equipment"] = "投影仪;音响"
                if level != "小学":  # exam weeks: 中考 in Wuhan is mid-June
                    row["blackout"] = span(date(2026, 6, 15), date(2026, 6, 19))
            elif kind == "other":
                row["name"] = hospitals[hospital_streets[code]]
                row["members"] = rng.randint(80, 200)
                row["room.capacity"] = 80
                row["room.equipment"] = "投影仪"
            else:
                name, low, high = names.firm(TRADES + CITY_TRADES)
                row["name"] = name
                row["members"] = rng.randint(low, high)
                if rng.random() < 0.25:
                    row["room.capacity"] = rng.choice([20, 30, 40])
            orgs.append(row)

        # Centres of the street: the street centre and 1-2 community centres.
        big = rng.choice([60, 70, 80])
        lat, lon = near(rng, slat, slon, 0.003)
        rooms = [
            {"id": "dh", "name": "党员大会议室", "capacity": big, "equipment": ["投影仪", "音响"]},
            {"id": "hy", "name": "会议室", "capacity": rng.choice([30, 36, 40]),
             "equipment": ["投影仪"]},
        ]
        if rng.random() < 0.6:
            rooms.append({"id": "hd", "name": "党员活动室", "capacity": rng.choice([20, 24, 30])})
        street_centre: dict[str, Any] = {
            "id": f"{code}-zx",
            "name": f"{sname}党群服务中心",
            "location": {"district": "汉阳区", "lat": float(lat), "lon": float(lon)},
            "open_days": ["mon", "tue", "wed", "thu", "fri"],
            "hours": "08:30-17:30",
            "rooms": rooms,
        }
        if code == "wulidun":
            street_centre["closures"] = [{"start": date(2026, 4, 13), "end": date(2026, 5, 29),
                                          "reason": "装修改造"}]
        centres.append(street_centre)
        for j in range(community_centres[s_index]):
            host = street_comms[j]
            # The renovated street's community centres take over: big rooms with projectors.
            cap = 50 if code == "wulidun" else rng.choice([40, 45, 50])
            crooms: list[dict[str, Any]] = [
                {"id": "hd", "name": "党员活动室", "capacity": cap, "equipment": ["投影仪"]},
            ]
            if code == "wulidun" or rng.random() < 0.5:
                crooms.append({"id": "ys", "name": "居民议事厅", "capacity": rng.choice([16, 20])})
            centre: dict[str, Any] = {
                "id": f"{code}-sq{j + 1}",
                "name": f"{host['name']}党群服务中心",
                "location": {"district": "汉阳区", "lat": float(host["location.lat"]),
                             "lon": float(host["location.lon"])},
                "open_days": ["mon", "tue", "wed", "thu", "fri", "sat"],
                "hours": "08:30-18:00",
                "rooms": crooms,
            }
            centres.append(centre)

        series.append({
            "id": f"{code}-theme",
            "name": f"{sname}区域化党建主题党日",
            "type": "主题党日",
            "cadence": "monthly",
            "day": day_rules[s_index],
            "start": "14:30" if s_index % 2 == 0 else "09:00",
            "duration": "2h",
            "participants": {"groups": [code]},
            "delegates_per_org": 3,
            "room": {"equipment": ["投影仪"]},
        })
        series.append({
            "id": f"{code}-meeting",
            "name": f"{sname}区域化党建联席会议",
            "type": "联席会议",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:30",
            "duration": "1h30m",
            "participants": {"groups": [code]},
            "delegates_per_org": 1,
            "room": {},
        })

    # A few units cannot host for a week or two.
    for kind, cell in blackout_plan:
        candidates = [o for o in orgs if o["kind"] == kind and "blackout" not in o]
        rng.choice(candidates)["blackout"] = cell

    # Short room repairs in three community centres.
    small_centres = [c for c in centres if "-sq" in c["id"] and "wulidun" not in c["id"]]
    for centre, (a, b, why) in zip(
        rng.sample(small_centres, 3),
        [(date(2026, 4, 21), date(2026, 4, 23), "设备检修"),
         (date(2026, 5, 26), date(2026, 5, 27), "消防检查"),
         (date(2026, 6, 2), date(2026, 6, 5), "投影仪更换")],
        strict=True,
    ):
        centre["closures"] = [{"start": a, "end": b, "reason": why, "rooms": ["hd"]}]

    series.append({
        "id": "district-meeting",
        "name": "汉阳区区域化党建联席会议（全体会议）",
        "type": "联席会议",
        "cadence": "quarterly",
        "day": "any-workday",
        "flexible": True,
        "start": "14:30",
        "duration": "2h",
        "participants": {"groups": [district_group]},
        "hosts": {"orgs": organ_ids},
        "delegates_per_org": 1,
        "room": {"equipment": ["投影仪"]},
    })

    write_csv(out / "orgs.csv", used_columns(ORG_COLUMNS, orgs), orgs)

    # History: the last host of every series in the first quarter of 2026.
    history = []
    for s_index, (code, _sname, _lat, _lon) in enumerate(STREETS):
        street_ids = [o["id"] for o in orgs if o["id"].startswith(code + "-")]
        h = rng.sample(street_ids, 2)
        history.append({"series": f"{code}-theme", "date": march_2026(day_rules[s_index]),
                        "host": h[0]})
        history.append({"series": f"{code}-meeting", "date": date(2026, 1, 19 + s_index % 5),
                        "host": h[1]})
    history.append({"series": "district-meeting", "date": date(2026, 3, 25),
                    "host": rng.choice(organ_ids)})

    groups = [{"id": code, "name": f"{sname}区域化党建联席会", "kind": "street"}
              for code, sname, _lat, _lon in STREETS]
    groups.insert(0, {"id": district_group, "name": "汉阳区区域化党建联席会议", "kind": "district"})

    write_yaml(out / "district.yaml", DISTRICT_HEADER, [
        ("", "meta", {
            "id": "hanyang-district",
            "name": "汉阳区区域化党建联席会议 2026 年第二季度",
            "locale": "zh",
            "timezone": "Asia/Shanghai",
            "start": date(2026, 4, 1),
            "end": date(2026, 6, 30),
            "description": "10 个街道、130 家单位轮流承办主题党日和联席会议，"
            "共用 25 个党群服务中心。",
        }),
        ("", "groups", groups),
        ("130 家单位：社区、驻区机关、学校、医疗卫生单位和企业（含坐标）", "organisations",
         "orgs.csv"),
        ("25 个共享党群服务中心：区级 1 个，街道 10 个，社区 14 个", "centres", centres),
        ("每个街道两个系列，另加全区联席会议", "series", series),
        ("第一季度（2026 年 1–3 月）各系列最后一次的承办单位", "history", {"hosts": history}),
    ])


# ---------------------------------------------------------------------------------------------
# 3. city: officials and enterprises, organs and villages, a year of twinning visits
# ---------------------------------------------------------------------------------------------

CITY_HEADER = """
结对场景 / Twinning scenario —— 由 scenarios/generate.py 生成，请勿手工修改（改脚本后重新运行）。
它模拟：仿汉阳区"百名处级干部联系服务百家企业"和城乡结对帮扶，2026 年全年：
  - 50 个区直机关、100 家企业、15 个城市社区、33 个村（蔡甸区、江夏区），名单见 orgs.csv；
  - 100 对"干部联系企业"一帮一结对（每名处级干部联系一家企业，每个机关至多 2 家企业），
    每季度走访 1 次（20 对每季度 2 次），双方轮流接待，两次之间至少间隔 20–30 天；
  - 城乡结对三种形式：社区帮村一帮一 15 对、多个机关帮一个村（多帮一）6 组、
    一个机关帮多个村（一帮多）5 组（共 12 个村）；每个机关参加的结对合计不超过 3 个；
  - 一个小系列：每季度一次结对帮扶工作推进会（帮扶单位各 1 人），在区党群服务中心召开；
  - 历史记录：2025 年第四季度部分结对的最后一次互访，使接待方轮换跨年延续。
  结对表见 twinning.csv（helpers / helped 单元格内多个单位用分号隔开）。
It models a Hanyang-style programme for 2026: 100 officials of 50 district organs each paired
with an enterprise (one-to-one, 1 visit a quarter, 20 pairs 2), plus rural twinning in all
three forms: 15 community-village pairs (one-to-one), 6 many-to-one groups (2-3 organs help
one village) and 5 one-to-many groups (one organ helps 2-3 villages). No organ is in more than
3 pairs. Visits alternate hosts, 20-30 days apart at least. One small quarterly series (a
progress meeting of the helpers) uses the district service centre. Tables: orgs.csv and
twinning.csv (several ids in one cell are separated by ';'); history.csv holds the last
visits of 2025.
"""


def build_city() -> None:
    rng = random.Random(202612)
    names = Names(rng)
    out = HERE / "city"
    out.mkdir(exist_ok=True)
    hy_lat, hy_lon = 30.5500, 114.2400

    orgs: list[dict[str, Any]] = []
    organ_rows = []
    for i, oname in enumerate(ORGANS, start=1):
        lat, lon = near(rng, hy_lat, hy_lon, 0.02)
        row = {
            "id": f"o{i:02d}",
            "name": oname,
            "kind": "organ",
            "members": rng.randint(20, 120),
            "secretary.id": f"o{i:02d}-s",
            "secretary.name": names.person(),
            "room.capacity": rng.choice([30, 40, 50, 60]),
            "room.equipment": "投影仪",
            "location.district": "汉阳区",
            "location.lat": lat,
            "location.lon": lon,
        }
        organ_rows.append(row)
    # Busy spells of a few organs: year-end audit, the session of the district congress.
    for row, cell in zip(
        rng.sample(organ_rows, 5),
        [span(date(2026, 1, 5), date(2026, 1, 16)),
         span(date(2026, 12, 14), date(2026, 12, 31)),
         span(date(2026, 3, 2), date(2026, 3, 6)),
         span(date(2026, 8, 3), date(2026, 8, 14)),
         span(date(2026, 11, 2), date(2026, 11, 6))],
        strict=True,
    ):
        row["blackout"] = cell

    ent_rows = []
    areas = [  # where Hanyang's enterprises sit: 经开区/沌口 edge, 四新, 黄金口, 老城区
        (30.5060, 114.2360, 0.015), (30.5285, 114.2045, 0.010),
        (30.5550, 114.2650, 0.012), (30.5650, 114.2300, 0.012),
    ]
    for i in range(1, 101):
        name, low, high = names.firm(TRADES + CITY_TRADES)
        alat, alon, spread = areas[(i - 1) % len(areas)]
        lat, lon = near(rng, alat, alon, spread)
        row = {
            "id": f"e{i:03d}",
            "name": name,
            "kind": "enterprise",
            "members": rng.randint(low, high),
            "secretary.id": f"e{i:03d}-s",
            "secretary.name": names.person(),
            "location.district": "汉阳区",
            "location.lat": lat,
            "location.lon": lon,
        }
        if rng.random() < 0.3:
            row["room.capacity"] = rng.choice([20, 30, 40])
        if rng.random() < 0.08:
            row["blackout"] = rng.choice([
                span(date(2026, 1, 12), date(2026, 1, 30)),
                span(date(2026, 6, 15), date(2026, 6, 30)),
                span(date(2026, 11, 16), date(2026, 11, 27)),
            ])
        ent_rows.append(row)

    comm_rows = []
    for i, cname in enumerate(rng.sample(COMMUNITY_NAMES, 15), start=1):
        _code, _sname, slat, slon = STREETS[(i - 1) % len(STREETS)]
        lat, lon = near(rng, slat, slon, 0.006)
        comm_rows.append({
            "id": f"c{i:02d}",
            "name": f"{cname}社区",
            "kind": "community",
            "members": rng.randint(60, 240),
            "secretary.id": f"c{i:02d}-s",
            "secretary.name": names.person(),
            "room.capacity": rng.choice([30, 40]),
            "location.district": "汉阳区",
            "location.lat": lat,
            "location.lon": lon,
        })

    vil_rows = []
    vnames = rng.sample(VILLAGE_NAMES, 33)  # 15 one-to-one, 6 many-to-one, 12 one-to-many
    for i, vname in enumerate(vnames, start=1):
        town, dist, tlat, tlon = TOWNS[(i - 1) % len(TOWNS)]
        lat, lon = near(rng, tlat, tlon, 0.03)
        row = {
            "id": f"v{i:02d}",
            "name": f"{town}{vname}村",
            "kind": "village",
            "members": rng.randint(18, 60),
            "secretary.id": f"v{i:02d}-s",
            "secretary.name": names.person(),
            "room.capacity": rng.choice([30, 40, 50]),
            "location.district": dist,
            "location.lat": lat,
            "location.lon": lon,
        }
        # Busy farming season (双抢 / 秋收) in a few villages.
        if i % 7 == 3:
            row["blackout"] = span(date(2026, 7, 13), date(2026, 7, 31))
        elif i % 7 == 5:
            row["blackout"] = span(date(2026, 9, 21), date(2026, 9, 30))
        vil_rows.append(row)

    orgs = organ_rows + ent_rows + comm_rows + vil_rows
    write_csv(out / "orgs.csv", used_columns(ORG_COLUMNS, orgs), orgs)

    short = {r["id"]: short_organ(r["name"]) for r in organ_rows}
    organ_name = {r["id"]: r["name"] for r in organ_rows}
    load = {r["id"]: 0 for r in organ_rows}
    pairs: list[dict[str, Any]] = []

    def pair(pid: str, name: str, form: str, helpers: list[str], helped: list[str],
             visits: int, gap: int, delegation: int, hosts: str = "both",
             alternate: bool = True, start: str = "09:30", duration: str = "3h") -> None:
        for h in helpers:
            if h in load:
                load[h] += 1
        pairs.append({
            "id": pid, "name": name, "form": form,
            "helpers": ";".join(helpers), "helped": ";".join(helped),
            "visits": visits, "per": "quarter", "hosts": hosts,
            "alternate": "true" if alternate else "false",
            "start": start, "duration": duration, "delegation": delegation,
            "min_gap_days": gap,
        })

    # 100 officials: two per organ, each linked with one enterprise.
    order = [r["id"] for r in organ_rows] * 2
    enterprises = [r["id"] for r in ent_rows]
    rng.shuffle(enterprises)
    twice = set(rng.sample(range(100), 20))  # membership only
    ent_name = {r["id"]: r["name"] for r in ent_rows}
    for k, (organ, ent) in enumerate(zip(order, enterprises, strict=True)):
        official = names.person()
        position = title(organ_name[organ], deputy=k >= 50, k=k)
        visits = 2 if k in twice else 1
        # Most pairs alternate: the official calls at the enterprise, then the enterprise's
        # people come to the organ. A fifth are door-to-door service only (上门服务).
        both = k % 5 != 0
        pair(f"qy{k + 1:03d}",
             f"{official}（{short[organ]}{position}）联系{ent_name[ent]}",
             "one_to_one", [organ], [ent], visits,
             gap=20 if visits == 2 else 30, delegation=3,
             hosts="both" if both else "helped", alternate=both,
             start="09:30" if k % 2 == 0 else "14:30", duration="2h")

    # Rural twinning. Every organ has 2 pairs so far; each may take at most one more.
    free = [r["id"] for r in organ_rows]
    rng.shuffle(free)
    villages = [r["id"] for r in vil_rows]
    vname = {r["id"]: r["name"] for r in vil_rows}
    cname = {r["id"]: r["name"] for r in comm_rows}
    v_iter = iter(villages)
    for k, comm in enumerate([r["id"] for r in comm_rows], start=1):
        v = next(v_iter)
        pair(f"sc{k:02d}", f"{cname[comm]}—{vname[v]}（社区帮村）", "one_to_one", [comm], [v],
             visits=1, gap=30, delegation=5)
    for k, size in enumerate([3, 2, 3, 2, 3, 2], start=1):
        helpers = [free.pop() for _ in range(size)]
        v = next(v_iter)
        label = "、".join(short[h] for h in helpers)
        pair(f"dby{k:02d}", f"{label}帮扶{vname[v]}（多帮一）", "many_to_one", helpers, [v],
             visits=2 if k % 3 == 0 else 1, gap=25, delegation=8)
    for k, size in enumerate([2, 3, 2, 2, 3], start=1):  # 12 villages
        helper = free.pop()
        helped = [next(v_iter) for _ in range(size)]
        label = "、".join(vname[v] for v in helped)
        pair(f"ybd{k:02d}", f"{short[helper]}帮扶{label}（一帮多）", "one_to_many", [helper],
             helped, visits=1, gap=25, delegation=6, duration="4h")
    assert next(v_iter, None) is None, "every village is in exactly one pair"
    assert max(load.values()) <= 3

    columns = ["id", "name", "form", "helpers", "helped", "visits", "per", "hosts",
               "alternate", "start", "duration", "delegation", "min_gap_days"]
    write_csv(out / "twinning.csv", columns, pairs)

    # Last visit of 2025 for about a third of the pairs (and every rural pair).
    history = []
    for k, p in enumerate(pairs):
        rural = not p["id"].startswith("qy")
        if not rural and k % 3 != 0:
            continue
        sides = p["helpers"].split(";") + p["helped"].split(";")
        host = sides[-1] if k % 2 == 0 else sides[0]
        if p["hosts"] == "helped":
            host = p["helped"].split(";")[0]
        day = workday_2025(date(2025, 10, 13) + timedelta(days=(k * 11) % 70))
        history.append({"pair": p["id"], "date": day.isoformat(), "host": host})
    write_csv(out / "history.csv", ["pair", "date", "host"], history)

    helpers_rural = []
    for p in pairs:
        if p["form"] != "one_to_one" or p["id"].startswith("sc"):
            for h in p["helpers"].split(";"):
                if h not in helpers_rural:
                    helpers_rural.append(h)
    chairs = [r["id"] for r in organ_rows if r["name"] in
              ("汉阳区委组织部", "汉阳区农业农村局", "汉阳区委社会工作部")]
    participants = chairs + [h for h in helpers_rural if h not in chairs]

    centre = {
        "id": "qu-zx",
        "name": "汉阳区党群服务中心",
        "location": {"district": "汉阳区", "lat": 30.5548, "lon": 114.2658},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "rooms": [
            {"id": "hall", "name": "多功能报告厅", "capacity": 150,
             "equipment": ["投影仪", "音响", "LED屏"]},
            {"id": "m1", "name": "第一会议室", "capacity": 40, "equipment": ["投影仪"]},
        ],
    }
    series = [{
        "id": "progress-meeting",
        "name": "城乡结对帮扶工作推进会",
        "type": "联席会议",
        "cadence": "quarterly",
        "day": "any-workday",
        "start": "14:30",
        "duration": "2h",
        "participants": {"orgs": participants},
        "hosts": {"orgs": chairs},
        "delegates_per_org": 1,
        "room": {"equipment": ["投影仪"], "own_room": False},
    }]

    write_yaml(out / "city.yaml", CITY_HEADER, [
        ("", "meta", {
            "id": "hanyang-twinning",
            "name": "汉阳区百名处级干部联系服务百家企业及城乡结对共建 2026 年走访计划",
            "locale": "zh",
            "timezone": "Asia/Shanghai",
            "start": date(2026, 1, 1),
            "end": date(2026, 12, 31),
            "description": "处级干部定期走访联系企业，机关和社区与村结对互访（一帮一、多帮一、"
            "一帮多），走访制度化、常态化，不只在节日。",
        }),
        ("50 个机关、100 家企业、15 个社区、33 个村", "organisations", "orgs.csv"),
        ("", "centres", [centre]),
        ("唯一的活动系列：帮扶单位每季度一次的工作推进会", "series", series),
        ("100 对干部联系企业 + 26 组城乡结对", "twinning", "twinning.csv"),
        ("2025 年第四季度的最后一次互访", "history", {"visits": "history.csv"}),
        ("互访常态化，不扎堆在节前：春节前一周不安排，调休上班的周末不安排，"
         "任一天的互访不超过全年日均的 2 倍", "visiting", {
            "peak": 2.0,
            "avoid": [{"start": date(2026, 2, 9), "end": date(2026, 2, 16),
                       "reason": "春节前一周"}],
            "adjusted_weekends": False,
        }),
    ])


def main() -> None:
    build_park()
    build_district()
    build_city()


if __name__ == "__main__":
    main()
