"""Composes headlines, paragraphs and captions for the replica from templates.

An article is planned as an *event* (a small dict of slot values chosen at build time) and its
text is written from that event on demand with its own seeded RNG, so a 10,000-article site builds
fast and still gives every article distinct prose. Each template pool is split by a *style*
(even/odd positions): near-miss siblings are written in opposite styles, so two reports of the
same talks share facts but not sentences.
"""

from __future__ import annotations

import random
from datetime import date

from newscrawl.replica import vocab as V

DIPLOMACY = ("kr_jp", "kr_us", "kr_cn", "kr_ru")
TOPIC_PAIRS: dict[str, list[list[str]]] = {
    "kr_jp": [["JP", "KR"]], "kr_us": [["KR", "US"]], "kr_cn": [["CN", "KR"]],
    "kr_ru": [["KR", "RU"]],
    "tri_us_jp": [["JP", "KR"], ["JP", "US"], ["KR", "US"]],
    "tri_jp_cn": [["CN", "JP"], ["CN", "KR"], ["JP", "KR"]],
}


def korean_name(rng: random.Random) -> tuple[str, str]:
    """A fictional Korean name, romanised and in Hangul."""
    sur = rng.choice(list(V.SURNAMES))
    a, b = rng.sample(list(V.GIVEN), 2)
    return f"{sur} {a.capitalize()}-{b}", V.SURNAMES[sur] + V.GIVEN[a] + V.GIVEN[b]


def pick(rng: random.Random, pool: list[str], style: int) -> str:
    """One template from the half of the pool that belongs to `style`."""
    half = pool[style % 2::2] or pool
    return rng.choice(half)


def make_event(rng: random.Random, topic: str, day: date) -> dict[str, object]:
    """Slot values shared by every article that reports this event."""
    ev: dict[str, object] = {"topic": topic, "wd": V.WEEKDAYS[day.weekday()],
                             "day": day.isoformat()}
    kr_name, _ = korean_name(rng)
    ev["k_title"] = rng.choice(V.KR_TITLES[:4])
    ev["k_name"] = kr_name
    ev["n1"] = rng.randint(2, 40)
    ev["n2"] = rng.randint(3, 95)
    if topic in DIPLOMACY or topic.startswith("tri_"):
        code = {"kr_jp": "JP", "kr_us": "US", "kr_cn": "CN", "kr_ru": "RU",
                "tri_us_jp": "US", "tri_jp_cn": "JP"}[topic]
        p = V.PARTNERS[code]
        ev["code"] = code
        ev["f_name"] = rng.choice(p["names"])
        ev["f_title"] = rng.choice(p["titles"])
        ev["issues"] = rng.sample(p["issues"], 3)
        ev["meeting"] = rng.choice(V.MEETINGS[:6] if topic != "kr_ru" else V.MEETINGS[3:4])
        abroad = rng.random() < 0.35
        ev["abroad"] = abroad
        ev["city"] = rng.choice(V.CITIES_ABROAD[code]) if abroad else rng.choice(V.KR_CITIES[:3])
        if topic == "tri_us_jp":
            ev["third"] = "JP"
            ev["t_name"] = rng.choice(V.JP_NAMES)
        elif topic == "tri_jp_cn":
            ev["third"] = "CN"
            ev["t_name"] = rng.choice(V.CN_NAMES)
    elif topic == "envoy":
        code, adj, name = rng.choice(V.OTHER_ENVOYS)
        ev.update(code=code, adj=adj, f_name=name, n_years=rng.choice([30, 35, 40, 50, 60, 65]))
    elif topic == "nk":
        ev["weapon"] = rng.choice(["short-range ballistic missiles", "a cruise missile",
                                   "an intermediate-range ballistic missile", "artillery shells",
                                   "a solid-fuel missile", "trash-laden balloons"])
        ev["place"] = rng.choice(["the East Sea", "the Yellow Sea", "the border area",
                                  "its west coast", "the Pyongyang area"])
    elif topic == "business":
        ev["company"] = rng.choice(V.COMPANIES)
        ev["product"] = rng.choice(V.PRODUCTS)
        ev["amount"] = f"{rng.randint(2, 900)} billion won"
    elif topic == "sports":
        ev["home"], ev["away"] = rng.sample(V.KBO_TEAMS, 2)
        ev["park"] = rng.choice(V.BALLPARKS)
        p1, _ = korean_name(rng)
        p2, _ = korean_name(rng)
        ev["player"], ev["pitcher"] = p1, p2
        ev["score"] = f"{rng.randint(4, 12)}-{rng.randint(0, 3)}"
    elif topic == "culture":
        ev["act"] = rng.choice(V.KPOP_ACTS)
        ev["film"] = rng.choice(V.FILMS)
        ev["festival"] = rng.choice(V.FESTIVALS)
        ev["sub"] = rng.choice(["kpop", "film", "festival"])
    elif topic == "politics":
        ev["party"] = rng.choice(["the ruling party", "the main opposition party"])
        ev["bill"] = rng.choice(["a special act on semiconductor subsidies",
                                 "a pension reform bill", "a revision to the election law",
                                 "a bill on rental fraud relief", "the extra budget bill",
                                 "a bill on regional hospitals"])
    return ev


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def slots(ev: dict[str, object]) -> dict[str, object]:
    """Derived slot strings for templates."""
    s = dict(ev)
    n1 = int(ev["n1"])  # type: ignore[call-overload]
    s["n3"] = n1 % 5 + 2
    s["nth"] = _ordinal(n1 % 12 + 2)
    s["debut"] = 2012 + n1 % 10
    s["K"] = f"{ev['k_title']} {ev['k_name']}"
    s["Ks"] = str(ev["k_name"]).split()[0]
    code = ev.get("code")
    if code in V.PARTNERS:
        p = V.PARTNERS[code]
        s["fc"] = p["country"]
        s["Fc"] = p["country"][0].upper() + p["country"][1:]
        s["fadj"] = p["adj"]
        s["F"] = f"{p['adj']} {ev['f_title']} {ev['f_name']}"
        s["Fs"] = str(ev["f_name"]).split()[-1] if code != "CN" else str(ev["f_name"]).split()[0]
        s["i1"], s["i2"], s["i3"] = ev["issues"]  # type: ignore[misc]
        s["short"] = {"JP": "Japan", "US": "U.S.", "CN": "China", "RU": "Russia"}[code]
    if "third" in ev:
        t = V.PARTNERS[str(ev["third"])]
        s["tc"] = t["country"]
        s["tadj"] = t["adj"]
    return s


# --- headlines -------------------------------------------------------------------------------

HEAD = {
    "dip": ["S. Korea, {short} hold {meeting} on {i1}",
            "S. Korea, {short} agree to step up talks on {i1}",
            "Seoul, {fc_short_city} discuss {i1}, {i2} in {meeting}",
            "{Ks}, {Fs} vow to keep momentum in S. Korea-{short} ties",
            "S. Korean, {fadj} diplomats narrow gaps over {i1}",
            "S. Korea urges {short} to address {i1} at {meeting}",
            "Vice FM {Ks} meets {fadj} counterpart ahead of {meeting}",
            "S. Korea, {short} to hold next round of {meeting} in {city}"],
    "tri": ["S. Korea, {short}, {tadj_short} envoys coordinate on {i1}",
            "Trilateral talks in {city} focus on {i1}",
            "Top diplomats of S. Korea, {short}, {tadj_short} meet over regional security",
            "S. Korea seeks three-way push on {i1} with {short}, {tadj_short}"],
    "envoy": ["{adj} envoy marks {n_years} years of ties with S. Korea",
              "{adj} ambassador hosts reception on bilateral anniversary",
              "[Diplomatic Circuit] {adj} embassy celebrates national day in Seoul",
              "{adj} envoy pledges deeper trade, culture exchanges with Korea"],
    "nk": ["N. Korea fires {weapon} into {place}: JCS",
           "N. Korea launches {weapon} toward {place}",
           "Military on alert after N. Korea fires {weapon}",
           "N. Korea's latest launch of {weapon} draws condemnation"],
    "business": ["{company} to invest {amount} in {product}",
                 "{company} posts record quarterly profit on {product} demand",
                 "{company} wins order for {product} worth {amount}",
                 "{company} unveils next-generation {product}"],
    "sports": ["{home} beat {away} {score} behind {player}'s homer",
               "{pitcher} fans {n3} as {home} top {away}",
               "{home} extend winning streak to {n3} games",
               "{player} hits walk-off single as {home} edge {away}"],
    "culture_kpop": ["{act} to release new album next month",
                     "{act} tops Billboard World Albums chart",
                     "{act} to kick off world tour in Seoul",
                     "{act}'s new single tops local music charts"],
    "culture_film": ["'{film}' wins top prize at {festival}",
                     "'{film}' invited to international film festival",
                     "'{film}' tops local box office for {n3}rd week",
                     "Director of '{film}' says new work explores family ties"],
    "culture_festival": ["{festival} draws record crowds",
                         "{festival} opens with {n2} events",
                         "{festival} to go international this year",
                         "Foreign visitors flock to {festival}"],
    "politics": ["Parliament passes {bill}", "{party_cap} vows to push {bill}",
                 "Rival parties clash over {bill}", "Committee delays vote on {bill}"],
}


def headline(ev: dict[str, object], rng: random.Random, style: int) -> str:
    """A headline in Yonhap's style (S. Korea, N. Korea, no final period)."""
    s = slots(ev)
    topic = str(ev["topic"])
    if topic in DIPLOMACY:
        pool = HEAD["dip"]
    elif topic.startswith("tri_"):
        pool = HEAD["tri"]
        s["tadj_short"] = {"JP": "Japan", "CN": "China"}[str(ev["third"])]
    else:
        pool = HEAD[_family(topic, ev.get("sub"))]
    s["fc_short_city"] = {"JP": "Tokyo", "US": "Washington", "CN": "Beijing",
                          "RU": "Moscow"}.get(str(ev.get("code")), "partners")
    s["party_cap"] = str(ev.get("party", "")).capitalize()
    return pick(rng, pool, style).format(**s)


# --- body sentences --------------------------------------------------------------------------

LEAD = {
    "dip": ["South Korea and {fc} held {meeting} in {city} on {wd}, discussing {i1} and other "
            "pending issues, Seoul's foreign ministry said.",
            "{K} and {F} met in {city} on {wd} and agreed to keep up high-level exchanges on {i1}, "
            "officials said.",
            "Senior diplomats of South Korea and {fc} sat down for {meeting} on {wd}, their first "
            "such meeting in {n1} months, with {i1} topping the agenda.",
            "Seoul and {fc} pledged on {wd} to deepen cooperation on {i1} during {meeting} held in "
            "{city}, according to the foreign ministry.",
            "South Korea pressed {fc} on {i1} when the two sides' senior officials met for "
            "{meeting} in {city} on {wd}."],
    "tri": ["Senior diplomats from South Korea, {fc} and {tc} met in {city} on {wd} to "
            "coordinate their approach to {i1}, the foreign ministry said.",
            "The three-way meeting of South Korea, {fc} and {tc} in {city} on {wd} focused on "
            "{i1} and regional security, officials said."],
    "envoy": ["{adj} Ambassador {f_name} hosted a reception in Seoul on {wd} to mark {n_years} "
              "years of diplomatic relations between the two countries.",
              "The {adj} Embassy in Seoul celebrated its national day on {wd} with some "
              "{n2}0 guests, including government officials and business leaders."],
    "nk": ["North Korea fired {weapon} into {place} on {wd}, the Joint Chiefs of Staff (JCS) "
           "said, in its latest show of force.",
           "The North launched {weapon} toward {place} on {wd}, South Korea's military said, "
           "days after it warned of countermeasures against allied drills."],
    "business": ["{company} said {wd} it will invest {amount} over the next {n1} years to expand "
                 "production of {product}.",
                 "{company} reported an operating profit of {amount} for the quarter on {wd}, "
                 "helped by strong overseas demand for {product}."],
    "sports": ["The {home} defeated the {away} {score} at {park} on {wd}, with {player} driving in "
               "{n3} runs.",
               "{pitcher} struck out {n3} batters over seven innings as the {home} beat the "
               "{away} {score} at {park} on {wd}."],
    "culture_kpop": ["K-pop group {act} will release its new album next month, its agency "
                     "said {wd}.",
                     "{act} topped a major global album chart this week, its agency said {wd}."],
    "culture_film": ["The film '{film}' won the top prize at this year's {festival} on {wd}, "
                     "organizers said.",
                     "'{film}' drew {n2}0,000 moviegoers over the weekend, topping the local box "
                     "office, data showed {wd}."],
    "culture_festival": ["This year's {festival} drew a record {n2},000 visitors over its first "
                         "weekend, organizers said {wd}.",
                         "The {festival} opened {wd} with {n2} events across the city."],
    "politics": ["The National Assembly on {wd} passed {bill} after months of wrangling between "
                 "the rival parties.",
                 "{party_cap} said {wd} it will push to pass {bill} within the month despite "
                 "objections from the other side."],
}

BODY = {
    "dip": [
        "The two sides also exchanged views on {i2}, the ministry said in a press release.",
        "{Ks} called for \"substantive progress\" on {i1}, noting that public interest in the "
        "issue remains high in both countries.",
        "{Fs} was quoted as saying that {fc} values its relationship with South Korea and hopes "
        "to expand exchanges in various fields.",
        "The meeting lasted about {n3}0 minutes longer than scheduled, a ministry official said.",
        "They agreed to hold the next round of talks at an early date, though no date was set.",
        "Officials said the talks also touched on {i3}, an issue that has weighed on relations "
        "in recent years.",
        "The ministry described the atmosphere of the talks as \"candid and constructive.\"",
        "Experts said the meeting signals a willingness on both sides to manage differences "
        "through dialogue.",
        "The two diplomats shared the view that close communication is needed to respond to "
        "North Korea's continued weapons tests.",
        "{Ks} explained Seoul's position on {i2} and asked for continued consultations at the "
        "working level.",
        "The talks come as the two countries prepare for a possible leaders' meeting later this "
        "year.",
        "A government source said the agenda had been coordinated over the past {n1} weeks.",
        "{Fs} said {fc} would consider Seoul's proposals on {i2} \"in a positive light.\"",
        "South Korea has sought to put its relations with {fc} on a more stable footing "
        "since last year.",
        "It was the {nth} meeting between senior officials of the two countries this year.",
        "Both sides agreed to launch a working group on {i3} within weeks.",
        "Observers noted that the two sides issued no joint statement after the meeting.",
        "The foreign ministry said the discussions would feed into preparations for a higher-level "
        "visit.",
        "Civic groups rallied near the venue, calling on the government to take a firmer stance "
        "on {i1}.",
        "The ministry said the two officials also discussed ways to boost people-to-people "
        "exchanges, which have recovered to about {n2} percent of pre-pandemic levels.",
        "Analysts in {city} said the talks were unlikely to produce a breakthrough on {i1} soon.",
        "The two sides will brief reporters separately on the outcome, officials said.",
        "{Ks} later met business leaders to explain the results of the talks.",
        "The delegations agreed to keep the momentum for improved ties, the ministry added.",
    ],
    "nk": [
        "The JCS said the missiles flew about {n2}0 kilometers before splashing into the sea.",
        "South Korean and U.S. intelligence authorities are analyzing the details of the launch.",
        "The launch marks the North's {n1}th show of force this year.",
        "The military said it has bolstered its surveillance and is maintaining a full readiness "
        "posture.",
        "Seoul's National Security Council convened an emergency meeting shortly after the launch.",
        "Pyongyang has bristled at joint exercises by South Korea and the United States, calling "
        "them rehearsals for invasion.",
        "Japan's defense ministry also confirmed the launch and said no damage was reported.",
        "Experts said the North may be testing new capabilities ahead of a key party meeting.",
        "The unification ministry urged the North to stop provocations and return to dialogue.",
        "The North's state media did not immediately report on the launch.",
        "Officials said the launch violated multiple U.N. Security Council resolutions.",
        "Residents of border islands were told to remain alert, local officials said.",
    ],
    "business": [
        "The company said the investment will create about {n2}0 jobs at its plants.",
        "Shares of {company} rose {n1} percent on the Seoul bourse following the announcement.",
        "Analysts expect demand for {product} to grow steadily over the next few years.",
        "The firm plans to begin mass production in the second half of next year.",
        "{company} said it is also considering building a plant overseas to be closer to "
        "customers.",
        "Sales rose {n2} percent from a year earlier, beating market expectations.",
        "The company attributed the gain to cost cuts and a favorable exchange rate.",
        "Industry watchers said competition in the sector has intensified as rivals expand "
        "capacity.",
        "The government has pledged tax benefits for investments in strategic industries.",
        "{company} said it will unveil further details at an investor meeting next month.",
        "The company's chief executive said the project is key to its long-term growth.",
        "Its net profit came to {n1}0 billion won, up from a year ago.",
    ],
    "sports": [
        "{player} went 3-for-4 with a home run and two doubles.",
        "The {away} have now lost {n3} of their last 10 games.",
        "{pitcher} allowed just four hits and a walk over his outing.",
        "A crowd of {n2},000 filled the stands for the weekend series.",
        "The {home} moved into sole possession of second place in the standings.",
        "The bullpen held on despite a late rally in the ninth inning.",
        "The manager said after the game that the team's hitters are finally finding their rhythm.",
        "The two clubs will meet again in a three-game series next week.",
        "The KBO said attendance this season is on pace for a record.",
        "{player} leads the league with {n1} home runs this season.",
        "The {away} starter gave up five runs in the third inning.",
        "Rain delayed the start of the game by about 40 minutes.",
    ],
    "culture_kpop": [
        "The album will feature {n3} new tracks, including a title song co-written by the members.",
        "The group will also embark on a world tour starting in the fall.",
        "Its previous album sold more than {n2}0,000 copies in its first week.",
        "Tickets for the concerts sold out within minutes, the agency said.",
        "The group debuted in {debut} and has since built a large international fan base.",
        "A music video for the title track will be released at the same time.",
        "The members took part in writing and producing most of the songs.",
        "Fans gathered outside the agency building to celebrate the news.",
        "The group's fan club has grown to about {n2}0,000 members worldwide.",
        "Music critics said the new sound marks a departure from the group's earlier work.",
    ],
    "culture_film": [
        "The jury praised the film for its restrained storytelling and strong performances.",
        "The director said in a statement that he was grateful to the cast and crew.",
        "Critics said the work reflects a growing confidence in Korean storytelling.",
        "The film follows {n3} strangers who meet on a night ferry.",
        "It has been sold to distributors in {n1} countries, its sales agent said.",
        "The lead actress also won a best performance award.",
        "The film was shot over {n3} months on the southern coast.",
        "Its streaming release is set for later this year.",
    ],
    "culture_festival": [
        "The festival features {n2} events, including performances and exhibitions.",
        "Organizers said foreign visitors accounted for about {n1} percent of the audience.",
        "The event runs through the end of the month.",
        "Local restaurants and shops reported a sharp rise in sales during the festival.",
        "The city added shuttle buses to handle the crowds.",
        "A fireworks show is scheduled for the closing night.",
        "Admission is free for children and seniors, organizers said.",
        "The festival began in {debut} as a small neighborhood event.",
    ],
    "politics": [
        "The bill passed with {n2} votes in favor in the 300-seat assembly.",
        "The opposition walked out of the plenary session in protest.",
        "The presidential office said it respects the parliament's decision.",
        "Lawmakers have debated the measure for {n1} months.",
        "Critics said the bill lacks funding details.",
        "The floor leaders of the two parties failed to narrow their differences.",
        "The measure will take effect six months after its promulgation.",
        "Civic groups welcomed the passage, calling it long overdue.",
        "The justice ministry said it will prepare enforcement decrees quickly.",
        "Public opinion polls have shown strong support for the measure.",
        "A parliamentary committee will hold hearings next week.",
        "The party said it would seek a compromise with the government.",
    ],
}
BODY["tri"] = BODY["dip"]
BODY["envoy"] = [
    "The ambassador said the two countries have built a strong partnership in trade, energy and "
    "culture.",
    "Bilateral trade reached about ${n1} billion last year, according to embassy data.",
    "Guests enjoyed traditional music and food from the ambassador's home country.",
    "A South Korean vice minister attended and delivered congratulatory remarks.",
    "The envoy said more students from his country are choosing to study in Korea.",
    "The embassy plans a series of cultural events in Seoul throughout the year.",
    "Direct flights between the two capitals have increased to {n1} a week.",
    "The ambassador thanked Korean companies for their investments in his country.",
    "He expressed hope for a visit by a South Korean leader in the near future.",
    "Both governments are negotiating an economic partnership agreement.",
]

QUOTES: dict[str, tuple[list[str], list[str]]] = {
    "sports": (["I think", "Honestly,", "The way I see it,", "I told the guys that",
                "Our coaches believe"],
               ["we finally played our kind of baseball", "the bullpen did a great job tonight",
                "every game matters at this point", "I was just looking for a fastball",
                "the fans gave us a lot of energy", "we need to keep this rhythm going"]),
    "business": (["We expect that", "Our view is that", "The market believes that",
                  "It is clear that"],
                 ["demand will recover in the second half", "margins will stay under pressure",
                  "the new line will pay off within three years",
                  "customers want more efficient products", "costs will ease next year"]),
    "culture": (["We are thrilled that", "We hope that", "It means a lot that",
                 "We never expected that"],
                ["fans around the world connected with the story",
                 "audiences enjoyed every moment", "our work reached so many people",
                 "the new songs show a different side of us"]),
    "nk": (["We assess that", "It appears that", "We believe that"],
           ["the North is testing new capabilities", "more launches could follow",
            "the launch was aimed at raising tension", "close allied coordination is essential"]),
    "politics": (["We made it clear that", "The public wants", "We believe that"],
                 ["the bill must be handled fairly", "both parties work together",
                  "the law should take effect without delay", "further talks are needed"]),
}
QUOTE_OPEN = ["We agreed that", "Both sides recognized that", "I made it clear that",
              "We share the view that", "There was a consensus that", "We confirmed that",
              "It is important to stress that", "Our position remains that"]
QUOTE_MID = ["dialogue should continue at every level", "the relationship has room to grow",
             "pending issues must be handled with care", "cooperation serves both peoples",
             "we cannot afford to lose momentum", "practical results matter more than words",
             "regional stability is in our common interest", "trust takes time to build",
             "economic security ties deserve more attention", "young people should lead exchanges"]


def quote(s: dict[str, object], rng: random.Random, used: set[str] | None = None) -> str:
    """A made-up quote assembled from fragments (combinatorial, so rarely repeated)."""
    fam = _family(str(s["topic"]), s.get("sub"))
    opens, mids = QUOTES.get(fam.split("_")[0], (QUOTE_OPEN, QUOTE_MID))
    default = rng.choice([s.get("Ks", "the official"), s.get("Fs", s.get("Ks", "he"))])
    speaker = {"sports": str(s.get("player", "the manager")).split()[0],
               "business": "a company official", "culture": "the agency",
               "nk": "a military official", "politics": f"Rep. {s['k_name']}"}.get(
        fam.split("_")[0], default)
    used = used if used is not None else set()
    for _ in range(6):
        a, b = rng.choice(opens), rng.choice(mids)
        if b not in used:
            break
    used.add(b)
    c = rng.choice([m for m in mids if m not in used] or mids)
    used.add(c)
    return f"\"{a} {b},\" {speaker} told reporters, adding that {c}."


def _family(topic: str, sub: object = None) -> str:
    if topic == "culture":
        return f"culture_{sub or 'kpop'}"
    if topic in DIPLOMACY:
        return "dip"
    if topic.startswith("tri_"):
        return "tri"
    return topic


def lead_sentence(ev: dict[str, object], rng: random.Random, style: int) -> str:
    """The first sentence, which follows the dateline."""
    s = slots(ev)
    s["party_cap"] = str(ev.get("party", "")).capitalize()
    return pick(rng, LEAD[_family(str(ev["topic"]), ev.get("sub"))], style).format(**s)


def paragraphs(ev: dict[str, object], rng: random.Random, count: int, style: int) -> list[str]:
    """`count` paragraphs (the first is the lead); no dateline, no byline."""
    s = slots(ev)
    s["party_cap"] = str(ev.get("party", "")).capitalize()
    fam = _family(str(ev["topic"]), ev.get("sub"))
    pool = BODY[fam][style % 2::2] + BODY[fam][(style + 1) % 2::2][:4]
    rng.shuffle(pool)
    out = [lead_sentence(ev, rng, style)]
    used: set[str] = set()
    while len(out) < count:
        n = 1 if rng.random() < 0.55 else 2
        parts = []
        for _ in range(n):
            if pool and rng.random() > 0.2:
                parts.append(pool.pop().format(**s))
            else:
                parts.append(quote(s, rng, used))
        out.append(" ".join(parts))
    return out


def update_paragraphs(ev: dict[str, object], rng: random.Random, count: int) -> list[str]:
    """Paragraphs a (LEAD) or (2nd LD) adds to the earlier take."""
    s = slots(ev)
    used: set[str] = set()
    lines = [quote(s, rng, used) for _ in range(count)]
    extra = [f"Later in the day, officials said further consultations were planned for next "
             f"week, with {rng.randint(2, 9)} follow-up meetings under discussion.",
             f"In a separate briefing, a spokesperson said the government would announce more "
             f"details within {rng.randint(2, 10)} days."]
    for i in range(min(count, len(extra))):
        if rng.random() < 0.5:
            lines[i] = extra[i]
    return lines


def captions(ev: dict[str, object], rng: random.Random, count: int) -> list[str]:
    """Photo captions, each ending with a credit in parentheses."""
    s = slots(ev)
    fam = _family(str(ev["topic"]), ev.get("sub"))
    if fam in ("dip", "tri"):
        base = [f"{s['K']} (R) shakes hands with {s['F']} before their talks in {s['city']} on "
                f"{s['wd']}.", f"{s['K']} speaks during a meeting in {s['city']} on {s['wd']}.",
                f"Delegations of the two sides hold talks in {s['city']} on {s['wd']}."]
    elif fam == "sports":
        base = [f"{s['player']} of the {s['home']} rounds the bases at {s['park']} on {s['wd']}.",
                f"{s['pitcher']} of the {s['home']} throws a pitch against the {s['away']}."]
    elif fam == "nk":
        base = ["A TV screen at a Seoul railway station shows a news report on the launch.",
                f"The North's launch of {s['weapon']} is seen in this file photo."]
    else:
        base = [f"This file photo shows a scene related to the story, taken on a {s['wd']}.",
                "A photo provided by the organizers shows the event."]
    credit = ["(Yonhap)", "(Pool photo) (Yonhap)", "(Yonhap)",
              "(Courtesy of the ministry) (Yonhap)"]
    return [f"{base[i % len(base)]} {rng.choice(credit)}" for i in range(count)]


def subtitle(ev: dict[str, object], rng: random.Random) -> str:
    """A Korea Herald sub-headline."""
    s = slots(ev)
    fam = _family(str(ev["topic"]), ev.get("sub"))
    if fam in ("dip", "tri"):
        return rng.choice([f"Officials say talks on {s['i2']} to continue",
                           f"Meeting comes {s['n1']} months after last round",
                           "Both sides stress need for stable ties amid regional tension"])
    return rng.choice(["Officials expect further announcements later this month",
                       f"Move comes amid {s['n1']} percent growth in related sector",
                       "Observers say more changes may follow"])


def keywords(ev: dict[str, object]) -> list[str]:
    """Yonhap keyword tags (shown with '#')."""
    topic = str(ev["topic"])
    if topic in DIPLOMACY or topic.startswith("tri_"):
        s = slots(ev)
        return [f"Korea-{s['short']}", str(ev["meeting"]), str(s["i1"])]
    return {"nk": ["NK", "missile"], "business": [str(ev.get("company")), str(ev.get("product"))],
            "sports": ["KBO", str(ev.get("home"))],
            "culture": [str(ev.get({"kpop": "act", "film": "film"}.get(str(ev.get("sub")),
                                                                        "festival")))],
            "politics": ["National Assembly"], "envoy": ["Diplomatic Circuit"],
            "stocks": ["stock prices"]}.get(topic, [])


def price_lines(rng: random.Random, count: int) -> list[str]:
    """Lines of a closing-price list: 'NAME PRICE UP|DN CHANGE'."""
    names = [c.upper().replace(" ", "") if rng.random() < 0.3 else c for c in V.COMPANIES]
    rng.shuffle(names)
    out = []
    for name in names[:count]:
        price = rng.randint(20, 9000) * 50
        change = rng.randint(0, 60) * 50
        out.append(f"{name} {price:,} {'UP' if rng.random() < 0.5 else 'DN'} {change:,}"
                   if change else f"{name} {price:,} 0")
    return out
