#!/usr/bin/env bash
# Makes webapp/src/main/resources/META-INF/resources/fonts/cityloop-sans-sc.woff2: a WOFF2 subset of
# Noto Sans CJK SC Regular (SIL OFL 1.1) holding ASCII, the common and full-width punctuation, the 3,755
# GB2312 level-1 hanzi and every character of the labels the web apps show (reference data, the unit
# grid's street and community names, demo accounts, the web apps' own html/js/json). Also writes
# OFL.txt and README.md beside it, then checks the font loads and covers what it must.
#
# Rerun it when new UI text or data adds characters outside GB2312 level 1; see fonts/README.md.
#
# Needs: Python 3 with fontTools and brotli (Debian: python3-fonttools python3-brotli), and
# NotoSansCJK-Regular.ttc from Debian's fonts-noto-cjk, installed or only extracted:
#   cd /tmp/fontpkg && apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb x
# Environment: NOTO_CJK_DIR (the directory holding NotoSansCJK-Regular.ttc), FONTPKG_DIR (where the
# package was extracted, default /tmp/fontpkg), PYTHON (an interpreter with fontTools and brotli).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out_dir="$repo/webapp/src/main/resources/META-INF/resources/fonts"
out="$out_dir/cityloop-sans-sc.woff2"
fontpkg="${FONTPKG_DIR:-/tmp/fontpkg}"

# The source font: installed, or the extracted package.
ttc=""
for dir in ${NOTO_CJK_DIR:+"$NOTO_CJK_DIR"} /usr/share/fonts/opentype/noto "$fontpkg/x/usr/share/fonts/opentype/noto"; do
  if [[ -f "$dir/NotoSansCJK-Regular.ttc" ]]; then ttc="$dir/NotoSansCJK-Regular.ttc"; break; fi
done
if [[ -z "$ttc" ]]; then
  echo "NotoSansCJK-Regular.ttc not found. Install fonts-noto-cjk, or extract it:" >&2
  echo "  mkdir -p $fontpkg && cd $fontpkg && apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb x" >&2
  exit 1
fi
# The Debian copyright file (the OFL text) and package version, beside the font in the same tree.
root="${ttc%/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
copyright="$root/usr/share/doc/fonts-noto-cjk/copyright"
[[ -f "$copyright" ]] || { echo "no $copyright (the OFL text comes from it)" >&2; exit 1; }
debversion=""
if [[ -z "$root" ]]; then
  debversion="$(dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null || true)"
else
  deb="$(ls "$root"/../fonts-noto-cjk_*.deb 2>/dev/null | head -n1 || true)"
  [[ -n "$deb" ]] && debversion="$(dpkg-deb -f "$deb" Version 2>/dev/null || true)"
fi

# A Python with fontTools and brotli (a pyenv or venv python3 may lack Debian's python3-* packages).
python=""
for candidate in ${PYTHON:+"$PYTHON"} python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import fontTools.subset, brotli' 2>/dev/null; then
    python="$candidate"; break
  fi
done
[[ -n "$python" ]] || { echo "no python3 with fontTools and brotli (apt-get install python3-fonttools python3-brotli)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "source: $ttc ${debversion:+(fonts-noto-cjk $debversion)}"
face="$("$python" "$here/subset_font.py" face "$ttc")"
echo "face: $face (Noto Sans CJK SC)"

echo "characters:" >&2
"$python" "$here/subset_font.py" chars "$repo" "$work/unicodes.txt"

echo "face $face without the JP/KR/TC language systems (about 30 s):" >&2
"$python" "$here/subset_font.py" zhs "$ttc" "$face" "$work/sc.otf"

mkdir -p "$out_dir"
# Horizontal Simplified Chinese only: the features a UI needs, no vertical forms.
"$python" -m fontTools.subset "$work/sc.otf" \
  --unicodes-file="$work/unicodes.txt" \
  --layout-features='ccmp,locl,calt,liga,kern,mark,mkmk,halt,palt' \
  --layout-scripts='DFLT,latn,hani' \
  --name-IDs='0,1,2,3,4,5,6,7,8,9,10,11,12,13,14' \
  --flavor=woff2 \
  --output-file="$work/out.woff2"
mv "$work/out.woff2" "$out"

"$python" "$here/subset_font.py" ofl "$copyright" "$out_dir/OFL.txt"
"$python" "$here/subset_font.py" verify "$out" "$work/unicodes.txt"
"$python" "$here/subset_font.py" readme "$out" "$ttc" "$face" "$work/unicodes.txt" "$out_dir/README.md" "$debversion"

echo "wrote $out ($(stat -c %s "$out") bytes), $out_dir/OFL.txt, $out_dir/README.md"
