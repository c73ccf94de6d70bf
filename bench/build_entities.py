"""Build ``ingest/data/entities.json`` (the speaker entity catalog) from pycountry + hand lists.

    python bench/build_entities.py

pycountry ships Arabic ISO-3166 names; they are formal ("الجمهورية العربية السورية") and
carry shadda, so common names, Arabic variants and nisba adjectives are added here. The
runtime reads only the JSON; pycountry is a build-time dependency of this script alone.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from pathlib import Path

import pycountry

from ingest.arabic import DIACRITICS, has_arabic

OUT = Path(__file__).resolve().parents[1] / "ingest" / "data" / "entities.json"
_DIA = re.compile(f"[{DIACRITICS}\u0640]")

# Arabic common names / variants used by Arabic news (pycountry names are formal).
AR_OVERRIDES: dict[str, list[str]] = {
    "ARE": ["الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات"],
    "USA": ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية",
            "أمريكا", "أميركا", "واشنطن"],
    "GBR": ["بريطانيا", "المملكة المتحدة", "لندن"],
    "RUS": ["روسيا", "الاتحاد الروسي", "روسيا الاتحادية", "موسكو"],
    "SYR": ["سوريا", "سورية", "الجمهورية العربية السورية", "دمشق"],
    "IRN": ["إيران", "الجمهورية الإسلامية الإيرانية", "طهران"],
    "KOR": ["كوريا الجنوبية", "سيول"],
    "PRK": ["كوريا الشمالية", "بيونغ يانغ"],
    "PSE": ["فلسطين", "دولة فلسطين"],
    "SAU": ["السعودية", "المملكة العربية السعودية", "الرياض"],
    "CZE": ["التشيك", "جمهورية التشيك"],
    "HUN": ["المجر", "هنغاريا"],
    "BLR": ["بيلاروسيا", "روسيا البيضاء"],
    "SRB": ["صربيا"],
    "MDA": ["مولدوفا"],
    "LAO": ["لاوس"],
    "VNM": ["فيتنام"],
    "VEN": ["فنزويلا"],
    "TZA": ["تنزانيا"],
    "BOL": ["بوليفيا"],
    "TUR": ["تركيا", "أنقرة"],
    "EGY": ["مصر", "القاهرة"],
    "ISR": ["إسرائيل", "تل أبيب"],
    "CHN": ["الصين", "بكين"],
    "FRA": ["فرنسا", "باريس"],
    "DEU": ["ألمانيا", "برلين"],
    "QAT": ["قطر", "الدوحة"],
    "JOR": ["الأردن"],
    "OMN": ["سلطنة عمان", "عمان"],
    "YEM": ["اليمن", "صنعاء"],
    "IRQ": ["العراق", "بغداد"],
    "LBN": ["لبنان", "بيروت"],
    "KWT": ["الكويت"],
    "BHR": ["البحرين", "المنامة"],
    "AZE": ["أذربيجان", "باكو"],
    "ARM": ["أرمينيا", "يريفان"],
    "UKR": ["أوكرانيا", "كييف"],
    "JPN": ["اليابان", "طوكيو"],
    "AUT": ["النمسا"],
    "NLD": ["هولندا"],
    "COD": ["الكونغو الديمقراطية"],
    "MKD": ["مقدونيا الشمالية", "مقدونيا"],
    "MNE": ["الجبل الأسود"],
    "CIV": ["ساحل العاج"],
}
# Irregular nisba adjectives (masculine singular, no article).
NISBA: dict[str, list[str]] = {
    "USA": ["أمريكي", "أميركي"],
    "GBR": ["بريطاني"],
    "ARM": ["أرميني", "أرمني"],
    "ARE": ["إماراتي"],
    "SAU": ["سعودي"],
    "PSE": ["فلسطيني"],
    "RUS": ["روسي"],
    "SYR": ["سوري"],
    "KOR": ["كوري جنوبي"],
    "PRK": ["كوري شمالي"],
    "CZE": ["تشيكي"],
    "HUN": ["مجري"],
    "NLD": ["هولندي"],
    "AUT": ["نمساوي"],
    "OMN": ["عماني"],
    "BLR": ["بيلاروسي"],
    "AFG": ["أفغاني"],
    "TUR": ["تركي"],
    "GRC": ["يوناني"],
    "LBY": ["ليبي"],
}
# States whose Arabic name takes masculine agreement (most take feminine).
MASC = {"IRQ", "LBN", "YEM", "JOR", "SDN", "MAR", "KWT"}
EN_ACRONYMS = {"USA": ["US", "USA", "United States", "America"], "GBR": ["UK", "Britain"],
               "ARE": ["UAE"], "SAU": ["KSA", "Saudi Arabia"], "RUS": ["Russia"],
               "TUR": ["Turkey"], "IRN": ["Iran"], "SYR": ["Syria"]}

# International bodies, movements, agencies: (id, en, [ar surfaces], [en aliases], gender).
BODIES: list[tuple[str, str, list[str], list[str], str]] = [
    ("un", "United Nations", ["الأمم المتحدة", "منظمة الأمم المتحدة"], ["UN", "U.N."], "f"),
    ("unsc", "UN Security Council", ["مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة",
                                     "مجلس الأمن"], ["UNSC", "Security Council"], "m"),
    ("unga", "UN General Assembly", ["الجمعية العامة للأمم المتحدة"], ["UNGA"], "f"),
    ("csto", "Collective Security Treaty Organization", ["منظمة معاهدة الأمن الجماعي"],
     ["CSTO"], "f"),
    ("nato", "NATO", ["حلف شمال الأطلسي", "حلف الناتو", "الناتو", "حلف الأطلسي"],
     ["North Atlantic Treaty Organization"], "m"),
    ("eu", "European Union", ["الاتحاد الأوروبي", "الاتحاد الأوربي"], ["EU"], "m"),
    ("osce", "OSCE", ["منظمة الأمن والتعاون في أوروبا"],
     ["Organization for Security and Co-operation in Europe"], "f"),
    ("arab-league", "Arab League", ["جامعة الدول العربية", "الجامعة العربية"],
     ["League of Arab States"], "f"),
    ("gcc", "Gulf Cooperation Council", ["مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية",
                                         "مجلس التعاون"], ["GCC"], "m"),
    ("iaea", "International Atomic Energy Agency", ["الوكالة الدولية للطاقة الذرية"], ["IAEA"],
     "f"),
    ("who", "World Health Organization", ["منظمة الصحة العالمية"], ["WHO"], "f"),
    ("ocha", "UN Office for the Coordination of Humanitarian Affairs",
     ["مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "مكتب تنسيق الشؤون الإنسانية"], ["OCHA"], "m"),
    ("unhcr", "UNHCR", ["المفوضية السامية للأمم المتحدة لشؤون اللاجئين",
                        "مفوضية الأمم المتحدة لشؤون اللاجئين", "مفوضية اللاجئين"],
     ["UN Refugee Agency"], "f"),
    ("unicef", "UNICEF", ["منظمة الأمم المتحدة للطفولة", "اليونيسف", "يونيسف"], [], "f"),
    ("wfp", "World Food Programme", ["برنامج الأغذية العالمي"], ["WFP"], "m"),
    ("icrc", "International Committee of the Red Cross",
     ["اللجنة الدولية للصليب الأحمر", "الصليب الأحمر"], ["ICRC", "Red Cross"], "f"),
    ("hrw", "Human Rights Watch", ["هيومن رايتس ووتش", "منظمة هيومن رايتس ووتش"], ["HRW"], "f"),
    ("amnesty", "Amnesty International", ["منظمة العفو الدولية", "العفو الدولية"], [], "f"),
    ("msf", "Doctors Without Borders", ["أطباء بلا حدود"], ["MSF"], "f"),
    ("oic", "Organisation of Islamic Cooperation", ["منظمة التعاون الإسلامي"], ["OIC"], "f"),
    ("african-union", "African Union", ["الاتحاد الأفريقي", "الاتحاد الإفريقي"], ["AU"], "m"),
    ("imf", "International Monetary Fund", ["صندوق النقد الدولي"], ["IMF"], "m"),
    ("world-bank", "World Bank", ["البنك الدولي"], [], "m"),
    ("icc", "International Criminal Court", ["المحكمة الجنائية الدولية"], ["ICC"], "f"),
    ("opec", "OPEC", ["منظمة أوبك", "أوبك"], [], "f"),
    ("hamas", "Hamas", ["حماس", "حركة حماس", "حركة المقاومة الإسلامية"], [], "f"),
    ("fatah", "Fatah", ["فتح", "حركة فتح"], [], "f"),
    ("hezbollah", "Hezbollah", ["حزب الله"], ["Hizbullah", "Hizbollah"], "m"),
    ("houthis", "Houthis", ["الحوثيون", "الحوثيين", "جماعة الحوثي", "جماعة الحوثيين",
                            "أنصار الله"], ["Ansar Allah", "Houthi"], "m"),
    ("isis", "Islamic State (ISIS)", ["داعش", "تنظيم داعش", "تنظيم الدولة الإسلامية",
                                      "الدولة الإسلامية"], ["ISIS", "ISIL", "IS"], "m"),
    ("pkk", "Kurdistan Workers' Party (PKK)", ["حزب العمال الكردستاني"], ["PKK"], "m"),
    ("hdp", "Peoples' Democratic Party (HDP)", ["حزب الشعوب الديمقراطي"], ["HDP"], "m"),
    ("plo", "Palestine Liberation Organization", ["منظمة التحرير الفلسطينية", "منظمة التحرير"],
     ["PLO"], "f"),
    ("islamic-jihad", "Palestinian Islamic Jihad", ["حركة الجهاد الإسلامي", "الجهاد الإسلامي"],
     [], "f"),
    ("muslim-brotherhood", "Muslim Brotherhood", ["جماعة الإخوان المسلمين", "الإخوان المسلمين",
                                                  "الإخوان"], [], "f"),
    ("al-qaeda", "Al-Qaeda", ["تنظيم القاعدة", "القاعدة"], [], "m"),
    ("nusra", "Nusra Front", ["جبهة النصرة"], [], "f"),
    ("taliban", "Taliban", ["طالبان", "حركة طالبان"], ["Taliban"], "f"),
    ("syrian-coalition", "Syrian National Coalition", ["الائتلاف الوطني السوري"], [], "m"),
    ("spa", "Saudi Press Agency", ["وكالة الأنباء السعودية", "واس"], ["SPA"], "f"),
    ("qna", "Qatar News Agency", ["وكالة الأنباء القطرية", "قنا"], ["QNA"], "f"),
    ("irna", "IRNA", ["وكالة الأنباء الإيرانية", "إرنا"], [], "f"),
    ("reuters", "Reuters", ["رويترز", "وكالة رويترز"], [], "f"),
    ("afp", "Agence France-Presse", ["وكالة الصحافة الفرنسية", "فرانس برس", "وكالة فرانس برس"],
     ["AFP"], "f"),
    ("ap", "Associated Press", ["أسوشيتد برس", "وكالة أسوشيتد برس"], ["AP"], "f"),
    ("white-house", "White House", ["البيت الأبيض"], [], "m"),
    ("pentagon", "Pentagon", ["البنتاغون", "البنتاجون", "وزارة الدفاع الأمريكية"], [], "m"),
    ("kremlin", "Kremlin", ["الكرملين"], [], "m"),
    ("arab-coalition", "Saudi-led coalition", ["التحالف العربي", "قوات التحالف"], [], "m"),
]

# Ministry patterns: key → (English name, Arabic domain words as after وزارة).
MINISTRIES: dict[str, tuple[str, list[str]]] = {
    "foreign": ("Ministry of Foreign Affairs", ["الخارجية", "الشؤون الخارجية"]),
    "defence": ("Ministry of Defence", ["الدفاع"]),
    "interior": ("Ministry of Interior", ["الداخلية"]),
    "health": ("Ministry of Health", ["الصحة"]),
    "justice": ("Ministry of Justice", ["العدل"]),
    "finance": ("Ministry of Finance", ["المالية"]),
    "information": ("Ministry of Information", ["الإعلام"]),
    "economy": ("Ministry of Economy", ["الاقتصاد"]),
    "education": ("Ministry of Education", ["التعليم", "التربية والتعليم", "التربية"]),
    "energy": ("Ministry of Energy", ["الطاقة", "البترول", "النفط"]),
}


def _strip(s: str) -> str:
    return _DIA.sub("", s).replace("  ", " ").strip()


def _slug(en: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def _nisba(name: str) -> list[str]:
    """Regular nisba of an Arabic country name: أرمينيا→أرميني, البحرين→بحريني."""
    n = name[2:] if name.startswith("ال") else name
    if " " in n:
        return []
    if n.endswith("ية"):
        return [n[:-2] + "ي"]
    if n.endswith("يا"):
        return [n[:-1]]
    if n.endswith("ا") or n.endswith("ة"):
        return [n[:-1] + "ي"]
    return [n + "ي"]


def build() -> dict:
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    entities = []
    for c in pycountry.countries:
        en = getattr(c, "common_name", None) or c.name
        official = _strip(tr.gettext(c.name))
        names = AR_OVERRIDES.get(c.alpha_3, []) + [official]
        if "،" in official:  # "إيران، الجمهورية الإسلامية" → keep the head
            names.append(official.split("،")[0].strip())
        names = list(dict.fromkeys(n for n in names if n and has_arabic(n)))
        head = names[0]
        # Capitals are aliases for resolution only; adjectives come from the country name.
        nis = NISBA.get(c.alpha_3) or _nisba(head)
        adj = []
        for m in nis:
            adj += [m, m + "ة", "ال" + m, "ال" + m + "ة"]
        en_aliases = [c.name, en, c.alpha_3] + EN_ACRONYMS.get(c.alpha_3, [])
        if hasattr(c, "official_name"):
            en_aliases.append(c.official_name)
        entities.append(
            {
                "id": _slug(en),
                "type": "state",
                "ar": head,
                "en": en,
                "aliases_ar": names[1:],
                "adjectives_ar": adj,
                "aliases_en": list(dict.fromkeys(en_aliases)),
                "gender": "m" if c.alpha_3 in MASC else "f",
                "code": c.alpha_3,
            }
        )
    for eid, en, ar, en_al, g in BODIES:
        entities.append(
            {"id": eid, "type": "organization", "ar": ar[0], "en": en, "aliases_ar": ar[1:],
             "adjectives_ar": [], "aliases_en": [en] + en_al, "gender": g}
        )
    ministries = [
        {"key": k, "en": en, "domains_ar": doms} for k, (en, doms) in MINISTRIES.items()
    ]
    return {"version": 1, "entities": entities, "ministries": ministries}


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['entities'])} entities)")
