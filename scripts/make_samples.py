"""Write the bundled sample corpus's web, feed, crawl and archive files (samples/pages, feeds, crawl, archive) from
the stories below, which are the project's own writing. The .txt and .jsonl samples are written by hand.

Run it again after changing a story: `python scripts/make_samples.py`. The output is deterministic.
"""

from __future__ import annotations

import gzip
import html
import json
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "samples"

PAGES = {
    "baltic-exercise": (
        "2024-06-07",
        "news.example",
        "NATO allies open Baltic exercise as Russia warns of response",
        [
            "NATO began its annual naval exercise in the Baltic Sea on Friday, with ships from 20 member states "
            "taking part off the coasts of Poland, Lithuania and Estonia.",
            "Russia's foreign ministry accused the alliance of provoking tension on its borders and warned that "
            "Moscow would respond to any threat to its security.",
            "Finland and Sweden, the alliance's newest members, sent warships and aircraft for the first time.",
            "The exercise has been held every June since 1971.",
        ],
    ),
    "sahel-talks": (
        "2024-07-08",
        "africa-desk.example",
        "Sahel juntas sign confederation treaty in Niamey",
        [
            "The military leaders of Mali, Burkina Faso and Niger signed a treaty in Niamey on Saturday creating a "
            "confederation of the three states.",
            "The Economic Community of West African States urged the three governments to return to the bloc, "
            "which they left in January.",
            "Niger's leader, General Abdourahamane Tiani, accused ECOWAS of serving foreign powers.",
            "The three countries expelled French troops after their coups and turned to Russia for security help.",
        ],
    ),
}
# a syndicated copy: the Baltic story as another site ran it, under its own header and with a line of its own
SYNDICATED = (
    "2024-06-07",
    "regional-times.example",
    "Baltic naval drills begin",
    ["(Wire service report)", *PAGES["baltic-exercise"][3]],
)
FEED_ITEMS = [
    (
        "Tue, 05 Mar 2024 09:10:00 GMT",
        "https://wire.example/2024/03/05/korea-drills",
        "North Korea fires missiles as allies drill",
        "North Korea fired several short-range ballistic missiles into the sea on Monday, hours after South Korea "
        "and the United States began their annual joint military exercises. Seoul condemned the launches.",
    ),
    (
        "Wed, 13 Mar 2024 14:30:00 GMT",
        "https://wire.example/2024/03/13/haiti-aid",
        "Canada pledges aid to Haiti",
        "Canada pledged 80 million dollars in humanitarian aid to Haiti on Wednesday. The United Nations appealed "
        "for funds to feed people displaced by gang violence in Port-au-Prince.",
    ),
    (
        "Mon, 25 Mar 2024 18:05:00 GMT",
        "https://wire.example/2024/03/25/gaza-resolution",
        "Security Council demands ceasefire in Gaza",
        "The UN Security Council demanded an immediate ceasefire in Gaza on Monday after the United States "
        "abstained. Israel criticised Washington for not using its veto.",
    ),
]
ATOM_ENTRIES = [
    (
        "2024-09-10T07:00:00Z",
        "https://region.example/articles/armenia-azerbaijan",
        "Armenia and Azerbaijan hold border talks",
        "Armenian and Azerbaijani officials met in Brussels on Tuesday to discuss the demarcation of their border. "
        "The European Union offered to host further talks.",
    ),
    (
        "2024-09-12T11:45:00Z",
        "https://region.example/articles/georgia-protest",
        "Georgia summons US envoy",
        "Georgia summoned the US ambassador on Thursday over comments criticising a new law on foreign agents. "
        "Protesters rallied outside parliament in Tbilisi for a third night.",
    ),
]
CRAWL = {
    "https://globe.example/world/2024/10/02/iran-missiles": (
        "2024-10-02",
        "Iran fires missiles at Israel",
        [
            "Iran fired about 180 ballistic missiles at Israel on Tuesday evening, in what it called retaliation "
            "for the killing of Hezbollah's leader.",
            "Israeli Prime Minister Benjamin Netanyahu vowed to make Iran pay for the attack.",
            "The United States helped Israel intercept most of the missiles, the Pentagon said.",
            "Oil prices rose by five percent after the attack.",
        ],
    ),
    "https://globe.example/asia/2024/11/05/india-china-patrols": (
        "2024-11-05",
        "India and China complete disengagement",
        [
            "India and China completed the withdrawal of troops from two friction points on their disputed border "
            "in Ladakh, India's army said on Tuesday.",
            "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping had agreed to restore patrols "
            "when they met in Kazan last month.",
            "The two armies clashed in the Galwan valley in 2020.",
        ],
    ),
    "https://globe.example/americas/2025/01/27/colombia-deportations": (
        "2025-01-27",
        "Colombia accepts deportation flights after tariff threat",
        [
            "Colombia agreed on Monday to accept military flights carrying deported migrants from the United "
            "States, after President Donald Trump threatened to impose tariffs on Colombian goods.",
            "Colombian President Gustavo Petro had turned back two US military aircraft on Sunday.",
        ],
    ),
}

ARCHIVE = [
    {
        "id": "arc-2023-001",
        "date": "2023-10-04",
        "source": "sample-archive",
        "url": "https://archive.example/2023/10/04/kosovo",
        "text": "Serbia withdrew part of its forces from the border with Kosovo, the White House said on Monday, "
        "after the United States and the European Union had urged Belgrade to reduce the build-up.",
    },
    {
        "id": "arc-2023-002",
        "date": "2023-12-07",
        "source": "sample-archive",
        "url": "https://archive.example/2023/12/07/guyana",
        "text": "Brazil sent armoured vehicles to its northern border as Venezuela threatened to annex part of "
        "Guyana. Guyana asked the International Court of Justice to stop the referendum.",
    },
]

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T06:30:00Z">
<link rel="canonical" href="https://{site}/{slug}"></head>
<body>
<header><a href="/">{site}</a><nav><a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<main><article>
<h1>{title}</h1>
<p class="byline">By Foreign Desk</p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Weather: storms expected</a></li></ul></aside></main>
<footer>&copy; 2024 {site}. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
"""


def page(slug: str, date: str, site: str, title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return PAGE.format(title=html.escape(title), site=site, date=date, slug=slug, paragraphs=body)


def rss() -> str:
    items = "".join(
        f"\n<item><title>{html.escape(t)}</title><link>{link}</link><pubDate>{when}</pubDate>"
        f"<description>{html.escape(f'<p>{text}</p>')}</description></item>"
        for when, link, t, text in FEED_ITEMS
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Sample Wire</title>'
        f"<link>https://wire.example/</link><description>World news</description>{items}\n</channel></rss>\n"
    )


def atom() -> str:
    entries = "".join(
        f'\n<entry><title>{html.escape(t)}</title><link href="{link}"/><id>{link}</id><updated>{when}</updated>'
        f'<content type="html">{html.escape(f"<p>{text}</p>")}</content></entry>'
        for when, link, t, text in ATOM_ENTRIES
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Region Desk</title>'
        f"<id>https://region.example/</id><updated>2024-09-12T12:00:00Z</updated>{entries}\n</feed>\n"
    )


def warc_record(kind: str, url: str, date: str, payload: bytes, content_type: str) -> bytes:
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, kind + url)
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: {date}T12:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + payload + b"\r\n\r\n", mtime=0)


def warc() -> bytes:
    out = []
    for url, (date, title, paragraphs) in CRAWL.items():
        request = f"GET {url.split('/', 3)[3]} HTTP/1.1\r\nHost: globe.example\r\n\r\n".encode()
        out.append(warc_record("request", url, date, request, "application/http; msgtype=request"))
        body = page(url.rsplit("/", 1)[1], date, "globe.example", title, paragraphs).encode()
        response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        out.append(warc_record("response", url, date, response, "application/http; msgtype=response"))
    robots = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nUser-agent: *\r\nAllow: /\r\n"
    out.append(warc_record("response", "https://globe.example/robots.txt", "2025-01-27", robots, "application/http"))
    return b"".join(out)


def main() -> None:
    for folder in ("pages", "feeds", "crawl", "archive"):
        (ROOT / folder).mkdir(parents=True, exist_ok=True)
    for slug, (date, site, title, paragraphs) in PAGES.items():
        (ROOT / "pages" / f"{slug}.html").write_text(page(slug, date, site, title, paragraphs), encoding="utf-8")
    date, site, title, paragraphs = SYNDICATED
    (ROOT / "pages" / "baltic-exercise-syndicated.html").write_text(
        page("baltic-drills", date, site, title, paragraphs), encoding="utf-8"
    )
    (ROOT / "feeds" / "sample-wire.rss").write_text(rss(), encoding="utf-8")
    (ROOT / "feeds" / "region-desk.atom").write_text(atom(), encoding="utf-8")
    (ROOT / "crawl" / "globe-news.warc.gz").write_bytes(warc())
    lines = "".join(json.dumps(item) + "\n" for item in ARCHIVE).encode()
    (ROOT / "archive" / "items-2023.jsonl.gz").write_bytes(gzip.compress(lines, mtime=0))
    print(
        json.dumps(
            {
                "pages": len(PAGES) + 1,
                "feed items": len(FEED_ITEMS) + len(ATOM_ENTRIES),
                "crawl": len(CRAWL),
                "archive": len(ARCHIVE),
            }
        )
    )


if __name__ == "__main__":
    main()
