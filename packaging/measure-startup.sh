#!/usr/bin/env bash
# Start-up figure of the installed wall: starts it N times (default 5) under Xvfb with a fresh home
# (so demo cameras, as on a first start) and prints, for each start, the time from launching the command
# to its window being mapped (seen from outside, with xdotool) and the wall's own log line
# "first frame on screen after N ms" (measured by the program from JVM start).
# Usage: bash packaging/measure-startup.sh [N] [launcher] [JVM options]   (launcher defaults to the installed one)
# Needs: Xvfb, xdotool.
set -euo pipefail
runs=${1:-5}
launcher=${2:-/opt/mjpeg-wall/bin/mjpeg-wall}
extra=${3:-}   # more JVM options, to compare (e.g. -Xshare:off)
command -v xdotool >/dev/null || { echo "measure-startup: needs xdotool (apt-get install xdotool)" >&2; exit 1; }

work=$(mktemp -d)
display=:$(( 150 + RANDOM % 300 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

ms() { echo $(( $(date +%s%N) / 1000000 )); }
for i in $(seq "$runs"); do
  rm -rf "$work/home"; mkdir -p "$work/home"
  start=$(ms)
  # Java takes user.home from the password file, not $HOME: set it, or this is not a first start.
  DISPLAY=$display HOME=$work/home JAVA_TOOL_OPTIONS="-Duser.home=$work/home $extra" "$launcher" >"$work/log" 2>&1 &
  app=$!
  mapped=""
  first=""
  for _ in $(seq 1500); do
    if [ -z "$mapped" ] && DISPLAY=$display xdotool search --onlyvisible --name 'MJPEG Wall' >/dev/null 2>&1; then
      mapped=$(( $(ms) - start ))
    fi
    first=$(grep -o 'first frame on screen after [0-9]* ms' "$work/log" || true)
    [ -n "$mapped" ] && [ -n "$first" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.01
  done
  echo "start $i: window mapped after ${mapped:-?} ms from launch; wall log: ${first:-no first-frame line}"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
done
