#!/usr/bin/env bash
# Regenerates site/fonts/noto-naskh-arabic-urdu.woff2 (and OFL.txt beside it): the Urdu font a
# reader gets only when their device has no Urdu font of its own (site.css, "Urdu text").
#
# Source: Noto Naskh Arabic Regular from Debian's fonts-noto-core (SIL Open Font License 1.1).
# The package is downloaded and unpacked into a temporary folder, never installed: installing it
# would give this machine an Urdu font, and the browser test that proves Urdu renders without one
# (tests/browser/urdu-font.test.ts) must run on a machine that has none.
# Tools: Debian's fonttools and brotli for Python (apt-get install python3-fonttools python3-brotli).
#
# Why Naskh and not Nastaliq: the same Urdu subset is 15 KB from Noto Naskh Arabic and 111 KB from
# Noto Nastaliq Urdu (whose beauty is in large contextual tables). Phones, Macs and Windows with Urdu
# support have a Nastaliq of their own and keep it; the download is for the rest, on any network.
# Why no hinting: TrueType hinting is a third of the file and only changes small text on old
# Windows displays, which have Urdu fonts anyway.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/noto-naskh-arabic-urdu.woff2"
python=/usr/bin/python3 # Debian's Python, where python3-fonttools installs

if ! "$python" -c 'import fontTools, brotli' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y --no-install-recommends python3-fonttools python3-brotli >/dev/null
  else
    echo "Needs Debian's python3-fonttools and python3-brotli: sudo apt-get install python3-fonttools python3-brotli" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-core >/dev/null 2>&1) || {
  echo "Could not download fonts-noto-core (run apt-get update first)." >&2
  exit 1
}
dpkg-deb -x "$work"/fonts-noto-core_*.deb "$work/pkg"
source_font="$work/pkg/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"

# What Urdu is written with: the Arabic letters Urdu uses and its own (ٹ ڈ ڑ ں ھ ہ ۂ ۃ ی ے ۓ and
# the rest), vowel marks and honorifics, the Urdu comma, semicolon, question mark and full stop,
# Arabic-Indic and Urdu (extended) digits, percent and separators, and the joiners and direction
# marks; and the space, digits and punctuation the font draws (so an Urdu line does not switch
# fonts at every space). Latin letters on Urdu pages keep the system font. site.css declares the
# same list as the face's unicode-range: keep the two in step.
unicodes='U+0020-0021,U+002C,U+002E,U+0030-003A,U+00A0,U+00AB,U+00BB,U+060C,U+061B,U+061F,U+0610-0615,U+0621-063A,U+0640-0655,U+0660-066D,U+0670,U+0679,U+067E,U+0686,U+0688,U+0691,U+0698,U+06A9,U+06AF,U+06BA,U+06BE,U+06C0-06C3,U+06CC,U+06D2-06D4,U+06F0-06F9,U+200C-200F,U+2010-2011'

"$python" -m fontTools.subset "$source_font" \
  --unicodes="$unicodes" \
  --layout-features='*' \
  --no-hinting \
  --flavor=woff2 \
  --output-file="$out"

# The licence travels with the font (OFL-1.1, condition 2): the font's own copyright line and the
# licence text from Debian's copyright file.
{
  "$python" -c "from fontTools.ttLib import TTFont; print(TTFont('$source_font')['name'].getDebugName(0))"
  echo "Subset for Urdu by scripts in this repository (site/fonts/make-urdu-font.sh); no Reserved Font Name is used."
  echo
  echo "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007"
  echo
  zcat -f "$work/pkg/usr/share/doc/fonts-noto-core/copyright" |
    awk '/^License: OFL-1.1$/ { body = 1; next } body && /^ / { sub(/^ /, ""); if ($0 == ".") $0 = ""; print; printed = 1; next } { body = 0 } printed { exit }'
} >"$here/OFL.txt"

echo "$(basename "$out"): $(stat -c %s "$out") bytes"
