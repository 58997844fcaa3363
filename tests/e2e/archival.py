#!/usr/bin/env python3
"""Every PDF agendapack writes (each meeting's pack and each agenda item's
own file) is meant for PDF/A-2u, as far as the writer decides it: for every
one in the example site this checks the header's binary comment, `qpdf
--check`, an uncompressed XMP packet that parses and says pdfaid:part 2 and
conformance U, and agrees with the document information (title, author,
subject, keywords, creator, producer and both dates, as pdfinfo reads them);
an sRGB output intent whose profile is an ICC RGB profile (N 3, 'acsp' at
byte 36); a file identifier in the trailer; no encryption; every annotation
printable (F 4); every font embedded with a ToUnicode map; and a second
build, on one thread, writing the same bytes.

usage: /usr/bin/python3 archival.py AGENDAPACK REPO"""
import datetime
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import fitz  # PyMuPDF (Debian: python3-fitz)

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

problems = []


def problem(pdf, message):
    problems.append(f"{pdf.name}: {message}")


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def build(agendapack, repo, out, *extra):
    subprocess.run([agendapack, "build", "--content", str(repo / "content"), "--data", str(repo / "data"),
                    "--templates", str(repo / "templates"), "--out", str(out), *extra], check=True, stdout=subprocess.DEVNULL)


def objects_of(pdf):
    """qpdf's JSON (version 2): object key ("obj:N 0 R" or "trailer") → value or stream dictionary."""
    data = json.loads(run("qpdf", "--json=2", "--json-key=qpdf", str(pdf)))["qpdf"][1]
    found = {}
    for key, entry in data.items():
        found[key] = entry["stream"]["dict"] if "stream" in entry else entry.get("value")
    return found


def resolve(objects, value):
    while isinstance(value, str) and re.fullmatch(r"\d+ \d+ R", value):
        value = objects.get(f"obj:{value}")
    return value


def text_of(value):
    """A qpdf JSON string ("u:text" or "b:hex") as text."""
    if not isinstance(value, str):
        return None
    if value.startswith("u:"):
        return value[2:]
    if value.startswith("b:"):
        return bytes.fromhex(value[2:]).decode("latin-1")
    return value


def parse_date(text):
    """pdfinfo -isodates' dates and XMP's, as aware datetimes."""
    text = text.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    text = re.sub(r"([+-]\d\d)$", r"\1:00", text)
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None


def one(tree, path):
    found = tree.findall(path, NS)
    return found[0].text if len(found) == 1 else None


def check_header(pdf, raw):
    match = re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%([^\r\n]*)(\r\n|\r|\n)", raw)
    if not match:
        problem(pdf, f"the header is not %PDF-1.n and a comment line: {raw[:20]!r}")
    elif sum(b > 127 for b in match.group(2)) < 4:
        problem(pdf, f"the header's comment line has fewer than four bytes above 127: {match.group(2)!r}")


def check_xmp(pdf, objects, catalog, document, info):
    reference = catalog.get("/Metadata")
    stream = resolve(objects, reference)
    if not isinstance(stream, dict):
        problem(pdf, "the catalog has no /Metadata stream")
        return
    if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        problem(pdf, f"the metadata stream is /Type {stream.get('/Type')} /Subtype {stream.get('/Subtype')}, not /Metadata /XML")
    if "/Filter" in stream:
        problem(pdf, f"the metadata stream is compressed ({stream['/Filter']}); PDF/A wants it readable as it is")
    xref = int(reference.split()[0])
    packet = document.xref_stream_raw(xref)
    if b'bytes="' in packet[:200] or b'encoding="' in packet[:200]:
        problem(pdf, "the XMP packet header has a bytes or encoding attribute")
    try:
        tree = ET.fromstring(packet.decode("utf-8"))
    except (UnicodeDecodeError, ET.ParseError) as e:
        problem(pdf, f"the XMP packet is not well-formed UTF-8 XML: {e}")
        return
    part, conformance = one(tree, ".//pdfaid:part"), one(tree, ".//pdfaid:conformance")
    if part != "2" or conformance != "U":
        problem(pdf, f"XMP says pdfaid:part {part!r} and pdfaid:conformance {conformance!r}, not '2' and 'U'")
    titles = tree.findall(".//dc:title/rdf:Alt/rdf:li", NS)
    title = next((li.text for li in titles if li.get(XML_LANG) == "x-default"), None)
    creators = [li.text for li in tree.findall(".//dc:creator/rdf:Seq/rdf:li", NS)]
    descriptions = tree.findall(".//dc:description/rdf:Alt/rdf:li", NS)
    description = next((li.text for li in descriptions if li.get(XML_LANG) == "x-default"), None)
    agree = [
        ("Title", "dc:title (x-default)", title),
        ("Author", "dc:creator", creators[0] if len(creators) == 1 else f"{len(creators)} creators"),
        ("Subject", "dc:description (x-default)", description),
        ("Keywords", "pdf:Keywords", one(tree, ".//pdf:Keywords")),
        ("Creator", "xmp:CreatorTool", one(tree, ".//xmp:CreatorTool")),
        ("Producer", "pdf:Producer", one(tree, ".//pdf:Producer")),
    ]
    for key, name, xmp_value in agree:
        if info.get(key) is None or xmp_value != info.get(key):
            problem(pdf, f"XMP {name} is {xmp_value!r}, pdfinfo's {key} is {info.get(key)!r}")
    for key, name in (("CreationDate", "xmp:CreateDate"), ("ModDate", "xmp:ModifyDate")):
        xmp_date = one(tree, f".//{name}")
        info_date = info.get(key)
        if info_date is None and xmp_date is None:
            continue
        if info_date is None or xmp_date is None or parse_date(xmp_date) is None or parse_date(xmp_date) != parse_date(info_date):
            problem(pdf, f"XMP {name} is {xmp_date!r}, pdfinfo's {key} is {info_date!r}")
    if one(tree, ".//xmp:CreateDate") is None:
        problem(pdf, "XMP has no xmp:CreateDate")


def check_output_intent(pdf, objects, catalog, document):
    intents = resolve(objects, catalog.get("/OutputIntents"))
    if not isinstance(intents, list) or not intents:
        problem(pdf, "the catalog has no /OutputIntents")
        return
    chosen = [resolve(objects, i) for i in intents]
    chosen = [i for i in chosen if isinstance(i, dict) and i.get("/S") == "/GTS_PDFA1"]
    if len(chosen) != 1:
        problem(pdf, f"{len(chosen)} output intents with /S /GTS_PDFA1, not one")
        return
    intent = chosen[0]
    if intent.get("/Type") not in (None, "/OutputIntent"):
        problem(pdf, f"the output intent's /Type is {intent.get('/Type')}")
    if not text_of(intent.get("/OutputConditionIdentifier")):
        problem(pdf, "the output intent has no /OutputConditionIdentifier")
    reference = intent.get("/DestOutputProfile")
    profile = resolve(objects, reference)
    if not isinstance(profile, dict) or not isinstance(reference, str):
        problem(pdf, "the output intent has no /DestOutputProfile stream")
        return
    if profile.get("/N") != 3:
        problem(pdf, f"the output profile has /N {profile.get('/N')}, not 3 (RGB)")
    data = document.xref_stream(int(reference.split()[0]))
    if len(data) < 128 or data[36:40] != b"acsp":
        problem(pdf, f"the output profile is not an ICC profile (bytes 36..40 are {data[36:40]!r})")
    elif data[16:20] != b"RGB ":
        problem(pdf, f"the output profile's colour space is {data[16:20]!r}, not RGB")
    elif data[12:16] not in (b"mntr", b"prtr"):
        problem(pdf, f"the output profile's class is {data[12:16]!r}, not a monitor or printer profile")


def check_annotations(pdf, objects):
    annotations = set()
    for key, value in objects.items():
        if isinstance(value, dict) and value.get("/Type") == "/Page":
            for a in resolve(objects, value.get("/Annots")) or []:
                annotations.add(a if isinstance(a, str) else json.dumps(a))
        if isinstance(value, dict) and value.get("/Type") == "/Annot":
            annotations.add(key[4:] if key.startswith("obj:") else key)
    for a in sorted(annotations):
        annotation = resolve(objects, a) if not a.startswith("{") else json.loads(a)
        if not isinstance(annotation, dict) or annotation.get("/F") != 4:
            flags = annotation.get("/F") if isinstance(annotation, dict) else None
            problem(pdf, f"annotation {a} has /F {flags}, not 4 (printable, nothing hidden)")
            return


def check_fonts(pdf, objects):
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    for line in lines:
        fields = line.split()
        if fields[-5] != "yes":
            problem(pdf, f"a font is not embedded: {line}")
        if fields[-3] != "yes":
            problem(pdf, f"a font has no ToUnicode map: {line}")
    for key, value in objects.items():
        if isinstance(value, dict) and value.get("/Type") == "/Font" and value.get("/Subtype") in ("/Type0", "/TrueType", "/Type1", "/Type3"):
            if "/ToUnicode" not in value:
                problem(pdf, f"font {key} ({value.get('/BaseFont')}) has no /ToUnicode")


def check(pdf):
    raw = pdf.read_bytes()
    check_header(pdf, raw)
    result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    if result.returncode != 0 or "No syntax or stream encoding errors" not in result.stdout:
        problem(pdf, f"qpdf --check: {result.stdout}{result.stderr}")
    objects = objects_of(pdf)
    trailer = objects.get("trailer") or {}
    identifier = trailer.get("/ID")
    if not (isinstance(identifier, list) and len(identifier) == 2 and all(text_of(i) for i in identifier)):
        problem(pdf, f"the trailer has no file identifier (/ID is {identifier!r})")
    if "/Encrypt" in trailer:
        problem(pdf, "the file is encrypted")
    catalog = resolve(objects, trailer.get("/Root"))
    if not isinstance(catalog, dict):
        problem(pdf, "no catalog")
        return
    if "/AA" in catalog:
        problem(pdf, "the catalog has additional actions (/AA)")
    if "JavaScript" in json.dumps(objects):
        problem(pdf, "the file holds JavaScript")
    if "LZWDecode" in json.dumps(objects):
        problem(pdf, "a stream is LZW-compressed")
    info = {}
    for line in run("pdfinfo", "-isodates", str(pdf)).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    document = fitz.open(str(pdf))
    check_xmp(pdf, objects, catalog, document, info)
    check_output_intent(pdf, objects, catalog, document)
    check_annotations(pdf, objects)
    check_fonts(pdf, objects)


def main():
    agendapack, repo = sys.argv[1], pathlib.Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as work:
        first, second = pathlib.Path(work) / "one", pathlib.Path(work) / "two"
        build(agendapack, repo, first)
        build(agendapack, repo, second, "--jobs", "1")
        pdfs = sorted(list(first.glob("meetings/*/*-pack.pdf")) + list(first.glob("meetings/*/*-item-*.pdf")))
        if len(pdfs) < 10:
            problems.append(f"only {len(pdfs)} packs and item files found")
        for pdf in pdfs:
            check(pdf)
            twin = second / pdf.relative_to(first)
            if not twin.exists() or twin.read_bytes() != pdf.read_bytes():
                problem(pdf, "a second build of the same sources wrote other bytes")
    if problems:
        print(f"FAIL: {len(problems)} problems")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"ok: {len(pdfs)} packs and item files are PDF/A-2u as far as agendapack decides")


if __name__ == "__main__":
    main()
