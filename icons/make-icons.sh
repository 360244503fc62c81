#!/usr/bin/env bash
# Regenerates every icon size from the two hand-drawn SVGs. Run it after editing an SVG and commit the
# results: builds and CI only read the generated files, so they need none of these tools.
# Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  # Small sizes use the pixel-aligned variant: the detailed one turns to mush below 32 px.
  if [ "$size" -le 24 ]; then src=mjpeg-wall-small.svg; else src=mjpeg-wall.svg; fi
  rsvg-convert --width "$size" --height "$size" "$src" --output "png/mjpeg-wall-$size.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar ask for.
convert png/mjpeg-wall-{16,24,32,48,64,128,256}.png mjpeg-wall.ico

# macOS: png2icns picks the icns type from each PNG's size.
png2icns mjpeg-wall.icns png/mjpeg-wall-{16,32,48,128,256,512,1024}.png >/dev/null

# The window icon, loaded by the UI from the class path.
res=../src/main/resources/org/mjpegwall/ui/icons
mkdir -p "$res"
cp png/mjpeg-wall-32.png png/mjpeg-wall-256.png "$res/"
echo "icons: generated $(ls png | wc -l) PNGs, mjpeg-wall.ico, mjpeg-wall.icns and the window icons"
