"""The ingest benchmark's corpus: ~400 of the project's own wire-style international-affairs articles of about
500 words (20-30 sentences) each, composed from templates (seeded, so every run ingests the same bytes), written
in the formats `eventwire ingest` reads, about a third each: one HTML page a file (with a site's navigation,
header, byline, share buttons, related links, newsletter box, footer and cookie notice around the article),
WARC/1.0 files of HTTP 200 text/html responses (.warc.gz, as in CC-NEWS) and JSONL files
({"id", "text", "date", "url", "title", "source"}).

The articles vary their actors, places, numbers, story type, sentence choice and order, so that no two are
near-duplicates (MinHash over word 5-grams, Jaccard 0.7, as eventwire.dedup); exactly one article is also
republished by a second site under its own header (a syndicated copy), so an ingest of the corpus stores one
duplicate. Sentences are written for this benchmark (ideas and actors from benchmarks/corpus.py). Not an
evaluation set: it is for timing only.

`python benchmarks/ingest_corpus.py DIR` writes the corpus to DIR and checks that no two articles are near-duplicates.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import random
import re
import sys
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ACTORS as BASE_ACTORS  # noqa: E402
from corpus import DAYS, FOLLOW, LEADS, TITLES  # noqa: E402

ARTICLES = 400
SEED = 2024
WARC_FILES = 4
JSONL_FILES = 3

ACTORS = BASE_ACTORS + [
    ("the United Kingdom", "British", "London"),
    ("Canada", "Canadian", "Ottawa"),
    ("Australia", "Australian", "Canberra"),
    ("Italy", "Italian", "Rome"),
    ("Spain", "Spanish", "Madrid"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("the Philippines", "Philippine", "Manila"),
    ("Thailand", "Thai", "Bangkok"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("South Africa", "South African", "Pretoria"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Algeria", "Algerian", "Algiers"),
    ("Jordan", "Jordanian", "Amman"),
    ("Qatar", "Qatari", "Doha"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Colombia", "Colombian", "Bogota"),
    ("Chile", "Chilean", "Santiago"),
    ("Peru", "Peruvian", "Lima"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Norway", "Norwegian", "Oslo"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Finland", "Finnish", "Helsinki"),
    ("Greece", "Greek", "Athens"),
    ("Hungary", "Hungarian", "Budapest"),
    ("Romania", "Romanian", "Bucharest"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Lithuania", "Lithuanian", "Vilnius"),
    ("Moldova", "Moldovan", "Chisinau"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Syria", "Syrian", "Damascus"),
    ("Yemen", "Yemeni", "Sanaa"),
    ("the United Arab Emirates", "Emirati", "Abu Dhabi"),
    ("Sri Lanka", "Sri Lankan", "Colombo"),
    ("Nepal", "Nepali", "Kathmandu"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("Tanzania", "Tanzanian", "Dodoma"),
    ("Uganda", "Ugandan", "Kampala"),
    ("Somalia", "Somali", "Mogadishu"),
    ("Libya", "Libyan", "Tripoli"),
    ("Tunisia", "Tunisian", "Tunis"),
    ("Mali", "Malian", "Bamako"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Cuba", "Cuban", "Havana"),
]
TITLES_ALL = TITLES + [
    "interior minister",
    "energy minister",
    "finance minister",
    "national security adviser",
    "deputy foreign minister",
    "vice president",
    "army chief",
]
ORGS = [
    "the United Nations",
    "the European Union",
    "NATO",
    "the African Union",
    "the World Bank",
    "the International Monetary Fund",
    "the International Atomic Energy Agency",
    "the World Food Programme",
    "the International Committee of the Red Cross",
    "ASEAN",
    "the Arab League",
    "the Organization of American States",
    "the UN refugee agency",
    "the World Health Organization",
    "the OSCE",
    "the Shanghai Cooperation Organisation",
    "UNICEF",
    "the G20",
]
ISSUES = [
    "energy cooperation",
    "border security",
    "trade",
    "water sharing on their common river",
    "migration",
    "fishing rights",
    "grain exports",
    "debt relief",
    "the security of shipping lanes",
    "a long-running border dispute",
    "visa rules",
    "the return of refugees",
    "nuclear energy cooperation",
    "a planned gas pipeline",
    "an exchange of prisoners",
    "military flights near the border",
    "climate finance",
    "a cross-border railway",
    "arms control",
    "the reopening of consulates",
]
SECTORS = [
    "oil exports",
    "banking sector",
    "defence industry",
    "shipping fleet",
    "mining sector",
    "technology sector",
    "state airline",
    "gold trade",
    "arms exports",
    "insurance sector",
]
GOODS = ["oil", "steel", "aluminium", "diamonds", "timber", "gold", "fertiliser", "seafood", "copper", "coal", "cotton"]
MILITARY_GOODS = [
    "drone parts",
    "electronic components",
    "dual-use goods",
    "machine tools",
    "ammunition",
    "military trucks",
    "night-vision equipment",
]
SUPPLIES = [
    "liquefied natural gas",
    "crude oil",
    "natural gas",
    "wheat",
    "fertiliser",
    "coal",
    "nuclear fuel",
    "electricity",
    "refined fuel",
]
CRISES = [
    "floods",
    "an earthquake",
    "a cyclone",
    "a severe drought",
    "landslides",
    "months of fighting",
    "a cholera outbreak",
    "a locust plague",
]
REGIONS = ["northern", "southern", "eastern", "western", "central", "coastal", "northeastern", "southwestern"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]
FIRST_NAMES = ["Amira", "Jonas", "Priya", "Tomas", "Mei", "Daniel", "Fatima", "Oleksandr", "Grace", "Kenji"]
FIRST_NAMES += ["Lucia", "Samuel", "Nadia", "Pedro", "Ingrid", "Yusuf", "Clara", "Marek", "Aisha", "Rafael"]
LAST_NAMES = ["Haddad", "Lindqvist", "Raman", "Novak", "Chen", "Okafor", "Moreau", "Kovalenko", "Mensah", "Sato"]
LAST_NAMES += ["Ferreira", "Brennan", "Aziz", "Santos", "Berg", "Demir", "Walsh", "Petrova", "Nakamura", "Idowu"]

# -- story types: (headlines, leads, body sentences) ------------------------------------------------------------
# "[a|b]" is a choice made per use; "{key}" is a slot of the article (see `_fill`).
STORIES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "talks": (
        [
            "{A} and {B} [resume|hold] talks on {issue}",
            "{adjA} and {adjB} ministers meet in {capB} as ties [thaw|improve]",
            "{A}, {B} agree to keep talking on {issue} after {capC} meeting",
            "No breakthrough as {adjA} and {adjB} negotiators end [third|fourth|fifth] round",
        ],
        [
            "The {adjA} {titleA} met [his|her] {adjB} counterpart in {capB} on {day} for [talks|two days of talks|a "
            "round of talks] on {issue} and [regional security|the war in the region|the state of their economic "
            "ties].",
            "{A} and {B} agreed on {day} to resume [negotiations|formal talks|high-level talks] on {issue} after a "
            "pause of {years} years, [their foreign ministries said|according to a joint statement].",
            "Senior officials from {A} and {B} held [closed-door|lengthy|what both sides called constructive] talks in "
            "{capC} on {day}, [the first such meeting|their first face-to-face meeting] since {month}.",
            "{A} hosted a delegation from {B} in {capA} on {day}, as the two governments [sought|tried] to ease "
            "tensions over {issue} that have [simmered|built up] for months.",
            "The {adjA} {titleA} arrived in {capB} on {day} for a {n_days}-day visit aimed at "
            "[repairing|strengthening|resetting] relations between the two countries.",
            "Negotiators from {A} and {B} [ended|wrapped up|concluded] a [third|fourth|fifth] round of talks on "
            "{issue} in {capC} on {day} without a final agreement.",
        ],
        [
            "The two sides discussed {issue}, [regional security|the security of their shared border|energy supplies] "
            "and [ways to expand trade|plans for a joint economic commission|visa rules for business travellers], "
            "according to a joint statement.",
            "The {adjB} {titleB} described the meeting as [frank and useful|constructive|a step in the right "
            "direction], but said [differences remained|several issues were still open|no breakthrough had been "
            "expected].",
            "Officials said the two delegations agreed to set up [working groups|a joint committee|a hotline between "
            "their foreign ministries] to prepare a [framework agreement|road map|memorandum of understanding] by the "
            "end of {month2}.",
            "{A} had [cut off|suspended|frozen] [high-level contacts|formal dialogue] with {B} in {yearpast} after a "
            "dispute over {issue2}.",
            "The talks were [mediated|brokered|facilitated] by {C}, which has [offered|tried] to act as a go-between "
            "[for several months|since the start of the year].",
            "A spokesperson for the {adjA} foreign ministry said the visit showed that {capA} was ready to [work "
            "with|engage with|talk to] all its neighbours on the basis of mutual respect.",
            "Diplomats in {capC} said a deal on {issue} could be signed [as early as|before] {month2} if the remaining "
            "questions were settled.",
            "The {adjA} delegation included the {titleA2} and the head of the national [energy company|development "
            "bank|border service].",
            "Both governments [agreed|pledged] to [reopen|restore] direct flights between {capA} and {capB}, which "
            "were [halted|suspended] {years} years ago.",
            "{B} pressed for [the lifting of|an easing of] trade restrictions, while {A} [sought|wanted] guarantees on "
            "{issue2}.",
            "The meeting took place [behind closed doors|at a government guest house|on the sidelines of a regional "
            "conference] and lasted about {hours} hours.",
            "No date was set for the next round, but officials on both sides said contacts would continue at the level "
            "of deputy ministers.",
            "The {adjB} side presented a [draft|written proposal|list of demands] on {issue}, which the {adjA} "
            "delegation promised to study [before the next meeting|in the coming weeks].",
            "Reporters were not allowed to attend, and neither side took questions after the talks ended in the "
            "[evening|late afternoon].",
        ],
    ),
    "sanctions": (
        [
            "{A} imposes new sanctions on {B} over {sanction_reason}",
            "{A} targets {adjB} {sector} in [fresh|latest] sanctions package",
            "{B} vows [retaliation|countermeasures] after {adjA} sanctions",
            "{A} blacklists {n_firms} {adjB} firms over {milgoods} [shipments|supplies]",
        ],
        [
            "{A} imposed [new|fresh|sweeping] sanctions on {B} on {day}, targeting its {sector} over "
            "{sanction_reason}.",
            "The {adjA} government [announced|unveiled] a package of sanctions against {B} on {day}, [freezing the "
            "assets of|imposing travel bans on] {n_people} officials and {n_firms} companies.",
            "{ORG} [agreed|voted] on {day} to extend sanctions on {B} for another {n_months} months, [diplomats "
            "said|according to a statement].",
            "{A} [added|put] {n_firms} {adjB} companies [on its export blacklist|on its sanctions list] on {day}, "
            "accusing them of [supplying|shipping] {milgoods} to [armed groups|the {adjB} military].",
            "{A} [threatened|warned] {B} with [further|tougher] sanctions on {day} unless it [released political "
            "prisoners|withdrew its forces from the border area|allowed international inspectors back].",
        ],
        [
            "The measures [ban|bar] imports of {goods} from {B} and [freeze|block] the assets of [several|three|four] "
            "state-owned banks.",
            "The {adjB} foreign ministry [condemned|denounced] the sanctions as [illegal|unjustified|an act of "
            "economic war] and said {capB} would take [countermeasures|retaliatory steps].",
            "Officials in {capA} said the sanctions were [designed|intended] to [raise the cost|cut the revenue] that "
            "{B} uses to [finance|fund] its military.",
            "{B} has [faced|been under] [Western|international] sanctions since {yearpast}, and its economy has "
            "[shrunk|slowed] by about {pct} percent since then.",
            "Trade between {A} and {B} was worth {money} last year, [according to official figures|customs data show].",
            "The sanctions list includes the [head|chief executive] of the state shipping company and [two|three|four] "
            "deputy defence ministers.",
            "{C} said it would not [join|follow] the sanctions and would [continue|keep] trading with {B}.",
            "[Analysts|Economists] said the measures were likely to hit {adjB} exports of {goods}, which [account "
            "for|make up] about {pct} percent of its foreign earnings.",
            "The {adjA} treasury said companies would have {n_days} days to [wind down|end] their business with the "
            "listed entities.",
            "{B} has [found ways|managed] to [get around|evade] earlier sanctions by [routing trade|shipping goods] "
            "through {C}, [investigators|officials] say.",
            "A [senior|leading] {adjB} lawmaker called the sanctions [a sign of weakness|a political stunt] and said "
            "they would [unite|strengthen] the country.",
            "{ORG} has [repeatedly|long] called for sanctions that [spare|protect] ordinary people from shortages of "
            "food and medicine.",
            "The announcement [came|followed] a week after {B} [tested a new missile|arrested several opposition "
            "figures|seized a foreign tanker], [a step that|which] {capA} [described|condemned] as [reckless|a "
            "provocation].",
            "{adjB} state television said the sanctions would [have no effect|not change the country's course] and "
            "accused {capA} of trying to [stir up unrest|provoke a crisis].",
        ],
    ),
    "strikes": (
        [
            "{adjA} strikes [hit|pound] targets in {B}, at least {killed} dead",
            "{B} says air defences down {drones} drones after overnight attack",
            "Fighting flares on {adjA}-{adjB} border despite truce",
            "{A} [vows|promises] response after deadly attack on {reg} town",
        ],
        [
            "{adjA} [warplanes|drones|forces] [struck|hit] [targets|military positions|an arms depot] in {B} "
            "overnight, killing at least {killed} people, officials said on {day}.",
            "{A} launched [a wave of|a series of] [missile|drone|air] strikes on [the {reg} province of {B}|targets "
            "near {capB}] on {day}, the {adjB} military said.",
            "At least {killed} people were killed and {wounded} wounded when [shells|missiles|drones] [hit|struck] a "
            "[market|residential area|border town] in {B} on {day}, local officials said.",
            "{A} accused {B} on {day} of [shelling|firing rockets at] villages along their [disputed|shared] border, "
            "and [vowed|promised] to respond.",
            "Fighting between {adjA} and {adjB} forces [flared|broke out again] in the {reg} border region on {day}, "
            "[breaking a ceasefire|despite a truce] agreed in {month}.",
        ],
        [
            "The {adjB} defence ministry said its air defences had [shot down|intercepted] {drones} of the {launched} "
            "[drones|missiles] launched [overnight|during the attack].",
            "[Rescue workers|Emergency crews] were searching the rubble of [two|three|several] buildings for "
            "survivors, [a local official said|according to the regional governor].",
            "{A} said the strikes [targeted|were aimed at] [weapons stores|command centres|launch sites] used by "
            "[militants|armed groups] and [denied|rejected claims] that civilians had been hit.",
            "The {adjB} {titleB} [called|described] the attack [a war crime|an act of aggression|a grave violation of "
            "international law] and [ordered|promised] a [response|full investigation].",
            "[Witnesses|Residents] described [loud explosions|a series of blasts] [shortly after midnight|before dawn] "
            "and [columns of smoke|fires] over the {reg} [district|suburbs].",
            "{ORG} said [hospitals|clinics] in the area were [overwhelmed|running short of supplies] and called for "
            "[safe access|a humanitarian corridor] for aid workers.",
            "The [fighting|violence] has forced about {people} people from their homes since {month}, according to the "
            "UN refugee agency.",
            "The {adjA} military said {n_small} of its soldiers had been killed [in an exchange of fire|by a roadside "
            "bomb] [on the same day|earlier in the week].",
            "[Satellite images|Images] [released|published] by a private company showed [damage|craters] at [an "
            "airbase|a fuel depot|a port] near {capB}, [but|although] the extent of the damage could not be "
            "[independently verified|confirmed].",
            "{C} [called on|urged] both sides to [exercise restraint|return to the ceasefire] and offered to host "
            "[talks|negotiations] between them.",
            "{A} has moved about {troops} troops to the border since {month}, according to Western intelligence "
            "estimates.",
            "The [attack|strike] was the [deadliest|most serious] since {month}, when {killed2} people were killed in "
            "a [similar|drone] attack on [a bus station|a power plant].",
            "[Power|Electricity] and water supplies were [cut|disrupted] in parts of the [region|city] after a "
            "[substation|pumping station] was hit.",
            "The {adjB} military [said|claimed] it had [struck back|retaliated] by [hitting|targeting] [artillery "
            "positions|a supply route] inside {A}.",
        ],
    ),
    "aid": (
        [
            "{A} pledges {money} for {adjB} [relief|recovery] effort",
            "{ORG} appeals for {money} as {crisis} [hit|devastate] {B}",
            "First {adjA} aid convoy reaches {B}",
            "{people} in need after {crisis} in {reg} {B}, agencies say",
        ],
        [
            "{A} pledged {money} in [humanitarian|emergency|reconstruction] aid for {B} on {day}, after {crisis} "
            "[left|displaced] about {people} people [homeless|in need of help].",
            "{ORG} appealed on {day} for {money} to help {people} people [affected by|hit by] {crisis} in {B}.",
            "The first [convoy|shipment] of [aid|relief supplies] from {A} reached {B} on {day}, carrying "
            "[food|medicine|tents] and [water purification equipment|generators].",
            "{A} and {ORG} signed an agreement on {day} to [finance|fund] {money} of [food aid|health "
            "programmes|reconstruction projects] in {B} over the next {years} years.",
        ],
        [
            "The aid will be [delivered|distributed] through {ORG} and [local|partner] [charities|organisations], [the "
            "foreign ministry said|officials said].",
            "[Aid agencies|Relief groups] said [roads|bridges] into the worst-hit areas were [damaged|blocked], "
            "[slowing|delaying] deliveries to [villages|towns] that have been cut off [since the disaster|for days].",
            "About {people} people [are in urgent need of|need] food, clean water and shelter, according to {ORG2}.",
            "{B} [thanked|welcomed] the [support|pledge] and said it would [open|set up] {n_small} [distribution "
            "centres|field hospitals] in the {reg} region.",
            "The {adjB} {titleB} [visited|toured] [the worst-hit areas|a camp for displaced families] on {day2} and "
            "promised that [no one would be left behind|help was on the way].",
            "{ORG2} [warned|said] that [disease|cholera] could spread quickly in [crowded|makeshift] camps unless "
            "[sanitation|clean water supply] improved.",
            "{C} [sent|dispatched] [rescue teams|military transport planes] and [{n_small} tonnes of supplies|a field "
            "hospital], [officials in {capC} said|its government said], and [promised|offered] more help [if needed|in "
            "the coming weeks].",
            "The appeal was only {pct} percent funded [by the end of the week|as of {day2}], [the agency said|a "
            "spokesperson said].",
            "[Donors|Donor countries] are due to meet in {capC} in {month2} to [discuss|coordinate] longer-term "
            "[reconstruction|recovery] funding.",
            "[Crop losses|Damage to farmland] [could|may] push food prices higher across the region, [the World Food "
            "Programme said|aid officials warned].",
            "The [World Bank|International Monetary Fund] [estimated|put] the damage at about {money2}, or {pct} "
            "percent of the country's annual output.",
            "Critics in {B} accused the government of [reacting too slowly|failing to prepare] despite [early "
            "warnings|forecasts] from the weather service.",
        ],
    ),
    "protests": (
        [
            "Thousands protest in {capB} over {protest_cause}",
            "Police fire tear gas at {adjB} protesters as unrest enters {ordinal} week",
            "{adjB} unions begin {n_days}-day general strike",
            "Protesters rally outside {adjA} embassy in {capB}",
        ],
        [
            "[Thousands|Tens of thousands] of people [marched|rallied|protested] in {capB} on {day} against "
            "{protest_cause}.",
            "Police in {capB} fired tear gas [to disperse|at] [protesters|demonstrators] outside parliament on {day}, "
            "[as|after] [protests|the unrest] over {protest_cause} entered a {ordinal} week.",
            "[Hundreds|Thousands] of [demonstrators|protesters] gathered outside the {adjA} embassy in {capB} on {day} "
            "to protest against {adjA} policy on {issue}.",
            "[Workers|Trade unions] in {B} [began|staged] a {n_days}-day general strike on {day}, [shutting|closing] "
            "ports, schools and [public transport|factories].",
        ],
        [
            "[Protesters|Demonstrators] [carried|waved] [flags|banners] and [chanted slogans|called] for the "
            "[resignation|removal] of the {titleB} and [new elections|an end to corruption] as they [marched|moved] "
            "through the city centre.",
            "Police said {arrests} people had been arrested and {injured} officers were [hurt|injured] [in "
            "clashes|when the protest turned violent].",
            "[Rights groups|Opposition leaders] [accused|criticised] the security forces of [using excessive "
            "force|beating peaceful protesters] and called for an independent inquiry.",
            "The {adjB} interior ministry said the protests had been [organised|stirred up] by [foreign-funded "
            "groups|opposition parties] and [warned of tough action against|threatened to prosecute] the organisers.",
            "The [unrest|protests] [began|started] in {month} after the government [raised fuel prices by {pct} "
            "percent|cut food subsidies|postponed local elections], [angering|upsetting] [students|workers] and "
            "[pensioners|small traders] [across the country|in the big cities].",
            "{ORG} [called on|urged] the authorities to [respect|uphold] the right to peaceful assembly and to release "
            "those detained.",
            "[Shops|Businesses] in the city centre [stayed closed|were shuttered] and [internet access|mobile data] "
            "was [restricted|disrupted] for several hours.",
            "The {adjB} {titleB} [said|promised] in a televised address that the government [would listen to|had "
            "heard] the protesters' concerns, but [rejected|ruled out] early elections.",
            "{A} [said it was following|expressed concern over] the events in {B} and [urged|called on] all sides to "
            "avoid violence.",
            "[Counter-demonstrators|Supporters of the government] held a smaller rally [across town|in a nearby "
            "square], but there were no reports of clashes between the two groups.",
            "Opposition leaders [said|vowed] they would keep up the protests until their demands were met.",
            "[Inflation|Consumer price inflation] in {B} [rose|climbed] to {pct} percent last month, [the highest in|a "
            "level not seen in] {years} years.",
        ],
    ),
    "expulsion": (
        [
            "{A} expels {n_small} {adjB} diplomats over spying claims",
            "{A} recalls ambassador from {B} as row deepens",
            "{A} summons {adjB} envoy over {spat_cause}",
            "{A} blames {B} for cyber attack on {cyber_target}",
        ],
        [
            "{A} expelled {n_small} {adjB} diplomats on {day}, accusing them of [spying|activities incompatible with "
            "their status], [the foreign ministry said|officials said].",
            "{A} [recalled|withdrew] its ambassador from {B} [for consultations|on {day}] in protest at {spat_cause}.",
            "{A} summoned the {adjB} ambassador on {day} to [protest against|complain about] {spat_cause}.",
            "{A} [accused|blamed] {B} on {day} of a cyber attack on {cyber_target} and [vowed|promised] a response.",
        ],
        [
            "The diplomats were given {n_hours} hours to leave the country, according to a statement from the "
            "ministry.",
            "{B} [denied|rejected] the accusations as [baseless|absurd|fabricated] and [said it would respond|promised "
            "a tit-for-tat response], [accusing|blaming] {capA} of [trying to distract from problems at home|damaging "
            "relations on purpose].",
            "The {adjB} embassy in {capA} said it had not been [given|shown] any evidence to support the claims.",
            "Relations between {A} and {B} have [worsened|deteriorated|soured] since {yearpast}, when [a trade "
            "dispute|a border incident|an election row] [led to|prompted] mutual sanctions.",
            "The {adjA} {titleA} said {capA} would [not tolerate|respond firmly to] any attempt to "
            "[undermine|interfere in] its [institutions|democracy].",
            "{B} [responded|retaliated] [hours later|the next day] by [expelling|ordering out] the same number of "
            "{adjA} diplomats and [closing|shutting] a {adjA} [cultural centre|consulate] in the {reg} part of the "
            "country.",
            "[Security services|Investigators] said the [suspects|officials] had [tried to recruit|collected "
            "information on] [military officers|officials at the defence ministry|engineers at a defence plant] over a "
            "period of [several|at least two] years.",
            "Analysts said the [dispute|row] [was unlikely to|could] [affect|disrupt] [trade|energy] ties, which are "
            "worth about {money} a year.",
            "{C} [offered|said it was ready] to help [calm|defuse] the [row|situation], [describing|calling] both "
            "countries [close partners|friends].",
            "The {adjA} foreign ministry [posted|released] a statement [on social media|online] saying the "
            "[decision|move] was final.",
            "It was the [largest|second] expulsion of {adjB} diplomats from {A} [in a decade|this year], and "
            "[came|followed] [weeks|days] after [a similar move|similar expulsions] by {C}.",
            "The {adjB} ambassador was [called in|summoned] again on {day2} and handed a formal note of protest, "
            "[officials said|according to the ministry].",
        ],
    ),
    "trade": (
        [
            "{A} and {B} sign {supply} supply deal worth {money2}",
            "{A}, {B} open free trade talks",
            "{A} raises tariffs on {adjB} {goods} [to|by] {pct} percent",
            "{adjA}-{adjB} trade pact [signed|agreed] in {capB}",
        ],
        [
            "{A} and {B} signed an agreement on {issue} in {capB} on {day}, [the latest sign of|in a sign of] "
            "[warming|closer] ties between the two countries.",
            "{A} [agreed|signed a deal] on {day} to supply {B} with {supply} over the next {years} years, in a "
            "contract worth about {money2}.",
            "{A} and {B} [launched|opened] negotiations on a free trade agreement on {day}, [aiming to|hoping to] "
            "[double|increase] bilateral trade by {year_target}.",
            "{A} [raised|imposed] tariffs of {pct} percent on {goods} from {B} on {day}, [escalating|deepening] a "
            "[trade dispute|row] between the two countries.",
        ],
        [
            "Under the deal, {A} will [build|finance] [a pipeline|a port|a power plant|a railway line] in the {reg} "
            "region of {B}, [officials said|according to the agreement].",
            "Trade between the two countries [rose|grew] by {pct} percent last year to {money2}, [official data "
            "show|according to customs figures].",
            "{B} [plans|hopes] to use the agreement to [reduce|cut] its dependence on [imported fuel|a single "
            "supplier] and [modernise|expand] its [power grid|ports].",
            "The {adjB} {titleB} said the deal would [create|support] about {jobs} jobs and [bring|attract] [foreign "
            "investment|new technology].",
            "Business leaders from both countries [attended|joined] the signing ceremony and [signed|agreed] {n_small} "
            "separate [contracts|memorandums] in [agriculture|mining|telecommunications].",
            "[Critics|Opposition lawmakers] in {B} [warned|said] the terms [favoured|gave too much to] {adjA} "
            "companies and [demanded|asked] that the contract be published.",
            "{C} [raised|voiced] concerns that the agreement [could|would] [breach|undermine] [existing|regional] "
            "trade rules and said it would [study|examine] the text.",
            "The agreement still needs to be [ratified|approved] by the {adjB} parliament, [which is expected to "
            "vote|where a vote is expected] in {month2}.",
            "{adjA} exports to {B} are [dominated by|mainly] [machinery|vehicles|electronics], while {B} "
            "[sells|exports] mostly [grain|minerals|oil and gas], [leaving|giving] {capB} with a [large|growing] trade "
            "deficit.",
            "The two sides also [agreed|pledged] to [settle|conduct] more of their trade in [local currencies|their "
            "own currencies] rather than the dollar.",
            "The {adjA} {titleA} said the deal showed that {capA} was a [reliable|long-term] partner [for the "
            "region|for developing economies].",
            "[Shares|Stocks] of [energy|construction|mining] companies in {capA} [rose|gained] {pct_small} percent "
            "after the announcement, [while|and] [bond prices|the currency] [held steady|barely moved].",
        ],
    ),
    "border": (
        [
            "{A} accuses {B} of [airspace violation|incursion] with {intruders}",
            "{adjB} coast guard [rams|blocks] {adjA} vessel near disputed [reef|island]",
            "{A} closes border with {B} citing security threats",
            "Border guards of {A} and {B} exchange fire, {killed_small} dead",
        ],
        [
            "{A} accused {B} of [violating its airspace|entering its territorial waters] with {intruders} on {day}, "
            "[and lodged a formal protest|the defence ministry said].",
            "A {adjB} coast guard ship [collided with|fired water cannon at] a {adjA} [supply vessel|fishing boat] "
            "near a disputed [reef|island] on {day}, [officials said|according to the {adjA} navy].",
            "{A} [closed|shut] its border with {B} on {day}, [citing security threats|after a rise in smuggling|after "
            "a shooting at a checkpoint].",
            "{adjA} and {adjB} [border guards|troops] [exchanged fire|clashed] at a [crossing|checkpoint] on {day}, "
            "[leaving|with] {killed_small} people [dead|killed], officials said.",
        ],
        [
            "The {adjA} navy said [its crew|the crew] [was unharmed|suffered minor injuries] but the vessel was "
            "[damaged|towed back to port].",
            "{B} said its [ships|forces] had acted [lawfully|in line with international law] to [protect its "
            "sovereignty|stop an illegal intrusion] and [warned|told] {A} to [stay away|keep out].",
            "The [incident|clash] took place about {km} kilometres off the coast, in waters both countries claim.",
            "{A} [has filed|has lodged] {n_small} [protests|diplomatic complaints] over similar incidents since "
            "{month}, [its foreign ministry said|according to officials].",
            "[Trucks|Hundreds of lorries] [were stuck|queued] [at the border|on both sides of the crossing] [after the "
            "closure|for several kilometres], [local media reported|drivers said], and [perishable goods|fresh "
            "produce] began to [spoil|go to waste].",
            "{C}, which has a [defence treaty|security pact] with {A}, [said it stood by|reaffirmed its support for] "
            "its ally and [called|urged] for [calm|a peaceful solution].",
            "An international tribunal ruled in {yearpast} that {B} had no legal basis for its [claims|claim] in the "
            "area, a ruling {capB} [has rejected|does not recognise].",
            "[The {adjA} defence ministry|Military officials] said the [drones|aircraft] had flown as far as {km} "
            "kilometres into {adjA} territory before turning back.",
            "The two countries agreed on a [hotline|joint patrol|demarcation commission] [in {yearpast}|several years "
            "ago], but it [has rarely met|has not worked|was suspended].",
            "[Fishermen|Local residents] said they had [stopped|been afraid of] [going out to sea|working near the "
            "border] since the [incidents|clashes] began.",
            "{adjA} [officials|military commanders] said they had [increased|stepped up] [patrols|surveillance] [along "
            "the border|in the area] in response and [moved|deployed] [additional|extra] [radar units|coast guard "
            "ships] to the {reg} coast.",
        ],
    ),
    "diplomacy": (
        [
            "{ORG} summit in {capB} ends with call for {summit_goal}",
            "UN Security Council meets on {B} at {adjA} request",
            "{A} calls for inquiry into attacks on {victims} in {B}",
            "{A}, {B} and {C} condemn {condemned}",
        ],
        [
            "Leaders of {ORG} member states [ended|closed] a [two-day|three-day] summit in {capB} on {day} with a "
            "joint statement calling for {summit_goal}.",
            "The UN Security Council [met|held an emergency meeting] on {day} at the request of {A} to discuss [the "
            "fighting|the crisis] in {B}.",
            "{A} [called for|demanded] an [independent|international] investigation into attacks on {victims} in {B}, "
            "[in a statement on {day}|its foreign ministry said on {day}].",
            "Foreign ministers from {A}, {B} and {C} [issued|released] a joint statement on {day} "
            "[condemning|rejecting] {condemned}.",
        ],
        [
            "A draft resolution put forward by {A} [failed|was vetoed] after {C} voted against it, [diplomats "
            "said|according to diplomats].",
            "The statement [called on|urged] all parties to [respect|protect] civilians and [allow|facilitate] the "
            "[delivery|flow] of humanitarian aid.",
            "{B} [rejected|dismissed] the [statement|resolution] as [one-sided|biased] and said it [ignored|failed to "
            "mention] attacks by [armed groups|its opponents].",
            "The UN [secretary-general|chief] said he was [deeply concerned|alarmed] by [the escalation|reports of "
            "civilian casualties] and [sent|dispatched] an envoy to the region.",
            "{ORG} [agreed|decided] to [send|deploy] [a fact-finding mission|observers|a team of monitors] to {B} "
            "[within {n_days} days|next month].",
            "Diplomats said the wording of the [final statement|communique] was [softened|watered down] [after "
            "objections from|at the insistence of] {C}.",
            "The summit also [adopted|approved] a plan to [create|set up] a [joint fund|rapid response force|regional "
            "energy market] [worth|with a budget of] {money2}.",
            "The {adjA} ambassador to the United Nations said the council [must|should] [act|speak with one voice] [to "
            "prevent|before] a [wider war|humanitarian catastrophe].",
            "{B}, the host, [used|seized on] the meeting to [press for|call for] [more investment|debt relief|reform "
            "of international lenders] and [a bigger voice|more say] for [poorer countries|developing economies] in "
            "global institutions.",
            "{C} [abstained|did not vote], [saying|arguing] that [more time was needed|the text went too far], and "
            "[proposed|suggested] [its own|an alternative] [draft|wording] [that|which] [did not win|failed to gain] "
            "enough support.",
            "[Rights groups|Human rights organisations] [welcomed|criticised] the statement, [saying|arguing] that [it "
            "did not go far enough|words had to be followed by action] and [that|saying] those responsible "
            "[must|should] be held to account.",
            "Delegates from {n_members} countries attended the [meeting|summit], [although|but] the {adjC} {titleC} "
            "[stayed away|sent a deputy] [at the last minute|citing pressing matters at home].",
        ],
    ),
}
SLOT_CHOICES = {
    "sanction_reason": [
        "its support for armed groups in the region",
        "human rights abuses",
        "its nuclear programme",
        "the crackdown on protesters",
        "election fraud",
        "cyber attacks on government networks",
    ],
    "protest_cause": [
        "rising prices",
        "a new security law",
        "the government's handling of the economy",
        "what they called a rigged election",
        "cuts to pensions",
        "a planned tax increase",
        "corruption in the police",
    ],
    "spat_cause": [
        "remarks by the {adjB} {titleB}",
        "the arrest of {adjA} citizens in {B}",
        "{adjB} military exercises near the border",
        "what it called interference in its internal affairs",
        "the treatment of its diplomats in {capB}",
    ],
    "cyber_target": [
        "government computer networks",
        "its election commission",
        "a major state bank",
        "the national power grid",
        "hospitals in {capA}",
    ],
    "intruders": ["military drones", "coast guard vessels", "fighter jets", "a surveillance aircraft", "helicopters"],
    "summit_goal": [
        "a ceasefire in the region",
        "closer cooperation on {issue}",
        "reform of the global financial system",
        "an end to attacks on shipping",
        "more aid for the region's refugees",
    ],
    "victims": ["aid workers", "journalists", "UN peacekeepers", "hospitals", "a refugee camp"],
    "condemned": [
        "attacks on merchant shipping",
        "the seizure of a commercial vessel",
        "a nuclear test",
        "a missile launch over the sea",
        "the killing of civilians",
    ],
}

# -- sentences of any story ----------------------------------------------------------------------------------
QUOTES = [
    '"We are ready to [talk|continue the dialogue], but we will not [accept|negotiate under] [pressure|threats]," the '
    "{adjB} {titleB} [told reporters|said at a news conference] in {capB}.",
    '"This is a [serious|dangerous] [escalation|development] and it [demands|requires] a [firm|clear] response from '
    'the international community," the {adjA} foreign ministry said in a statement.',
    '"Our patience is not unlimited," the {adjA} {titleA} [said|told parliament] on {day2}. "[We have made our '
    'position clear|We have given diplomacy every chance]."',
    '"[Dialogue|Diplomacy] is the only way forward," said the {adjC} {titleC}, who [spoke|was speaking] on a visit to '
    "{capC}.",
    '"The people of {B} will not forget [who stood with them|this support]," the {adjB} {titleB} said in a [video '
    "message|televised speech].",
    '"What we are seeing is [unacceptable|deeply worrying]," a senior {adjA} official said, speaking on condition of '
    'anonymity. "[It cannot go on like this|Something has to change]."',
    '"There is [still|now] a window for [an agreement|a deal], but it is [closing|narrowing] fast," said a diplomat in '
    "{capC} who [follows|has followed] the talks closely.",
    '"We [call on|urge] all parties to [show restraint|step back from the brink]," a spokesperson for {ORG} said in '
    "{capC}.",
    '"This [decision|agreement] [opens a new chapter|marks a turning point] in our relations," the {adjA} {titleA} '
    "said after the meeting.",
    '"Nobody wins from [an escalation|a trade war|a confrontation] like this," said an economist at a research '
    "institute in {capA}.",
    '"We [have|will] always defend our sovereignty and our territory," the {adjB} {titleB2} [said|wrote] on social '
    "media.",
    '"[Families|People] here have [lost everything|nothing left]," said an aid worker in the {reg} region of {B}. '
    '"[They need help now, not next month|The needs are enormous]."',
    '"The [evidence|record] speaks for itself," the {adjA} {titleA2} said. "{B} has [broken|ignored] its promises '
    '[again and again|too many times]."',
    '"We did not choose this [crisis|conflict], but we [will|intend to] end it on our terms," the {adjB} {titleB} '
    "said.",
    '"[It is time|The moment has come] for {ORG} to [act|take responsibility]," the {adjC} {titleC} said on {day2}.',
    '"The [situation|security situation] remains [tense|fragile] but under control," a {adjB} military spokesperson '
    "[said|told state television].",
]
REACTIONS = [
    "{C} [called on|urged] both sides to [resolve|settle] their differences through dialogue and to [avoid|refrain "
    "from] [steps|any steps] that could [inflame|worsen] the situation.",
    "{ORG} said it was [closely following|monitoring] the situation and [called for|urged] [calm|restraint], "
    "[adding|saying] that [its officials|its envoy] [remained|stayed] in contact with [both capitals|all parties].",
    "The {adjC} foreign ministry [expressed concern|said it was concerned] about the [rising tension|escalation] and "
    "offered to [mediate|host talks].",
    "{C} [welcomed|praised] the [agreement|move] as [a positive step|an important signal] for the region and "
    "[said|added] it [hoped|expected] [others|other governments] would [follow|do the same].",
    "[The {adjC} {titleC}|Officials in {capC}] [spoke|held calls] with [both|their] {adjA} and {adjB} counterparts [on "
    "{day2}|later in the day].",
    "{ORG2} [said|warned] that [any|further] escalation [would|could] have [serious|grave] consequences for civilians "
    "[already|who were already] [struggling|suffering] [with|from] [shortages|high prices] and [power "
    "cuts|displacement].",
    "{D} [said it stood ready|offered] to [support|help with] [any|a] [peace process|settlement] between the two "
    "countries, [and said|saying] [its diplomats|its envoys] [had already|were already] [held|holding] "
    "[informal|preliminary] [contacts|talks].",
    "{C} [summoned|called in] the {adjA} ambassador [to seek an explanation|for talks] [on {day2}|the same day], the "
    "{adjC} foreign ministry said.",
    "[Opposition parties|Lawmakers] in {A} [criticised|questioned] the government's [handling of the crisis|decision] "
    "and [demanded|called for] a debate in parliament.",
    "{adjD} [officials|diplomats] said they [had not been consulted|were not informed] in advance [about the move|of "
    "the decision] and [would|wanted to] [discuss|raise] it with [their partners|other governments] [in {ORG}|at "
    "{ORG}].",
    "{ORG2} said it would [send|dispatch] [a team|experts|an envoy] to [assess|examine] the situation [on the "
    "ground|in {capB}].",
    "The {adjC} government said it would [review|reconsider] its [ties|relations] with {A} [in light of|after] the "
    "[events|decision].",
    "{D} and {C} [issued|released] a joint statement [backing|supporting] {B} and its [right to defend "
    "itself|sovereignty] and [calling for|demanding] [an end to|a halt to] [outside interference|foreign meddling] in "
    "the region.",
    "In {capD}, the government [said|declared] it would [remain neutral|not take sides] in the [dispute|conflict], "
    "[but|while] [urging|calling on] both sides to [respect|honour] [earlier agreements|international law].",
    "The {adjD} {titleC} said [in a statement|on social media] that {capD} [was watching|followed] the "
    "[situation|events] with [concern|alarm] and [would|was ready to] [work with its partners|coordinate with {ORG}] "
    "to [prevent|avoid] a [wider crisis|spillover].",
    "A spokesperson for {ORG} said the [organisation|body] [was in contact with|had spoken to] [both "
    "governments|officials on both sides] and [stood ready|was prepared] to [help|assist] [if asked|in any way it "
    "could].",
    "[Church leaders|Religious leaders|Civil society groups] in {B} [appealed|called] for [calm|restraint] and "
    "[urged|asked] [politicians|leaders] on both sides to [lower|tone down] their [rhetoric|language].",
]
BACKGROUND = [
    "{A} and {B} [established|set up] diplomatic relations in {yearold}, and {A} [has been|is] one of the largest "
    "investors in {B}.",
    "Relations between {capA} and {capB} have been [strained|tense] since {yearpast}, when a dispute over {issue2} "
    "[led to|ended in] the [recall|withdrawal] of ambassadors.",
    "The two countries share a border of about {border_km} kilometres, [much of it|parts of which] [remain|are still] "
    "[disputed|not marked].",
    "{B} [depends|relies] on {A} for about {pct} percent of its [fuel|grain|electricity] imports, [a dependence|a "
    "reliance] that [critics|opposition parties] in {capB} have [long|often] [warned|complained] about.",
    "{A} [is|has been] a member of {ORG} since {yearold}, while {B} [left|suspended its membership] in {yearpast}.",
    "The region has seen a [sharp|steady] rise in [tension|military activity] since {month}, with [several|repeated] "
    "[incidents|clashes] along the frontier.",
    "About {diaspora} {adjB} citizens [live|work] in {A}, [many of them|most of them] in [construction|farming|the "
    "service sector], and [the money they send home is|their remittances are] [vital|important] for {adjB} "
    "[households|families].",
    "{A} [hosted|held] a [regional summit|peace conference] in {yearpast} that [produced|ended with] a "
    "[short-lived|fragile] agreement on {issue2}.",
    "A [previous|similar] [agreement|ceasefire] between the two [sides|countries] [collapsed|broke down] in {yearpast} "
    "after [less than|only] {n_months} months.",
    "The {adjB} government came to power in {yearpast} [promising|after promising] to [improve|restore] ties with [its "
    "neighbours|the West|{A}].",
    "{C} [has|holds] [significant|large] investments in both countries and [has tried|has sought] to [stay "
    "neutral|keep out of] the dispute.",
    "{ORG} [has|keeps] a [mission|small office] in {capB} [that monitors|monitoring] the situation along the border.",
    "{A} [spends|spent] about {pct_small} percent of its economic output on defence last year, [one of the highest "
    "shares|more than most] in the region.",
    "Elections are due in {B} in {month2}, and the {titleB} has [faced|come under] [criticism|pressure] [at home|from "
    "the opposition] over {issue2}.",
    "The {reg} region of {B} is home to [large deposits of|major reserves of] {goods} and [a key port|the country's "
    "main airport].",
    "{B} [signed|joined] a [security|defence] agreement with {C} in {yearpast}, a move {capA} [criticised|condemned] "
    "at the time.",
    "[Tens of thousands|Hundreds of thousands] of people [fled|left] the {reg} region during [the last war|fighting] "
    "between the two countries in {yearold}.",
    "{A} has [long|repeatedly] [accused|blamed] {B} of [harbouring|sheltering] [rebels|armed groups] who [attack|raid] "
    "its territory, [a charge|an accusation] {capB} has [always|consistently] [denied|rejected].",
    "The dispute over {issue2} goes back to the [end of the Cold War|collapse of a regional trade bloc|early 2000s], "
    "when [both governments|the two sides] [laid claim to|argued over] the same [resources|stretch of territory] and "
    "[failed to agree|could not agree] on [a common line|who should pay for what].",
    "Since {yearpast}, {A} has [become|grown into] the [biggest|second-largest] buyer of {adjB} {goods}, and "
    "[companies|state firms] from {capA} [run|operate] [two of the country's main ports|several mines and refineries] "
    "in the {reg} region.",
    "[Western|Regional] diplomats say {capA} has [used|relied on] a mix of [trade deals|loans], [military "
    "cooperation|arms sales] and [cultural programmes|scholarships] to [extend|build up] its influence in the region "
    "over the past decade.",
    "{B} [has|maintains] one of the [largest|best equipped] armies in the region, with about {troops} soldiers on "
    "active duty and [a growing fleet of drones|modern air defence systems] [bought abroad|built at home].",
    "The last [formal|high-level] meeting between the two [leaders|governments] took place in {capC} in {yearpast} and "
    "[ended|broke up] without [a joint statement|agreement] after a [row|dispute] over the [agenda|wording].",
    "Under a treaty signed in {yearold}, both [countries|sides] [must|are required to] notify each other of [large "
    "military exercises|troop movements] near the border, but [each accuses|both accuse] the other of "
    "[ignoring|breaking] the rule.",
    "{ORG} [estimates|says] that more than {people} people in the wider region [depend on|need] [food aid|humanitarian "
    "assistance], [a figure that has|and the number has] [doubled|risen steadily] since {yearpast}.",
    "Both countries are members of {ORG2}, which [has tried|has sought] [several times|repeatedly] to [mediate|broker "
    "an agreement] on {issue2} [without success|with little to show for it].",
]
CONTEXT = [
    "The {adjB} currency [fell|weakened] {pct_small} percent against the dollar [on the news|after the announcement], "
    "and [bond yields|borrowing costs] rose.",
    "[Oil|Grain|Gas] prices [rose|climbed] {pct_small} percent on international markets [on {day2}|after the reports], "
    "[traders said|as investors weighed the risks] [of|for] [supply disruptions|a wider conflict].",
    "The International Monetary Fund [expects|forecasts] the {adjB} economy to grow by {pct_small} percent this year, "
    "down from an earlier forecast.",
    "[Shipping|Insurance] companies said [premiums|costs] for [vessels|cargo] [sailing|heading] to the region had "
    "[doubled|risen sharply] since {month}.",
    "{B} [owes|has debts of about] {money2} to foreign [lenders|creditors], [much of it|a large part of it] to {adjA} "
    "state banks.",
    "About {pct} percent of {adjB} exports [pass|go] through [ports|roads] [near the|in the] {reg} region, [officials "
    "say|according to the trade ministry].",
    "[Airlines|Several airlines] [suspended|cancelled] flights to {capB} [for the rest of the week|until further "
    "notice] [citing|because of] the security situation.",
    "The {adjA} central bank said the [measures|events] would have [a limited|only a small] effect on [growth|prices] "
    "at home.",
    "[Food|Fuel] prices in {B} have [risen|increased] by {pct} percent [this year|since {month}], [hitting|squeezing] "
    "poorer households hardest.",
    "[Investors|Foreign investors] [pulled|withdrew] about {money} from {adjB} [stocks|markets] [last month|in "
    "{month}], [according to|figures from] the finance ministry.",
    "Tourism, which [accounts for|makes up] about {pct_small} percent of {adjB} output, has [suffered|fallen] since "
    "the [crisis|tension] began.",
    "[Business groups|Chambers of commerce] in {capA} and {capB} [warned|said] that [a long dispute|further "
    "uncertainty] would [hurt|damage] [exporters|small firms] on both sides, [many of which|which] depend on "
    "[cross-border supply chains|each other's markets].",
    "The {adjB} government [has asked|is in talks with] the International Monetary Fund [for|about] a loan of {money2} "
    "to [shore up|support] its [currency|reserves] and [pay for|cover] [fuel|food] imports.",
    "[Ratings agency analysts|Economists at a {adjC} bank] said [the dispute|the crisis] [added to|increased] the "
    "risks for {B}, whose [public debt|budget deficit] has [grown|risen] to {pct} percent of its economic output.",
    "[Exporters|Farmers] in the {reg} region said [sales|orders] had fallen by [about|nearly] {pct} percent since "
    "{month}, and [some|several] [factories|packing plants] had [cut shifts|laid off workers].",
]
OUTLOOK = [
    "The {adjA} {titleA} is [due|expected] to [visit|travel to] {capC} [next week|later this month] for "
    "[talks|meetings] on the [crisis|issue].",
    "{ORG} [ministers|members] are [due|expected] to [discuss|take up] the matter at a meeting in {capC} in {month2}.",
    "Officials said further [measures|steps] [could|would] follow if the situation [did not improve|worsened] [in the "
    "coming days|over the next few weeks], [but|although] [no details were given|they gave no details].",
    "A [follow-up|second] meeting [is planned|has been scheduled] for {month2} in {capD}, officials said, [and|while] "
    "[technical teams|experts] [will|would] [meet|keep working] [before then|in the meantime].",
    "The {adjB} parliament is [expected|due] to [debate|vote on] the [issue|agreement] [next week|before the end of "
    "{month2}], [and|but] [the outcome|the result] [is uncertain|remains unclear] [because|as] the [ruling "
    "coalition|government] [lacks|has lost] a [stable|clear] majority.",
    "[Diplomats|Analysts] said the coming weeks would show whether [the two sides were|either side was] "
    "[ready|willing] to [compromise|make concessions].",
    "Neither government [has said|said] [what it would do next|when talks would resume], and [officials|spokespeople] "
    "in both capitals [declined|refused] to comment [further|on the next steps] [on {day2}|when asked].",
    "{C} said it would [raise|bring up] the [matter|issue] at the UN General Assembly in {month2}.",
    "The {adjA} foreign ministry said it would [publish|release] a [full account|report] of the [incident|talks] "
    "[within days|in the coming weeks].",
    "[Both|The two] sides said they [remained|were still] committed to [a peaceful solution|dialogue], [despite|in "
    "spite of] the [setback|tension], [but|and] [gave|offered] no [timetable|date] for [new talks|the next meeting].",
]


# -- composing an article ----------------------------------------------------------------------------------
@dataclass(slots=True)
class Article:
    index: int
    title: str
    paragraphs: list[str]
    published: date
    site: dict
    author: str
    url: str
    story: str
    related: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return len(self.text.split())


_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_LOWER_FIRST = {"The", "A", "An", "Both", "Officials", "Police", "Thousands", "Hundreds", "Tens", "About", "Trade"}
_CONNECTORS = ["Meanwhile", "Separately", "On {day2}", "Earlier", "Later", "In {capC}", "At the same time"]


def _render(template: str, fill: dict, rng: random.Random) -> str:
    text = template
    while True:
        new = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
        if new == text:
            break
        text = new
    for _ in range(2):  # slots may hold slots ("remarks by the {adjB} {titleB}")
        text = text.format(**fill)
    return text[0].upper() + text[1:]


def _fill(rng: random.Random) -> dict:
    a, b, c, d = rng.sample(ACTORS, 4)
    ta, ta2, tb, tb2, tc = (rng.choice(TITLES_ALL) for _ in range(5))
    org, org2 = rng.sample(ORGS, 2)
    issue, issue2 = rng.sample(ISSUES, 2)
    month, month2 = rng.sample(MONTHS, 2)
    launched = rng.randint(12, 90)
    fill = {
        "A": a[0],
        "adjA": a[1],
        "capA": a[2],
        "B": b[0],
        "adjB": b[1],
        "capB": b[2],
        "C": c[0],
        "adjC": c[1],
        "capC": c[2],
        "D": d[0],
        "adjD": d[1],
        "capD": d[2],
        "titleA": ta,
        "titleA2": ta2,
        "titleB": tb,
        "titleB2": tb2,
        "titleC": tc,
        "title": ta,  # benchmarks/corpus.py's slots
        "ORG": org,
        "ORG2": org2,
        "issue": issue,
        "issue2": issue2,
        "day": rng.choice(DAYS),
        "day2": rng.choice(DAYS + ["Saturday", "Sunday"]),
        "month": month,
        "month2": month2,
        "year_target": rng.randint(2027, 2035),
        "sector": rng.choice(SECTORS),
        "goods": rng.choice(GOODS),
        "milgoods": rng.choice(MILITARY_GOODS),
        "supply": rng.choice(SUPPLIES),
        "crisis": rng.choice(CRISES),
        "reg": rng.choice(REGIONS),
        "ordinal": rng.choice(ORDINALS),
        "money": f"{rng.choice([40, 60, 75, 90, 120, 150, 200, 250, 300, 450, 600, 800])} million "
        f"{rng.choice(['dollars', 'euros'])}",
        "killed": rng.randint(4, 70),
        "killed2": rng.randint(5, 90),
        "killed_small": rng.choice(NUMBER_WORDS[:5]),
        "wounded": rng.randint(10, 160),
        "troops": f"{rng.randint(5, 120) * 1000:,}",
        "people": f"{rng.randint(12, 900) * 1000:,}",
        "diaspora": f"{rng.randint(20, 800) * 1000:,}",
        "launched": launched,
        "drones": rng.randint(launched // 2, launched - 1),
        "n_small": rng.choice(NUMBER_WORDS),
        "n_people": rng.randint(11, 140),
        "n_firms": rng.randint(6, 60),
        "n_months": rng.choice([3, 6, 9, 12, 18]),
        "n_days": rng.randint(2, 5),
        "n_hours": rng.choice([24, 48, 72]),
        "n_members": rng.randint(9, 55),
        "hours": rng.choice(["two", "three", "four", "five", "six"]),
        "arrests": rng.randint(14, 420),
        "injured": rng.randint(3, 60),
        "km": rng.randint(8, 140),
        "border_km": rng.randint(180, 2900),
        "years": rng.randint(2, 15),
        "jobs": f"{rng.randint(2, 60) * 1000:,}",
    }
    for key, options in SLOT_CHOICES.items():
        fill[key] = rng.choice(options)
    return fill | _numbers(rng)


def _sentences(rng: random.Random, fill: dict, story: str) -> tuple[str, list[str]]:
    """A headline and 20-30 sentences of about 500 words: lead, story, quotes, reactions, background, outlook."""
    headlines, leads, body = STORIES[story]
    title = _render(rng.choice(headlines), fill, rng)
    story_body = rng.sample(body, rng.randint(8, 11))
    quotes = rng.sample(QUOTES, rng.randint(2, 4))
    reactions = rng.sample(REACTIONS + FOLLOW, rng.randint(3, 5))
    background = rng.sample(BACKGROUND, rng.randint(4, 6))
    context = rng.sample(CONTEXT, rng.randint(2, 3))
    outlook = rng.sample(OUTLOOK, rng.randint(1, 2))
    earlier = ["In a separate development on {day2}, " + _lower(rng.choice(LEADS))] if rng.random() < 0.3 else []
    middle = [reactions, background, context + earlier]
    rng.shuffle(middle)
    # the story first, its quotes among its sentences, then the other sections in a random order
    first = [rng.choice(leads)] + story_body[:2]
    rest_story = story_body[2:] + quotes
    rng.shuffle(rest_story)
    templates = first + rest_story + [s for section in middle for s in section] + outlook
    # a connector ("Meanwhile, ...") now and then before a sentence of the story or a reaction
    linkable = set(rest_story + reactions) - set(quotes)
    sentences = [_render(first[0], fill, rng)]
    for template in templates[1:]:
        # the numbers and years of the headline and lead are the article's; the others vary sentence by sentence
        sentence = _render(template, fill | _numbers(rng), rng)
        if template in linkable and rng.random() < 0.1:
            sentence = _render(rng.choice(_CONNECTORS), fill, rng) + ", " + _lower(sentence)
        sentences.append(sentence)
    # about 500 words, 20-30 sentences: drop sentences from the middle until the target is met
    target = rng.randint(470, 570)
    while len(sentences) > 30 or (len(sentences) > 20 and sum(len(s.split()) for s in sentences) > target):
        del sentences[rng.randrange(3, len(sentences) - 1)]
    return title, sentences


def _numbers(rng: random.Random) -> dict:
    return {
        "pct": rng.randint(8, 64),
        "pct_small": f"{rng.randint(3, 49) / 10:.1f}",
        "money2": f"{rng.randint(11, 95) / 10:.1f} billion dollars",
        "yearpast": rng.randint(2009, 2023),
        "yearold": rng.randint(1955, 2005),
    }


def _lower(sentence: str) -> str:
    first, _, rest = sentence.partition(" ")
    return (first.lower() if first in _LOWER_FIRST else first) + " " + rest


def _paragraphs(rng: random.Random, sentences: list[str], dateline: str) -> list[str]:
    """Wire style: the lead alone, then paragraphs of one to three sentences, a quote opening its own."""
    paragraphs = [dateline + sentences[0]]
    current: list[str] = []
    for sentence in sentences[1:]:
        if current and (sentence.startswith('"') or len(current) >= rng.choice([1, 2, 2, 3])):
            paragraphs.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


# -- sites and formats -------------------------------------------------------------------------------------
SITES = [
    {"name": "Atlas Wire", "host": "www.atlaswire.example", "section": "world", "layout": "article"},
    {"name": "Meridian Post", "host": "meridianpost.example", "section": "news/international", "layout": "div"},
    {"name": "The Harbour Ledger", "host": "www.harbourledger.example", "section": "world-news", "layout": "article"},
    {"name": "Continental Courier", "host": "continentalcourier.example", "section": "global", "layout": "div"},
    {"name": "Northgate Tribune", "host": "www.northgatetribune.example", "section": "foreign", "layout": "article"},
]
NAV = ["Home", "World", "Politics", "Business", "Markets", "Climate", "Opinion", "Sport", "Culture", "Video"]


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))[:80].rstrip("-")


def _article(rng: random.Random, index: int, start: date) -> Article:
    fill = _fill(rng)
    story = rng.choice(sorted(STORIES))
    title, sentences = _sentences(rng, fill, story)
    published = start + timedelta(days=rng.randrange(366))
    site = SITES[index % len(SITES)]
    dateline = f"{fill['capB'].upper()}, {published.strftime('%b')} {published.day} ({site['name']}) \u2014 "
    paragraphs = _paragraphs(rng, sentences, dateline)
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if rng.random() < 0.3:
        author += f" and {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    url = f"https://{site['host']}/{site['section']}/{published:%Y/%m/%d}/{_slug(title)}-{100000 + index * 37}"
    return Article(index, title, paragraphs, published, site, author, url, story)


def page(article: Article, site: dict | None = None, url: str | None = None, note: str | None = None) -> str:
    """An HTML page of a news site carrying the article, with the site's boilerplate around it."""
    site = site or article.site
    url = url or article.url
    e = html.escape
    when = f"{article.published.isoformat()}T{6 + article.index % 14:02d}:{article.index * 7 % 60:02d}:00Z"
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    related = "".join(
        f'<li><a href="https://{site["host"]}/{site["section"]}/{_slug(t)}">{e(t)}</a></li>' for t in article.related
    )
    body = "\n".join(f"<p>{e(p)}</p>" for p in article.paragraphs)
    if note:
        body += f'\n<p class="syndication"><em>{e(note)}</em></p>'
    open_tag, close_tag = (
        ('<article class="story">', "</article>")
        if site["layout"] == "article"
        else ('<div class="story-body" itemprop="articleBody">', "</div>")
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(article.title)} | {e(site["name"])}</title>
<meta name="description" content="{e(article.paragraphs[0][:150])}">
<meta name="author" content="{e(article.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(article.title)}">
<meta property="og:site_name" content="{e(site["name"])}">
<meta property="og:url" content="{e(url)}">
<meta property="article:published_time" content="{when}">
<link rel="canonical" href="{e(url)}">
<link rel="stylesheet" href="/static/css/site.3f9a1c.css">
<script src="/static/js/analytics.js" async></script>
</head>
<body class="section-{site["section"].split("/")[-1]}">
<div id="cookie-notice" class="cookie-banner" role="dialog">
<p>We use cookies and similar technologies to personalise content and ads and to analyse our traffic.
You can change your choices at any time in <a href="/privacy/settings">Privacy settings</a>.</p>
<button type="button">Accept all</button> <button type="button">Reject non-essential</button>
</div>
<header class="site-header">
<a class="logo" href="/">{e(site["name"])}</a>
<nav class="main-nav" aria-label="Sections"><ul>{nav}</ul></nav>
<form class="search" role="search" action="/search"><input type="search" name="q" placeholder="Search"></form>
<a class="subscribe" href="/subscribe">Subscribe</a> <a class="login" href="/account/login">Sign in</a>
</header>
<main id="content">
<nav class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/{site["section"]}">World</a></nav>
{open_tag}
<h1 class="headline">{e(article.title)}</h1>
<div class="meta"><span class="byline">By {e(article.author)}</span>
<time datetime="{when}">{article.published.strftime("%B %d, %Y")}</time></div>
{body}
<div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a>
<a href="#">Email</a></div>
{close_tag}
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<section class="newsletter"><h3>The Morning Brief</h3>
<p>Get the day's top world stories in your inbox. <a href="/newsletters">Sign up</a></p></section>
</main>
<footer class="site-footer">
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/advertise">Advertise</a></li></ul>
<p>&copy; {article.published.year} {e(site["name"])}. All rights reserved.</p>
</footer>
</body>
</html>
"""


@dataclass(slots=True)
class Corpus:
    """What `write` wrote: files per format, documents, and the articles (the copy's original among them)."""

    articles: list[Article]
    files: dict[str, int]
    documents: dict[str, int]
    duplicates: int

    @property
    def total(self) -> int:
        """Documents an ingest stores (the duplicate included)."""
        return sum(self.documents.values())

    @property
    def mean_words(self) -> float:
        return sum(a.words for a in self.articles) / len(self.articles)


def build(articles: int = ARTICLES, seed: int = SEED) -> list[Article]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    out = [_article(rng, i, start) for i in range(articles)]
    for a in out:
        a.related = [out[j].title for j in rng.sample(range(articles), 4) if j != a.index][:3]
    return out


def write(root: Path, articles: int = ARTICLES, seed: int = SEED) -> Corpus:
    """Write the corpus under `root`: html/ (one page a file), warc/ (.warc.gz), jsonl/ and syndicated/ (the one
    copy, of the first HTML page, on another site; it sorts after html/, so the copy is the duplicate)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    items = build(articles, seed)
    rng = random.Random(seed + 1)
    groups: dict[str, list[Article]] = {"html": [], "warc": [], "jsonl": []}
    for a in items:
        groups[("html", "warc", "jsonl")[a.index % 3]].append(a)
    for name in (*groups, "syndicated"):
        (root / name).mkdir(parents=True, exist_ok=True)

    for a in groups["html"]:
        (root / "html" / f"{a.published:%Y%m%d}-{a.index:04d}.html").write_text(page(a), encoding="utf-8")

    warcs = [groups["warc"][i::WARC_FILES] for i in range(WARC_FILES)]
    for n, records in enumerate(warcs):
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=True, warc_version="WARC/1.0")

        def record_id() -> str:
            return f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}>"

        info = writer.create_warcinfo_record(
            f"CC-NEWS-2024-{n:05d}.warc.gz",
            {"software": "eventwire benchmarks/ingest_corpus.py", "format": "WARC File Format 1.0"},
        )
        info.rec_headers.replace_header("WARC-Record-ID", record_id())
        info.rec_headers.replace_header("WARC-Date", "2024-12-31T00:00:00Z")
        writer.write_record(info)
        for a in records:
            body = page(a).encode("utf-8")
            http = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Server", "nginx"),
                    ("Cache-Control", "max-age=300"),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                a.url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Record-ID": record_id(),
                    "WARC-Date": f"{a.published.isoformat()}T{6 + a.index % 14:02d}:30:00Z",
                },
            )
            writer.write_record(record)
        # the gzip members carry no timestamp, so the bytes are the same on every run
        (root / "warc" / f"CC-NEWS-2024-{n:05d}.warc.gz").write_bytes(buf.getvalue())

    jsonls = [groups["jsonl"][i::JSONL_FILES] for i in range(JSONL_FILES)]
    for n, docs in enumerate(jsonls):
        with (root / "jsonl" / f"wire-{n + 1}.jsonl").open("w", encoding="utf-8") as out:
            for a in docs:
                doc = {
                    "id": f"{a.site['host'].removeprefix('www.').split('.')[0]}-{a.index:04d}",
                    "text": a.text,
                    "date": a.published.isoformat(),
                    "url": a.url,
                    "title": a.title,
                    "source": a.site["name"],
                }
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")

    # the syndicated copy: the first HTML article, republished by another site under its own header and address
    original = groups["html"][0]
    other = next(s for s in SITES if s is not original.site)
    copy_url = f"https://{other['host']}/{other['section']}/{original.published:%Y/%m/%d}/{_slug(original.title)}-syn"
    note = f"This story was first published by {original.site['name']} and is republished under a content agreement."
    # ... its dateline without the date, its last paragraph cut: a near-duplicate, not a byte-for-byte copy
    lead = original.paragraphs[0].replace(f", {original.published:%b} {original.published.day} (", " (", 1)
    copy = replace(original, paragraphs=[lead] + original.paragraphs[1:-1])
    (root / "syndicated" / f"{original.published:%Y%m%d}-{original.index:04d}-copy.html").write_text(
        page(copy, site=other, url=copy_url, note=note), encoding="utf-8"
    )
    return Corpus(
        articles=items,
        files={"html": len(groups["html"]) + 1, "warc.gz": WARC_FILES, "jsonl": JSONL_FILES},
        documents={
            "html": len(groups["html"]),
            "warc.gz": len(groups["warc"]),
            "jsonl": len(groups["jsonl"]),
            "syndicated html": 1,
        },
        duplicates=1,
    )


def most_similar(articles: list[Article]) -> tuple[float, int, int]:
    """(estimated Jaccard, i, j) of the most similar pair of articles, as eventwire.dedup estimates it."""
    import numpy as np

    from eventwire import dedup

    sigs = np.stack([dedup.signature(a.text) for a in articles])
    best = (0.0, -1, -1)
    for i in range(len(sigs) - 1):
        scores = (sigs[i + 1 :] == sigs[i]).mean(axis=1)
        j = int(scores.argmax())
        if scores[j] > best[0]:
            best = (float(scores[j]), i, i + 1 + j)
    return best


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python benchmarks/ingest_corpus.py DIR", file=sys.stderr)
        return 2
    corpus = write(Path(argv[0]))
    words = [a.words for a in corpus.articles]
    sentences = [len(re.findall(r"[.!?][\"]?(?:\s|$)", a.text)) for a in corpus.articles]
    print(f"files: {corpus.files}; documents: {corpus.documents} ({corpus.total} in all, {corpus.duplicates} copy)")
    print(f"words per article: mean {corpus.mean_words:.0f}, min {min(words)}, max {max(words)}")
    print(
        f"sentences per article (about): mean {sum(sentences) / len(sentences):.1f}, {min(sentences)}-{max(sentences)}"
    )
    from eventwire.dedup import THRESHOLD

    score, i, j = most_similar(corpus.articles)
    print(f"most similar pair: {score:.2f} (articles {i} and {j}); near-duplicates from {THRESHOLD:.2f}")
    gz = sum(len(gzip.decompress(p.read_bytes())) for p in Path(argv[0]).glob("warc/*.warc.gz"))
    print(f"WARC: {gz / 1e6:.1f} MB uncompressed")
    return 0 if score < THRESHOLD else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
