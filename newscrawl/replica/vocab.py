"""Fictional people, places and phrases the replica's text generator draws from.

Everything here is invented for the replica, so generated articles never reuse real reporting.
Names are built from syllable tables so each romanised name has a matching Korean spelling
(Yonhap puts the reporter's Korean name in its author meta).
"""

from __future__ import annotations

# Romanised syllable -> Hangul; names are "<Surname> <Syl1>-<syl2>".
SURNAMES: dict[str, str] = {
    "Kim": "김", "Lee": "이", "Park": "박", "Choi": "최", "Jung": "정", "Kang": "강",
    "Yoon": "윤", "Jang": "장", "Lim": "임", "Han": "한", "Oh": "오", "Seo": "서",
    "Shin": "신", "Kwon": "권", "Hwang": "황", "Ahn": "안", "Song": "송", "Yoo": "유",
    "Hong": "홍", "Bae": "배", "Nam": "남", "Moon": "문", "Baek": "백", "Noh": "노",
}
GIVEN: dict[str, str] = {
    "min": "민", "seo": "서", "ji": "지", "hoon": "훈", "yeon": "연", "woo": "우",
    "jin": "진", "soo": "수", "hyun": "현", "jae": "재", "young": "영", "eun": "은",
    "ho": "호", "ha": "하", "na": "나", "sung": "성", "kyung": "경", "tae": "태",
    "hee": "희", "won": "원", "bin": "빈", "gyu": "규", "ri": "리", "do": "도",
    "chan": "찬", "yul": "율", "ah": "아", "rim": "림", "sol": "솔", "joon": "준",
}

DESKS_KO: dict[str, str] = {"economy": "영문경제", "sports": "영문스포츠", "general": "영문뉴스부"}

# Foreign officials: invented names only.
JP_NAMES = ["Hiroshi Tanabe", "Kenji Arakawa", "Yuko Shimazu", "Daisuke Hayama", "Akira Nozomi",
            "Ryota Kasuga", "Emi Tsukada", "Shingo Ueda", "Naoki Horibe", "Kaori Sendo"]
US_NAMES = ["Ellen Marsh", "David Corrigan", "Laura Whitfield", "Michael Ortega", "Susan Pell",
            "Gregory Hale", "Rachel Dunmore", "Thomas Adair", "Nora Quinlan", "Brian Kessler"]
CN_NAMES = ["Liu Wenhao", "Zhao Minqiang", "Sun Yufei", "Wang Jiaheng", "Gao Lirong",
            "Chen Baoshan", "Xu Tianyi", "Ma Haoran"]
RU_NAMES = ["Pavel Sorokin", "Dmitri Volkhov", "Irina Lazareva", "Oleg Buryakin", "Sergei Tamarin"]
OTHER_ENVOYS = [("VN", "Vietnamese", "Nguyen Thanh Lam"), ("IN", "Indian", "Arjun Malhotra"),
                ("DE", "German", "Katrin Vollmer"), ("FR", "French", "Claire Delorme"),
                ("AU", "Australian", "James Whitlow"), ("ID", "Indonesian", "Rina Pratiwi"),
                ("PL", "Polish", "Tomasz Wrona"), ("BR", "Brazilian", "Lucas Ferreira"),
                ("SA", "Saudi", "Faisal Al-Harbi"), ("KZ", "Kazakh", "Aidar Seitkali")]

KR_TITLES = ["First Vice Foreign Minister", "Second Vice Foreign Minister", "Foreign Minister",
             "Deputy National Security Adviser", "Unification Minister",
             "Special Representative for Korean Peninsula Peace and Security Affairs",
             "Director General for Asian and Pacific Affairs", "Trade Minister",
             "Vice Defense Minister"]

PARTNERS = {
    "JP": {"country": "Japan", "adj": "Japanese", "capital": "TOKYO", "names": JP_NAMES,
           "titles": ["Vice Foreign Minister", "Foreign Minister", "Deputy Chief Cabinet Secretary",
                      "Director General of the Asian and Oceanian Affairs Bureau"],
           "issues": ["wartime forced labor compensation", "the treated water release",
                      "export controls on chip materials", "shuttle diplomacy between leaders",
                      "youth exchange programs", "fisheries consultations in the East Sea",
                      "the history textbook review", "visa-free travel arrangements"]},
    "US": {"country": "the United States", "adj": "U.S.", "capital": "WASHINGTON",
           "names": US_NAMES,
           "titles": ["Deputy Secretary of State", "Secretary of State",
                      "Assistant Secretary of State for East Asian and Pacific Affairs",
                      "Special Representative for North Korea", "Commerce Under Secretary"],
           "issues": ["extended deterrence", "semiconductor supply chains",
                      "the cost-sharing deal for U.S. troops", "civilian nuclear cooperation",
                      "export controls on advanced chips", "joint military drills",
                      "tariffs on electric vehicle batteries", "space and cyber cooperation"]},
    "CN": {"country": "China", "adj": "Chinese", "capital": "BEIJING", "names": CN_NAMES,
           "titles": ["Vice Foreign Minister", "Foreign Minister", "Assistant Foreign Minister",
                      "Ambassador to South Korea"],
           "issues": ["supply chains for key minerals", "the resumption of group tours",
                      "fine dust cooperation", "structures in the Yellow Sea",
                      "cultural content restrictions", "a visit by the Chinese leader",
                      "free trade agreement follow-up talks", "North Korean defectors in China"]},
    "RU": {"country": "Russia", "adj": "Russian", "capital": "MOSCOW", "names": RU_NAMES,
           "titles": ["Deputy Foreign Minister", "Ambassador to South Korea",
                      "Foreign Ministry spokesperson"],
           "issues": ["military cooperation with Pyongyang", "the safety of Korean nationals",
                      "export restrictions", "arms transfers to North Korea",
                      "the status of Korean companies in Russia"]},
}

CITIES_ABROAD = {"JP": ["Tokyo", "Osaka", "Hiroshima"],
                 "US": ["Washington", "New York", "Honolulu"],
                 "CN": ["Beijing", "Shanghai", "Qingdao"], "RU": ["Moscow", "Vladivostok"]}
KR_CITIES = ["Seoul", "Busan", "Incheon", "Jeju", "Gyeongju", "Daegu"]

MEETINGS = ["strategic dialogue", "vice-ministerial talks", "foreign ministers' talks",
            "working-level consultations", "summit talks", "director-general-level talks",
            "security policy dialogue", "high-level economic dialogue"]

KBO_TEAMS = ["Doosan Bears", "LG Twins", "Kiwoom Heroes", "SSG Landers", "KT Wiz",
             "NC Dinos", "Lotte Giants", "Samsung Lions", "Kia Tigers", "Hanwha Eagles"]
BALLPARKS = ["Jamsil Baseball Stadium", "Gocheok Sky Dome", "Sajik Stadium",
             "Lions Park in Daegu", "Champions Field in Gwangju", "Suwon KT Wiz Park"]

COMPANIES = ["Hanbit Chemical", "Daeyeon Motors", "Seorin Electronics", "Gaon Shipbuilding",
             "Mirim Bio", "Haneul Airlines", "Taesan Steel", "Norae Telecom", "Bitgaram Energy",
             "Sae-il Logistics", "Jinmyung Pharma", "Onnuri Foods", "Dasom Games",
             "Uri Battery Solutions", "Cheongsol Construction", "Nuri Semicon"]
PRODUCTS = ["solid-state batteries", "high-bandwidth memory chips", "LNG carriers",
            "electric SUVs", "biosimilar drugs", "humanoid robots", "hydrogen fuel cells",
            "foldable displays", "small modular reactors", "satellite antennas"]

KPOP_ACTS = ["Starlume", "NOVA9", "Haebit", "Blue Orchid", "MOONRISE", "Ardent",
             "Lumi & Co", "Seventh Tide", "Kaleido", "Iris Gate"]
FILMS = ["The Quiet Harbor", "Winter Ledger", "Nine Lanterns", "The Salt Road",
         "Paper Crowns", "Ember Street", "The Last Ferry", "Moon Orchard"]
FESTIVALS = ["Busan Film Week", "Seoul Lantern Festival", "Jeonju Folk Music Fair",
             "Gangneung Coffee Festival", "Andong Mask Dance Festival"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec."]
KH_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

# Korean sample sentences for the "wrong language" bad page (written for the replica).
KOREAN_LINES = [
    "한국과 가상의 이웃 나라가 오늘 서울에서 차관급 회의를 열었다.",
    "양측은 경제 협력과 인적 교류를 넓히는 방안을 논의했다고 외교부가 밝혔다.",
    "회의는 예정보다 한 시간가량 길어졌으며 다음 회의 일정은 정해지지 않았다.",
    "이 기사는 복제 사이트의 시험용 문서로 작성되었다.",
]
