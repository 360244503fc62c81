#!/usr/bin/env bash
# The wall on a desktop with a window manager, as a user meets it: Xvfb + openbox, a fresh home, driven
# with xdotool. Checks what plain Xvfb (no window manager) cannot show:
#   - the main window opens at 800×500 or more, and fits the screen;
#   - Ctrl+M opens the camera manager at 500×350 or more, and Esc closes it;
#   - with a camera recording, Ctrl+Q asks before quitting (and Esc keeps the wall running);
#   - a SIGTERM finishes the recording so that ffprobe reads it;
#   - the next start records that camera again (recording is part of the configuration).
# Usage: bash packaging/wm-test.sh LAUNCHER [ARGS...]
#   e.g. bash packaging/wm-test.sh mjpeg-wall                      (the installed program)
#        bash packaging/wm-test.sh java -jar target/mjpeg-wall.jar  (a build)
# Needs: Xvfb, openbox, xdotool, ImageMagick (import), ffprobe. Screenshots and logs go to
# target/wm-test/. Exits non-zero when a check fails.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 LAUNCHER [ARGS...]" >&2; exit 2; }
launcher=("$@")
cd "$(dirname "$0")/.."

screen_w=1920
screen_h=1080
passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
alive() { kill -0 "$1" 2>/dev/null; }

out=target/wm-test
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
  return 0
}
trap cleanup EXIT

# --- a desktop: Xvfb and openbox on a free display ----------------------------------------------
display=${WM_TEST_DISPLAY:-}   # e.g. :19 on a shared machine; otherwise the first free one
if [ -z "$display" ]; then
  for n in $(seq 150 199); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
  done
fi
Xvfb "$display" -screen 0 "${screen_w}x${screen_h}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
sleep 1 # openbox takes over the screen

# A new user: Java takes user.home from the password file, not from $HOME, so set both.
home="$work/home"
mkdir -p "$home"
export HOME=$home JAVA_TOOL_OPTIONS="-Duser.home=$home"
unset XDG_CONFIG_HOME MJPEG_WALL_CONFIG_DIR 2>/dev/null || true
videos="$home/Videos/MJPEG Wall"

wall=""
start_wall() { # $1: log file
  "${launcher[@]}" >"$1" 2>&1 &
  wall=$!
  pids+=($wall)
}

# The id of the visible window whose title matches the regular expression ^$1$, waiting up to $2 s; empty if none.
window() {
  local id=""
  for _ in $(seq $(($2 * 10))); do
    id=$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && break
    kill -0 "$wall" 2>/dev/null || break
    sleep 0.1
  done
  echo "$id"
}

# WIDTH HEIGHT X Y of a window's inside (without the frame the window manager adds).
geometry() {
  eval "$(xdotool getwindowgeometry --shell "$1")"
  echo "$WIDTH $HEIGHT $X $Y"
}

gone() { # waits up to $2 s until no visible window is titled $1
  for _ in $(seq $(($2 * 10))); do
    [ -z "$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null || true)" ] && return 0
    sleep 0.1
  done
  return 1
}

# --- first start ----------------------------------------------------------------------------------
start_wall "$work/wall1.log"
main=$(window "MJPEG Wall" 60)
if [ -z "$main" ]; then
  tail -30 "$work/wall1.log"
  fail "the wall's window appeared within 60 s"
  echo "wm-test: $passed passed, $failed failed"
  exit 1
fi
# Let the window manager's configure events settle, and the first frames arrive.
for _ in $(seq 100); do grep -q 'first frame on screen' "$work/wall1.log" && break; sleep 0.1; done
sleep 2
read -r w h x y <<<"$(geometry "$main")"
import -window root "$out/first-start.png"
check "main window opens at 800×500 or more (${w}×${h})" test "$w" -ge 800 -a "$h" -ge 500
check "main window fits the ${screen_w}×${screen_h} screen (at $x,$y)" \
  test "$x" -ge 0 -a "$y" -ge 0 -a $((x + w)) -le "$screen_w" -a $((y + h)) -le "$screen_h"

# --- Ctrl+M: the camera manager -------------------------------------------------------------------
xdotool windowactivate --sync "$main"
xdotool key ctrl+m
manager=$(window "Cameras" 15)
if [ -n "$manager" ]; then
  sleep 1.5
  read -r mw mh mx my <<<"$(geometry "$manager")"
  import -window root "$out/camera-manager.png"
  check "Ctrl+M opens the camera manager at 500×350 or more (${mw}×${mh})" test "$mw" -ge 500 -a "$mh" -ge 350
  check "camera manager lies on the screen (at $mx,$my)" \
    test "$mx" -ge 0 -a "$my" -ge 0 -a $((mx + mw)) -le "$screen_w" -a $((my + mh)) -le "$screen_h"
  xdotool windowactivate --sync "$manager"
  xdotool key Escape
  check "Esc closes the camera manager" gone "Cameras" 10
else
  fail "Ctrl+M opens the camera manager"
fi

# --- R records the selected camera; Ctrl+Q asks ---------------------------------------------------
xdotool windowactivate --sync "$main"
xdotool key r
for _ in $(seq 100); do ls "$videos"/*.avi >/dev/null 2>&1 && break; sleep 0.1; done
sleep 3 # a few seconds of video
xdotool windowactivate --sync "$main"
xdotool key ctrl+q
question=$(window "Quit MJPEG Wall[?]" 10)
import -window root "$out/quit-question.png"
check "with a camera recording, Ctrl+Q asks before quitting" test -n "$question"
if [ -n "$question" ]; then
  xdotool windowactivate --sync "$question"
  xdotool key Escape
  gone "Quit MJPEG Wall[?]" 10 || true
fi
sleep 1
check "Esc on the question keeps the wall running" alive "$wall"

# --- SIGTERM finishes the recording ---------------------------------------------------------------
kill -TERM "$wall" 2>/dev/null || true
stopped=false
for _ in $(seq 300); do kill -0 "$wall" 2>/dev/null || { stopped=true; break; }; sleep 0.1; done
check "SIGTERM stops the wall within 30 s" $stopped
avi=$(ls -t "$videos"/*.avi 2>/dev/null | head -1 || true)
frames=""
[ -n "$avi" ] && frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames \
  -of csv=p=0 "$avi" 2>"$work/ffprobe.log" || true)
check "after SIGTERM ffprobe reads the recording (${frames:-no} frames in ${avi:-no file})" \
  test "${frames:-0}" -gt 10
check "the configuration remembers the camera set to record" \
  grep -q '"recording" : \[ "demo-1" \]' "$home/.config/mjpeg-wall/config.json"

# --- the next start records again -----------------------------------------------------------------
before=$(ls "$videos"/*.avi | wc -l)
start_wall "$work/wall2.log"
main=$(window "MJPEG Wall" 60)
again=false
for _ in $(seq 200); do
  [ "$(ls "$videos"/*.avi 2>/dev/null | wc -l)" -gt "$before" ] && { again=true; break; }
  sleep 0.1
done
check "the next start records the camera again" $again
sleep 1
[ -n "$main" ] && import -window root "$out/recording-again.png"
kill -TERM "$wall" 2>/dev/null || true
for _ in $(seq 300); do kill -0 "$wall" 2>/dev/null || break; sleep 0.1; done
cp "$work"/wall*.log "$out/" 2>/dev/null || true

echo "wm-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
