#!/usr/bin/python3
"""The site's feeds and open data read back with the tools their readers use.

Every .ics parses with python3-icalendar, each event with a UID (unique in
its calendar, stable when a meeting moves), DTSTART, SEQUENCE and STATUS; a
meeting rescheduled and one cancelled (in a copy of the example) keep their
UID, bump SEQUENCE and say CANCELLED. The Atom feed parses cleanly with
python3-feedparser. Each meeting's JSON and the index validate against the
schemas in tests/schema/ (python3-jsonschema), and name files that exist.
The sitemap lists pages that exist under council.yaml's site_url.

usage: open_data.py AGENDAPACK REPO_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import feedparser
import icalendar
import jsonschema

agendapack, repo = sys.argv[1], sys.argv[2]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def build(content, out):
    done = subprocess.run([agendapack, "build", "--content", content, "--data", os.path.join(repo, "data"),
                           "--templates", os.path.join(repo, "templates"), "--out", out], capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr)
        sys.exit(1)


def events(path):
    calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


with tempfile.TemporaryDirectory() as work:
    site = os.path.join(work, "site")
    build(os.path.join(repo, "content"), site)

    calendars = [os.path.join(site, "calendar", f) for f in sorted(os.listdir(os.path.join(site, "calendar")))]
    if not calendars:
        fail("no calendars")
    first_uids = {}
    for path in calendars:
        found = events(path)
        uids = [str(e["UID"]) for e in found]
        if len(uids) != len(set(uids)):
            fail(path + ": a UID is repeated")
        for e in found:
            for key in ("UID", "DTSTART", "SEQUENCE", "STATUS", "SUMMARY", "DTSTAMP"):
                if key not in e:
                    fail("%s: an event has no %s" % (path, key))
        if path.endswith("children-and-families.ics"):
            first_uids = {str(e["UID"]): e for e in found}

    feed = feedparser.parse(open(os.path.join(site, "feed.xml"), "rb").read())
    if feed.bozo:
        fail("feed.xml does not parse: %s" % feed.bozo_exception)
    if len(feed.entries) < 4:
        fail("feed.xml has %d entries for 4 meetings" % len(feed.entries))
    for entry in feed.entries:
        if not entry.get("id") or not entry.get("updated") or not entry.get("link"):
            fail("a feed entry lacks id, updated or link: %s" % entry.get("title"))

    schemas = os.path.join(repo, "tests", "schema")
    meeting_schema = json.load(open(os.path.join(schemas, "meeting.schema.json")))
    index_schema = json.load(open(os.path.join(schemas, "meetings-index.schema.json")))
    index = json.load(open(os.path.join(site, "open-data", "meetings.json")))
    try:
        jsonschema.validate(index, index_schema)
    except jsonschema.ValidationError as e:
        fail("open-data/meetings.json: " + e.message)
    for meeting in index.get("meetings", []):
        path = os.path.join(site, meeting["url"])
        if not os.path.exists(path):
            fail("the index names " + meeting["url"] + ", which does not exist")
            continue
        data = json.load(open(path))
        try:
            jsonschema.validate(data, meeting_schema)
        except jsonschema.ValidationError as e:
            fail(meeting["url"] + ": " + e.message)
        for item in data["agenda"]:
            for media in item["media"]:
                for link in media["links"]:
                    if not os.path.exists(os.path.join(site, link["url"])):
                        fail(meeting["url"] + ": names " + link["url"] + ", which does not exist")

    sitemap = open(os.path.join(site, "sitemap.xml"), encoding="utf-8").read()
    base = re.search(r"^site_url:\s*(\S+)", open(os.path.join(repo, "content", "council.yaml"), encoding="utf-8").read(), re.M).group(1)
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    if not locs:
        fail("the sitemap lists nothing")
    for loc in locs:
        if not loc.startswith(base) or not os.path.exists(os.path.join(site, loc[len(base):])):
            fail("the sitemap lists " + loc + ", which is not a page of the site")

    # A meeting moved and one cancelled: the same events, told so.
    content = os.path.join(work, "content")
    shutil.copytree(os.path.join(repo, "content"), content)
    moved_from, moved_to = "2024-09-26", "2024-09-27"
    meeting_dir = os.path.join(content, "children-and-families")
    os.rename(os.path.join(meeting_dir, moved_from), os.path.join(meeting_dir, moved_to))
    yaml = os.path.join(meeting_dir, moved_to, "meeting.yaml")
    text = open(yaml, encoding="utf-8").read().replace("date: " + moved_from, "date: " + moved_to + "\nrescheduled_from: " + moved_from)
    open(yaml, "w", encoding="utf-8").write(text)
    year = os.path.join(meeting_dir, "2024-25.yaml")
    open(year, "w", encoding="utf-8").write(open(year, encoding="utf-8").read().replace(moved_from, moved_to))
    cancelled = os.path.join(meeting_dir, "2023-03-30", "meeting.yaml")
    open(cancelled, "a", encoding="utf-8").write("cancelled: true\n")
    moved_site = os.path.join(work, "moved")
    build(content, moved_site)
    after = {str(e["UID"]): e for e in events(os.path.join(moved_site, "calendar", "children-and-families.ics"))}
    if set(after) != set(first_uids):
        fail("moving a meeting changed the calendar's UIDs: %s" % sorted(set(after) ^ set(first_uids)))
    moved_uid = "children-and-families-%s@agendapack" % moved_from
    if moved_uid in after:
        if int(after[moved_uid]["SEQUENCE"]) != int(first_uids[moved_uid]["SEQUENCE"]) + 1:
            fail("the moved meeting's SEQUENCE did not go up")
        if after[moved_uid].decoded("DTSTART").strftime("%Y-%m-%d") != moved_to:
            fail("the moved meeting's DTSTART is not its new date")
    cancelled_uid = "children-and-families-2023-03-30@agendapack"
    if cancelled_uid not in after or str(after[cancelled_uid]["STATUS"]) != "CANCELLED":
        fail("the cancelled meeting is not STATUS:CANCELLED")

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("calendars, feed, open data and sitemap read back cleanly")
