#!/usr/bin/env python3
"""Helper of subset-font.sh: the character set, the face, the licence text, the check and the README
of the Noto Sans CJK SC subset the web apps ship (webapp/src/main/resources/META-INF/resources/fonts).

Subcommands (run by subset-font.sh; each is usable alone):
  face      TTC                  print the font number of the "Noto Sans CJK SC" face in the collection
  zhs       TTC FACE OUT         write the face as an OTF whose GSUB keeps only the default and the
                                 Simplified Chinese (ZHS) language systems
  chars     REPO OUT             write the code points to keep, one U+XXXX a line, to OUT
  ofl       COPYRIGHT OUT        write the OFL 1.1 text (from the Debian copyright file) with the font's notice
  verify    WOFF2 CHARS          load the subset, check every wanted character is mapped, print the figures
  readme    WOFF2 TTC FACE CHARS OUT [DEBVERSION]   write the README beside the font
"""
import glob
import gzip
import hashlib
import json
import os
import re
import sys
import unicodedata

FAMILY = "Noto Sans CJK SC"

# Characters every label must show; the check fails when one is not in the subset's cmap.
MUST_HAVE = "监督员秦都区城管通暴露垃圾剩余工作小时签收回退延期反馈核查"

# Full-width and CJK punctuation used in running Chinese text (GB/T 15834 and the UI's own).
PUNCTUATION = "，。、：；！？（）【】《》〈〉「」『』〔〕“”‘’…—–·￥％＋－＝～／＼＠＃＆＊｜"


def gb2312_range(first, last):
    """Characters of the GB2312 code points first..last (two-byte EUC-CN values), undefined ones skipped."""
    out = []
    for hi in range(first >> 8, (last >> 8) + 1):
        for lo in range(0xA1, 0xFF):
            code = (hi << 8) | lo
            if code < first or code > last:
                continue
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def gb2312_level1():
    chars = gb2312_range(0xB0A1, 0xD7F9)
    if len(chars) != 3755:
        raise SystemExit(f"GB2312 level 1 decoded to {len(chars)} characters, expected 3755")
    return chars


def base_set():
    """ASCII, Latin-1, the common punctuation and symbols, GB2312 rows 1-3 (symbols, numerals,
    full-width ASCII) and GB2312 level 1 hanzi."""
    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars |= set(chr(c) for c in range(0xA0, 0x100))
    chars |= set("‐‑‒–—―‖‘’‚“”„†‡•‥…‰′″‹›※€℃№™←↑→↓↔√∞≈≠≤≥①②③④⑤⑥⑦⑧⑨⑩○●◎□■△▲◇◆☆★✓")
    chars |= set(chr(c) for c in range(0x3000, 0x3020))  # CJK symbols: 　、。〃〈〉《》「」『』【】〒〓〔〕〖〗〘〙〚〛〜〝〞〟
    chars |= set(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width ASCII forms
    chars |= set("￠￡￢￣￤￥")
    chars |= set(PUNCTUATION)
    chars |= set(gb2312_range(0xA1A1, 0xA3FE))            # GB2312 rows 1-3
    chars |= set(gb2312_level1())
    return chars


ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})")


def text_chars(text):
    """The characters of a text, including those written as \\uXXXX or \\u{X} escapes (JSON, JS)."""
    chars = set(text)
    for m in ESCAPE.finditer(text):
        try:
            chars.add(chr(int(m.group(1) or m.group(2), 16)))
        except ValueError:
            pass
    return chars


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        print(f"  skipped (not UTF-8 text): {path}", file=sys.stderr)
        return ""


def label_sources(repo):
    """The files whose text the web apps show: reference data, intake resources (the unit grid's
    street and community names), the demo accounts and the web apps' own html/js/json/css."""
    patterns = [
        "reference-data/src/main/resources/cityloop/reference/*.json",
        "case-intake/src/main/resources/**/*",
        "gateway/src/main/resources/accounts/demo-accounts.yml",
    ]
    patterns += [f"webapp/src/main/resources/**/*.{ext}" for ext in ("html", "js", "mjs", "json", "css", "vue")]
    files = set()
    for pattern in patterns:
        for path in glob.glob(os.path.join(repo, pattern), recursive=True):
            if os.path.isfile(path):
                files.add(path)
    return sorted(files)


def is_cjk(ch):
    """A hanzi: a CJK unified or compatibility ideograph (not the ideographic punctuation)."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def cmd_face(ttc):
    from fontTools.ttLib import TTCollection
    collection = TTCollection(ttc, lazy=True)
    for number, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == FAMILY:
            print(number)
            return
    raise SystemExit(f"no face named {FAMILY!r} in {ttc}")


def cmd_zhs(ttc, face, out):
    """The face with the Japanese, Korean and Traditional Chinese language systems taken out of GSUB.
    Their 'locl' substitutions would otherwise pull some 3,000 JP/KR/TC glyph variants into the subset
    (pyftsubset keeps every glyph a kept feature can reach and filters scripts, not languages);
    the web apps are zh-CN, and the SC face's default glyphs are the Simplified Chinese ones."""
    from fontTools.ttLib import TTFont
    font = TTFont(ttc, fontNumber=int(face), recalcTimestamp=False)  # the same bytes on every run
    if font["name"].getDebugName(1) != FAMILY:
        raise SystemExit(f"face {face} of {ttc} is not {FAMILY}")
    kept = set()
    for record in font["GSUB"].table.ScriptList.ScriptRecord:
        script = record.Script
        script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag == "ZHS "]
        script.LangSysCount = len(script.LangSysRecord)
        kept |= {f"{record.ScriptTag}/{r.LangSysTag.strip()}" for r in script.LangSysRecord}
    font.save(out)
    print(f"  GSUB language systems kept besides the defaults: {', '.join(sorted(kept))}", file=sys.stderr)


def cmd_chars(repo, out):
    wanted = base_set()
    found = set()
    files = label_sources(repo)
    for path in files:
        found |= {c for c in text_chars(read_text(path)) if c >= " " and not 0xD800 <= ord(c) <= 0xDFFF}
    level1 = set(gb2312_level1())
    extra_cjk = sorted(c for c in found if is_cjk(c) and c not in level1)
    other = sorted(c for c in found - wanted if not is_cjk(c))
    wanted |= found
    wanted |= set(MUST_HAVE)
    print(f"  label sources: {len(files)} files", file=sys.stderr)
    for path in files:
        print(f"    {os.path.relpath(path, repo)}", file=sys.stderr)
    print(f"  CJK characters in the labels: {sum(1 for c in found if is_cjk(c))}, "
          f"of which outside GB2312 level 1: {len(extra_cjk)} {''.join(extra_cjk)}", file=sys.stderr)
    if other:
        print(f"  other characters of the labels added: {''.join(other)!r}", file=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        for c in sorted(wanted):
            f.write(f"U+{ord(c):04X}\n")
    print(f"  code points wanted: {len(wanted)}", file=sys.stderr)


def cmd_ofl(copyright_file, out):
    """The OFL 1.1 text from the 'License: SIL-1.1' paragraph of the Debian copyright file."""
    with open(copyright_file, encoding="utf-8") as f:
        lines = f.read().splitlines()
    # The stand-alone licence paragraph, not the "License:" field of a "Files:" paragraph.
    start = next(i for i, line in enumerate(lines)
                 if line == "License: SIL-1.1" and i + 1 < len(lines) and lines[i + 1].startswith(" "))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    text = "\n".join(body).strip("\n")
    if "SIL OPEN FONT LICENSE Version 1.1" not in text or "DISCLAIMER" not in text:
        raise SystemExit(f"no OFL 1.1 text found in {copyright_file}")
    header = ("Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
              "\n"
              "Noto Sans CJK SC (Noto is a trademark of Google Inc.); the subset cityloop-sans-sc.woff2\n"
              "beside this file is a Modified Version of it, distributed under the same licence.\n"
              "\n"
              "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
              "This license is copied below, and is also available with a FAQ at:\n"
              "https://openfontlicense.org\n"
              "\n"
              "\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + text + "\n")


def load(woff2):
    from fontTools.ttLib import TTFont
    font = TTFont(woff2)
    if font.flavor != "woff2":
        raise SystemExit(f"{woff2} is not a WOFF2 font (flavor {font.flavor})")
    return font


def read_chars(path):
    with open(path, encoding="utf-8") as f:
        return [chr(int(line.strip()[2:], 16)) for line in f if line.strip()]


def cmd_verify(woff2, chars_file):
    font = load(woff2)
    cmap = font.getBestCmap()
    glyphs = font["maxp"].numGlyphs
    wanted = read_chars(chars_file)
    missing_must = [c for c in MUST_HAVE if ord(c) not in cmap]
    if missing_must:
        raise SystemExit(f"FAIL: not in the subset's cmap: {''.join(missing_must)}")
    missing = [c for c in wanted if ord(c) not in cmap]
    level1_missing = [c for c in gb2312_level1() if ord(c) not in cmap]
    if level1_missing:
        raise SystemExit(f"FAIL: GB2312 level 1 characters missing: {''.join(level1_missing)}")
    # Every glyph must draw: decompile each charstring once.
    glyph_set = font.getGlyphSet()
    from fontTools.pens.boundsPen import BoundsPen
    empty = 0
    for name in font.getGlyphOrder():
        pen = BoundsPen(glyph_set)
        glyph_set[name].draw(pen)
        if pen.bounds is None:
            empty += 1
    print(f"  verified: {os.path.basename(woff2)} loads as WOFF2, {glyphs} glyphs, {len(cmap)} mapped code points, "
          f"{empty} glyphs without outline (the spaces)")
    print(f"  every GB2312 level 1 hanzi and {MUST_HAVE} are in the cmap")
    if missing:
        print(f"  wanted but not in the source font (left out): {''.join(missing)!r}")


def cmd_readme(woff2, ttc, face, chars_file, out, debversion=""):
    from fontTools.ttLib import TTFont
    font = load(woff2)
    source = TTFont(ttc, fontNumber=int(face), lazy=True)
    cmap = font.getBestCmap()
    glyphs = font["maxp"].numGlyphs
    version = source["name"].getDebugName(5)
    size = os.path.getsize(woff2)
    level1 = set(gb2312_level1())
    extra = sorted(chr(c) for c in cmap if is_cjk(chr(c)) and chr(c) not in level1)
    absent = "".join(c for c in read_chars(chars_file) if ord(c) not in cmap)
    with open(ttc, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    pkg = f"Debian package `fonts-noto-cjk` {debversion}".rstrip() if debversion else "Debian package `fonts-noto-cjk`"
    text = f"""# cityloop-sans-sc.woff2 — a subset of Noto Sans CJK SC

The web apps' Chinese text font, so labels render on machines without any Chinese font installed.
The CSS declares it as

```css
@font-face {{ font-family: "CityLoop Sans SC"; src: url(/fonts/cityloop-sans-sc.woff2) format("woff2"); }}
```

(its internal family name stays `{FAMILY}`; the CSS name is an alias).

## What it is

- **Source:** {FAMILY} Regular, `{version}`, face {face} of `NotoSansCJK-Regular.ttc`
  from the {pkg}
  (upstream https://github.com/notofonts/noto-cjk), sha256 of the .ttc `{sha}`.
- **Licence:** SIL Open Font License 1.1, text in [OFL.txt](OFL.txt). The subset is a Modified Version
  under the same licence; it does not use the Reserved Font Name.
- **Coverage:** {len(cmap)} code points, **{glyphs} glyphs**, {size:,} bytes WOFF2:
  - ASCII, Latin-1, common general punctuation and symbols (arrows, ①–⑩, ○●□■★✓, ℃, №, €);
  - full-width punctuation `，。、：；！？（）【】《》“”‘’…—·￥`, the CJK symbols block U+3000–301F
    and the full-width forms U+FF01–FF5E;
  - GB2312 rows 1–3 (symbols, numerals, full-width ASCII);
  - all 3,755 GB2312 level-1 hanzi (EUC-CN 0xB0A1–0xD7F9);
  - every character in the text of the label sources: `reference-data/src/main/resources/cityloop/reference/*.json`,
    `case-intake/src/main/resources/**` (with the decompressed `cityloop/intake/unit-grid.tsv.gz`: district,
    street and community names), `gateway/src/main/resources/accounts/demo-accounts.yml` and
    `webapp/src/main/resources/**/*.{{html,js,mjs,json,css,vue}}`.
    Hanzi of those outside GB2312 level 1 when this was made ({len(extra)}): {''.join(extra) or '(none)'}
    Characters of those that Noto Sans CJK SC does not have (they come from another font): {absent or '(none)'}
  - Horizontal Simplified Chinese layout only: features `ccmp locl calt liga kern mark mkmk halt palt`,
    scripts `DFLT latn hani`, GSUB language systems default and `ZHS` (the page is `lang="zh-CN"`);
    no vertical forms, no Japanese/Korean/Traditional Chinese `locl` variants. CFF hinting kept.

## Regenerate — rerun it when the UI gains characters

A hanzi outside GB2312 level 1 that is not in the label sources above (a new street name, a new UI
string) falls back to the system font, or to a missing-glyph box on a machine without Chinese fonts.
**Rerun the script whenever new UI text, reference data, grid data or accounts add characters
outside GB2312 level 1**, and commit the regenerated files:

```sh
webapp/tools/subset-font.sh
```

It needs Python 3 with fontTools and brotli (Debian: `apt-get install python3-fonttools python3-brotli`)
and the font: either installed (`apt-get install fonts-noto-cjk`) or only extracted,
`cd /tmp/fontpkg && apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb x`
(`NOTO_CJK_DIR` or `FONTPKG_DIR` point the script elsewhere). It finds the SC face by its name
table (`subset_font.py face`), collects the characters (`subset_font.py chars`), takes the
JP/KR/TC language systems out of the face's GSUB (`subset_font.py zhs`), runs `python3 -m fontTools.subset`
to WOFF2, writes `OFL.txt` and this README, and checks the result loads and covers every wanted character.
The same inputs and tool versions give the same bytes.
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    commands = {"face": cmd_face, "zhs": cmd_zhs, "chars": cmd_chars, "ofl": cmd_ofl, "verify": cmd_verify, "readme": cmd_readme}
    command = commands.get(argv[1])
    if command is None:
        raise SystemExit(__doc__)
    command(*argv[2:])


if __name__ == "__main__":
    main(sys.argv)
