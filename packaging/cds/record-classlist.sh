#!/usr/bin/env bash
# Records which classes a real start of the wall loads, for the class-data-sharing archive that the
# installer profile dumps into the runtime (faster start-up). Run it after the wall changes much, then
# rebuild with `mvn -Pinstaller package` and commit packaging/cds/classlist.txt. Not needed at CI time.
# Needs: a built app-image (mvn -Pinstaller -DskipTests package) and Xvfb.
set -euo pipefail
cd "$(dirname "$0")/../.."

launcher=target/jpackage/image/mjpeg-wall/bin/mjpeg-wall
[ -x "$launcher" ] || { echo "record-classlist: build the app-image first: mvn -Pinstaller -DskipTests package" >&2; exit 1; }
seconds=${1:-8}
work=$(mktemp -d)
display=${RECORD_DISPLAY:-:$(( 90 + RANDOM % 400 ))}   # RECORD_DISPLAY=:N on a shared machine
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

# JAVA_TOOL_OPTIONS reaches the JVM through jpackage's launcher, unlike extra launcher arguments.
DISPLAY=$display HOME=$work/home JAVA_TOOL_OPTIONS="-Duser.home=$work/home -XX:DumpLoadedClassList=$work/classlist" \
  "$launcher" >"$work/app.log" 2>&1 &
app=$!
sleep "$seconds"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true

# Class names first (the dump finds them in the runtime and on the class path), then the @lambda lines.
{ echo "# Classes loaded by the first ${seconds} s of the wall; made by packaging/cds/record-classlist.sh"
  grep -v '^#' "$work/classlist" | grep -v '^@' | sort -u
  # Lambda proxies and lambda forms (about 600 generated classes at start), archived too.
  grep '^@' "$work/classlist" | sort -u; } > packaging/cds/classlist.txt
echo "record-classlist: $(grep -vc '^#' packaging/cds/classlist.txt) classes -> packaging/cds/classlist.txt"
