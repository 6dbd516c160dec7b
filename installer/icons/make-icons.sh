#!/usr/bin/env bash
# Regenerates every application icon from twinbench.svg (run it after editing the SVG, then commit
# the results, so that building an installer on Windows or macOS needs none of these tools).
#   PNG  16..1024 px   rsvg-convert (librsvg2-bin), or ImageMagick's convert as a fallback
#   ICO  16..256 px    ImageMagick convert            (Windows launcher and .msi)
#   ICNS 16..1024 px   png2icns (icnsutils)           (macOS .app and .dmg)
# Debian/Ubuntu: apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256 512 1024)

render() { # render SIZE OUT
    if command -v rsvg-convert >/dev/null; then
        rsvg-convert -w "$1" -h "$1" twinbench.svg -o "$2"
    else
        convert -background none -density 384 twinbench.svg -resize "$1x$1" "$2"
    fi
}

for tool in convert png2icns; do
    command -v "$tool" >/dev/null || { echo "make-icons.sh: '$tool' is missing (apt-get install -y imagemagick icnsutils)" >&2; exit 2; }
done

mkdir -p png
for s in "${sizes[@]}"; do
    render "$s" "png/twinbench-$s.png"
done
# jpackage takes one PNG on Linux; 256 px is what desktop environments scale from.
cp png/twinbench-256.png twinbench.png
convert png/twinbench-{16,24,32,48,64,128,256}.png twinbench.ico
png2icns twinbench.icns png/twinbench-{16,32,48,128,256,512,1024}.png >/dev/null
echo "icons written to $(pwd): twinbench.png twinbench.ico twinbench.icns png/"
