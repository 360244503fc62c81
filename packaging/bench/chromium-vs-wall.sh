#!/usr/bin/env bash
# Side by side: the same N MJPEG streams (default 16 x 640x480 @ 30 fps, each from its own server, so the
# browser's six-connections-per-server limit does not apply) shown in a 1280x720 window, first by Chromium as
# <img> tiles, then by the wall. Both run under Xvfb (with openbox) with software rendering; each one's CPU is
# the sum over all its processes, read from /proc over the same measured interval. Prints both and the ratio,
# and how many frames per second each side took from every stream (from the servers' /status: a side that
# cannot keep up is sent fewer frames, so a low CPU figure with few frames is no win).
#
# Usage: bash packaging/bench/chromium-vs-wall.sh [options]
#   --jar FILE        the wall's jar (default target/mjpeg-wall.jar; build it with mvn -B -ntp -DskipTests package)
#   --streams N       number of streams (default 16)
#   --size WxH        frame size (default 640x480)
#   --fps N           frames per second of each stream (default 30)
#   --seconds N       measured seconds (default 20), after --warmup seconds (default 60: the wall's JIT compiler
#                     still takes 0.1-0.2 cores after 30 s, and a wall runs for weeks)
#   --port-base P     the servers listen on P+1 .. P+N (default 25100)
#   --display N       Xvfb display number (default 20)
#   --prism ORDER     JavaFX pipeline for the wall (default sw, JavaFX's software renderer; es2 under Xvfb is
#                     Mesa's llvmpipe, also software)
#   --shots DIR       keep a screenshot of each side there (default: none)
#   --wall-opts OPTS  more JVM options for the wall, e.g. "-Dmjpegwall.decoder=java" to measure its JavaFX
#                     decoder (the fallback without libjpeg-turbo)
#   --stats           show the wall's per-tile figures (fps, bit rate, latency) to check it keeps up in the
#                     screenshot; off by default, as Chromium draws no text over its tiles
#   --no-motion       turn the wall's motion detection off (on by default, as in the wall), so that both sides do
#                     the same work: Chromium only shows the streams
#   --rounds N        measure both sides N times, alternating, and print the median ratio (default 1)
#   --chromium-decodes  after the rounds, run Chromium once more with its tracing on and print how many JPEG
#                     decodes a second it did over the last --seconds, and the CPU they took (thread time of its
#                     "Decode Image" events): the work both sides must do, next to the wall's wall-decode threads.
#                     Not part of the ratio: tracing costs Chromium CPU of its own
#
# The servers are the project's own demo server replaying photo-like frames made once (demo --replay), one JVM
# per stream; their CPU is not counted for either side.
#
# Needs: java 17, Xvfb, openbox, and Chromium, which is not part of CI (a by-hand benchmark). On Debian:
#   sudo apt-get install -y chromium xvfb openbox imagemagick
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=target/mjpeg-wall.jar
streams=16
size=640x480
fps=30
seconds=20
warmup=60
port_base=25100
display_num=20
prism=sw
shots=""
stats=false
wall_opts=""
motion=true
rounds=1
chromium_decodes=false
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --streams) streams=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --fps) fps=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --port-base) port_base=$2; shift 2 ;;
    --display) display_num=$2; shift 2 ;;
    --prism) prism=$2; shift 2 ;;
    --shots) shots=$2; shift 2 ;;
    --wall-opts) wall_opts=$2; shift 2 ;;
    --stats) stats=true; shift ;;
    --no-motion) motion=false; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    --chromium-decodes) chromium_decodes=true; shift ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    *) echo "chromium-vs-wall: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for tool in java Xvfb openbox chromium curl python3; do
  command -v "$tool" >/dev/null || { echo "chromium-vs-wall: needs $tool (see the head of this script)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "chromium-vs-wall: no $jar; build it: mvn -B -ntp -DskipTests package" >&2; exit 1; }
jar=$(readlink -f "$jar")

work=$(mktemp -d)
display=:$display_num
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 &
pids+=($!)

# --- the streams ---------------------------------------------------------------------------------------------
echo "chromium-vs-wall: starting $streams servers ($size @ $fps fps, replayed photo-like frames) on ports $((port_base + 1))..$((port_base + streams))"
urls=()
for i in $(seq "$streams"); do
  port=$((port_base + i))
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -jar "$jar" \
    demo --cameras 1 --size "$size" --fps "$fps" --port "$port" --replay >"$work/server-$i.log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$port/camera/1/stream.mjpg")
done
for i in $(seq "$streams"); do
  port=$((port_base + i))
  for _ in $(seq 300); do
    curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/status" && break
    sleep 0.2
  done
  curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/status" \
    || { echo "chromium-vs-wall: server on port $port did not start:" >&2; cat "$work/server-$i.log" >&2; exit 1; }
done

# CPU ticks of a process and all its descendants, as "pid ticks" lines (utime + stime, /proc/PID/stat 14 and 15).
tree_ticks() {
  local root=$1
  local all
  all=$(ps -e -o pid=,ppid=)
  local todo=("$root") seen=()
  while [ ${#todo[@]} -gt 0 ]; do
    local p=${todo[0]}
    todo=("${todo[@]:1}")
    seen+=("$p")
    # shellcheck disable=SC2207
    todo+=($(awk -v pp="$p" '$2 == pp { print $1 }' <<<"$all"))
  done
  for p in "${seen[@]}"; do
    # the command name may hold spaces: fields are counted after its closing parenthesis
    [ -r "/proc/$p/stat" ] && sed -E 's/^[0-9]+ \(.*\) //' "/proc/$p/stat" 2>/dev/null | awk -v pid="$p" '{ print pid, $12 + $13 }'
  done
}

# Cores used by the process tree of $1 over $seconds seconds (processes born meanwhile count from zero).
measure() {
  local root=$1
  tree_ticks "$root" >"$work/t0"
  local start
  start=$(date +%s%N)
  sleep "$seconds"
  tree_ticks "$root" >"$work/t1"
  local end
  end=$(date +%s%N)
  awk -v hz="$(getconf CLK_TCK)" -v ns=$((end - start)) '
    NR == FNR { before[$1] = $2; next }
    { used += $2 - ($1 in before ? before[$1] : 0) }
    END { printf "%.3f\n", used / hz / (ns / 1e9) }' "$work/t0" "$work/t1"
}

# Frames the servers have sent to their viewers so far, summed over all streams (from each server's /status),
# and when (the middle of the queries, in ns).
# A viewer that cannot keep up reads more slowly and is sent fewer frames, so this shows who kept up.
frames_sent() {
  python3 - "$port_base" "$streams" <<'PY'
import json, sys, time, urllib.request
base, n = int(sys.argv[1]), int(sys.argv[2])
total = 0
t0 = time.time_ns()
for port in range(base + 1, base + n + 1):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
            status = json.load(r)
    except OSError:
        continue
    for c in status.get("cameras", []):
        total += sum(v.get("frames", 0) for v in c.get("viewers", []))
print(total, (t0 + time.time_ns()) // 2)
PY
}

# Like measure, and the frames per second each stream delivered meanwhile: "cores fps".
measure_with_frames() {
  local f0 t0 f1 t1 cores
  read -r f0 t0 < <(frames_sent)
  cores=$(measure "$1")
  read -r f1 t1 < <(frames_sent)
  awk -v c="$cores" -v f=$((f1 - f0)) -v n="$streams" -v ns=$((t1 - t0)) \
    'BEGIN { printf "%s %.1f\n", c, f / n / (ns / 1e9) }'
}

established() {
  ss -tnH state established "( dport >= :$((port_base + 1)) and dport <= :$((port_base + streams)) )" | wc -l
}

cols=$(awk -v n="$streams" 'BEGIN { c = int(sqrt(n)); if (c * c < n) c++; print c }')
rows=$(( (streams + cols - 1) / cols ))

# --- Chromium ------------------------------------------------------------------------------------------------
{
  echo "<!doctype html><html><head><meta charset=utf-8><title>chromium-vs-wall</title><style>"
  echo "html,body{margin:0;background:#000;overflow:hidden}"
  echo "div{display:grid;grid-template-columns:repeat($cols,1fr);grid-template-rows:repeat($rows,1fr);width:100vw;height:100vh}"
  echo "img{width:100%;height:100%;object-fit:contain;min-height:0;min-width:0}"
  echo "</style></head><body><div>"
  for u in "${urls[@]}"; do echo "<img src=\"$u\">"; done
  echo "</div></body></html>"
} >"$work/tiles.html"

# Sets chromium_cores, chromium_fps and chromium_streams.
run_chromium() {
  rm -rf "$work/chromium-profile"
  # --test-type only hides the "unsupported command-line flag: --no-sandbox" bar, so both get the same picture area.
  DISPLAY=$display chromium --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --no-default-browser-check --password-store=basic --test-type \
    --user-data-dir="$work/chromium-profile" --window-position=0,0 --window-size=1280,720 \
    --app="file://$work/tiles.html" >"$work/chromium.log" 2>&1 &
  local chromium_pid=$!
  pids+=("$chromium_pid")
  for _ in $(seq 100); do [ "$(established)" -ge "$streams" ] && break; sleep 0.2; done
  echo "chromium-vs-wall: Chromium $(chromium --version 2>/dev/null | awk '{print $2}') shows $(established) streams; warming up ${warmup}s, measuring ${seconds}s"
  sleep "$warmup"
  read -r chromium_cores chromium_fps < <(measure_with_frames "$chromium_pid")
  chromium_streams=$(established)
  [ -n "$shots" ] && mkdir -p "$shots" && DISPLAY=$display import -window root "$shots/chromium.png"
  kill "$chromium_pid"
  for _ in $(seq 50); do kill -0 "$chromium_pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$chromium_pid" 2>/dev/null || true
  for _ in $(seq 50); do [ "$(established)" -eq 0 ] && break; sleep 0.2; done
}

# --- the wall ------------------------------------------------------------------------------------------------
mkdir -p "$work/home"
{
  echo '{"version":1,"showStats":'"$stats"',"window":{"x":0,"y":0,"width":1280,"height":720,"maximized":false},"cameras":['
  for i in $(seq "$streams"); do
    [ "$i" -gt 1 ] && echo ","
    echo "{\"id\":\"s$i\",\"name\":\"Stream $i\",\"url\":\"${urls[$((i - 1))]}\",\"enabled\":true,\"motion\":{\"enabled\":$motion}}"
  done
  echo ']}'
} >"$work/wall.json"

# CPU ticks of each thread of the JVM $1, as "name ticks" lines (digits in names folded: "wall-decode-3" -> "wall-decode-N").
thread_ticks() {
  for t in /proc/"$1"/task/*; do
    [ -r "$t/stat" ] && sed -E 's/^[0-9]+ \((.*)\) [A-Z] (.*)/\1\t\2/' "$t/stat" 2>/dev/null \
      | awk -F'\t' '{ split($2, f, " "); n = $1; gsub(/[0-9]+/, "N", n); print n "\t" f[11] + f[12] }'
  done
}

# Sets wall_cores, wall_fps and wall_streams, and prints where the wall's CPU went, by thread.
run_wall() {
  # Java takes user.home from the password file, not $HOME: set both, so no real configuration is touched.
  # shellcheck disable=SC2086
  DISPLAY=$display HOME=$work/home java -Duser.home="$work/home" -Dprism.order="$prism" $wall_opts -jar "$jar" \
    --config "$work/wall.json" >"$work/wall.log" 2>&1 &
  local wall_pid=$!
  pids+=("$wall_pid")
  for _ in $(seq 150); do [ "$(established)" -ge "$streams" ] && break; sleep 0.2; done
  echo "chromium-vs-wall: the wall (prism.order=$prism${wall_opts:+ $wall_opts}, motion detection $motion) shows $(established) streams; warming up ${warmup}s, measuring ${seconds}s"
  sleep "$warmup"
  thread_ticks "$wall_pid" >"$work/w0"
  read -r wall_cores wall_fps < <(measure_with_frames "$wall_pid")
  thread_ticks "$wall_pid" >"$work/w1"
  wall_streams=$(established)
  echo "chromium-vs-wall: the wall's cores by thread over the same interval (the largest):"
  awk -F'\t' -v hz="$(getconf CLK_TCK)" -v s="$seconds" '
    NR == FNR { before[$1] += $2; next }
    { after[$1] += $2 }
    END { for (n in after) if (after[n] - before[n] > 0) printf "    %.3f %s\n", (after[n] - before[n]) / hz / s, n }' \
    "$work/w0" "$work/w1" | sort -rn | head -8
  [ -n "$shots" ] && DISPLAY=$display import -window root "$shots/wall.png"
  kill "$wall_pid"
  for _ in $(seq 50); do kill -0 "$wall_pid" 2>/dev/null || break; sleep 0.2; done
}

# --- the rounds: the two sides alternate, so that a change in the machine's speed meets both -------------------
ratios=()
for round in $(seq "$rounds"); do
  run_chromium
  run_wall
  ratio=$(awk -v w="$wall_cores" -v c="$chromium_cores" 'BEGIN { printf "%.2f", w / c }')
  ratios+=("$ratio")
  echo
  echo "Round $round of $rounds: the same $streams streams ($size @ $fps fps), 1280x720 window, software rendering, CPU over ${seconds}s:"
  printf "  Chromium (%d <img> tiles, %s streams open at the end):  %s cores, %s frames/s taken per stream\n" \
    "$streams" "$chromium_streams" "$chromium_cores" "$chromium_fps"
  printf "  the wall (%d tiles, %s streams open at the end):         %s cores, %s frames/s taken per stream\n" \
    "$streams" "$wall_streams" "$wall_cores" "$wall_fps"
  echo "  wall / Chromium = $ratio (target <= 0.60)"
  echo
done
if [ "$rounds" -gt 1 ]; then
  printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
    m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "wall / Chromium over %d rounds: median %.2f (from %.2f to %.2f; target <= 0.60)\n", NR, m, r[1], r[NR] }'
fi
echo "Both measured on a shared machine: compare the ratio, measured in the same round."

# --- Chromium's own decoding (--chromium-decodes) ---------------------------------------------------------------
if [ "$chromium_decodes" = true ]; then
  echo
  echo "chromium-vs-wall: Chromium once more, tracing its image decodes for $((warmup + seconds))s (not part of the ratio)"
  rm -rf "$work/chromium-profile"
  DISPLAY=$display chromium --trace-startup=blink,disabled-by-default-devtools.timeline --trace-startup-format=json \
    --trace-startup-duration=$((warmup + seconds)) --trace-startup-file="$work/trace.json" \
    --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --no-default-browser-check --password-store=basic --test-type \
    --user-data-dir="$work/chromium-profile" --window-position=0,0 --window-size=1280,720 \
    --app="file://$work/tiles.html" >"$work/chromium-trace.log" 2>&1 &
  trace_pid=$!
  pids+=("$trace_pid")
  # Chromium writes the trace when its duration is over; a big trace takes a while: wait until it stops growing.
  for _ in $(seq $(((warmup + seconds + 120) * 5))); do [ -s "$work/trace.json" ] && break; sleep 0.2; done
  size=-1
  while [ "$size" != "$(stat -c %s "$work/trace.json" 2>/dev/null)" ]; do
    size=$(stat -c %s "$work/trace.json" 2>/dev/null); sleep 2
  done
  kill "$trace_pid" 2>/dev/null || true
  python3 - "$work/trace.json" "$seconds" <<'PY'
import re, sys
path, seconds = sys.argv[1], float(sys.argv[2])
# Chromium writes one event a line; "tdur" is the decoding thread's CPU time, in microseconds.
event = re.compile(rb'"dur":\d+,"name":"Decode Image","ph":"X","pid":\d+,"tdur":(\d+),"tid":\d+,"ts":(\d+)')
try:
    with open(path, "rb") as f:
        decodes = [(int(m.group(2)), int(m.group(1))) for m in event.finditer(f.read())]
except OSError as e:
    sys.exit(f"chromium-vs-wall: Chromium wrote no trace: {e}")
if not decodes:
    sys.exit("chromium-vs-wall: no decode events in Chromium's trace")
end = max(ts for ts, _ in decodes)
last = [cpu for ts, cpu in decodes if ts > end - seconds * 1e6]
print(f"  Chromium decoded {len(last) / seconds:.0f} JPEGs a second over the last {seconds:.0f} s of its trace, "
      f"{sum(last) / len(last) / 1e3:.2f} ms of CPU each: {sum(last) / seconds / 1e6:.2f} cores for decoding alone")
PY
fi
