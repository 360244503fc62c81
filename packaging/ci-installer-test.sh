#!/usr/bin/env bash
# End-to-end test of the Linux installer, as a user would meet it: build the .deb, install it, start the
# INSTALLED wall under Xvfb and check it shows live demo tiles, probe a demo camera with the installed
# command, uninstall, and check nothing is left behind. Run as root from the repository root (CI does,
# after `mvn verify`): bash packaging/ci-installer-test.sh
# Then the installed wall on a desktop with a window manager (packaging/wm-test.sh: window sizes, the
# camera manager, the question before quitting while recording, SIGTERM finishing the recording).
# Needs: Xvfb, ImageMagick (import, compare, identify), fakeroot, dpkg-deb, apt-get, a JDK (jdeps),
# openbox, xdotool, ffprobe.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/opt/mjpeg-wall              # where jpackage's .deb installs the app
max_deb_bytes=$((30 * 1024 * 1024))
passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_wait="-o DPkg::Lock::Timeout=300"   # another apt-get on the machine must not fail the test
work=$(mktemp -d)
pids=()
installed_by_us=false
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if $installed_by_us && dpkg-query -W -f='${Status}' mjpeg-wall 2>/dev/null | grep -q "install ok installed"; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq $apt_wait mjpeg-wall >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- build --------------------------------------------------------------------------------------
echo "installer-test: building the .deb (mvn -Pinstaller package)"
if ! mvn -B -ntp -q -Pinstaller -DskipTests package >"$work/build.log" 2>&1; then
  tail -40 "$work/build.log"
  fail "mvn -B -ntp -Pinstaller -DskipTests package"
  echo "installer-test: $passed passed, $failed failed"
  exit 1
fi
deb=$(ls target/jpackage/dist/mjpeg-wall_*_amd64.deb)
check "app-image built (target/jpackage/image/mjpeg-wall/bin/mjpeg-wall)" test -x target/jpackage/image/mjpeg-wall/bin/mjpeg-wall
if [ -e /usr/lib/x86_64-linux-gnu/libturbojpeg.so.0 ]; then
  check "app-image bundles libturbojpeg (the build machine has it)" test -s target/jpackage/image/mjpeg-wall/lib/app/libturbojpeg.so
fi
size=$(stat -c %s "$deb")
echo "installer-test: $deb is $size bytes ($((size / 1024 / 1024)) MiB)"
check ".deb is at most 30 MiB ($size bytes)" test "$size" -le "$max_deb_bytes"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgtk-3-0 libgl1 libx11-6 libfreetype6 libturbojpeg0; do
  check ".deb depends on $lib" grep -qw "$lib" <<<"$depends"
done

# --- install ------------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' mjpeg-wall 2>/dev/null | grep -q "install ok installed"; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq $apt_wait mjpeg-wall >/dev/null
fi
installed_by_us=true
# apt-get (not plain dpkg -i) so that the package's dependencies are pulled in too.
if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $apt_wait "./$deb" >"$work/install.log" 2>&1; then
  pass "apt-get install ./$(basename "$deb")"
else
  cat "$work/install.log"
  fail "apt-get install ./$(basename "$deb")"
fi
check "launcher on PATH (/usr/bin/mjpeg-wall)" test -x /usr/bin/mjpeg-wall
check "desktop entry installed" grep -q '^Categories=.*Video' /usr/share/applications/org.mjpegwall.MjpegWall.desktop
check "desktop entry's icon exists" test -f "$(sed -n 's/^Icon=//p' /usr/share/applications/org.mjpegwall.MjpegWall.desktop)"
check "AppStream metainfo installed" grep -q '<project_license>MIT</project_license>' /usr/share/metainfo/org.mjpegwall.MjpegWall.metainfo.xml
check "license installed" grep -q 'MIT License' "$prefix/share/doc/copyright"
check "start-up class-data archive made at install" test -s "$prefix/lib/runtime/lib/server/classes.jsa"
# -Xshare:on makes the JVM refuse to start unless the archive maps and matches the launcher's class path.
JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info:file=$work/cds.txt" mjpeg-wall --version >/dev/null 2>&1 || true
check "launcher uses the archive, app classes included" grep -q 'org.mjpegwall.cli.MainCommand source: shared objects file' "$work/cds.txt"

# Every module the app's jars use must be in the jlinked runtime, or the program dies at run time.
runtime_modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$prefix/lib/runtime/release")
# --system: the installed runtime resolves the JavaFX modules that modular jars (Ikonli) require.
needed=$(jdeps --system "$prefix/lib/runtime" --multi-release 17 --ignore-missing-deps --print-module-deps \
           --class-path "$prefix/lib/app/*" "$prefix"/lib/app/*.jar 2>/dev/null | tail -1)
missing=()
for m in ${needed//,/ }; do grep -qw "$m" <<<"$runtime_modules" || missing+=("$m"); done
check "runtime has every module jdeps finds ($needed)${missing:+; missing: ${missing[*]}}" test ${#missing[@]} -eq 0

# --- the installed launcher takes command-line commands ---------------------------------------
check "mjpeg-wall --version" bash -c 'mjpeg-wall --version | grep -q mjpeg-wall'
mjpeg-wall --help >"$work/help.txt" 2>&1 || true
check "mjpeg-wall --help lists the probe command" grep -qE '^ +probe ' "$work/help.txt"
check "mjpeg-wall --help lists the demo command" grep -qE '^ +demo ' "$work/help.txt"
# JPEG decoding with libjpeg-turbo: the bundled copy in lib/app when there is one, else the system's (a dependency).
JAVA_TOOL_OPTIONS="-Djna.debug_load=true" timeout 120 mjpeg-wall bench-decode --decodes 5 --handoff-seconds 0 \
  --no-fallback >"$work/decode.txt" 2>&1 || true
check "installed wall decodes with libjpeg-turbo" grep -q 'libjpeg-turbo: loaded' "$work/decode.txt"
if [ -e "$prefix/lib/app/libturbojpeg.so" ]; then
  check "installed wall loads the bundled libturbojpeg first" \
    grep -q "Found library 'turbojpeg' at $prefix/lib/app/libturbojpeg.so" "$work/decode.txt"
fi

# --- the installed wall under Xvfb --------------------------------------------------------------
display=${INSTALLER_TEST_DISPLAY:-}   # e.g. :18 on a shared machine; otherwise the first free one
if [ -z "$display" ]; then
  for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
  done
fi
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# A new user: Java takes user.home from the password file, not from $HOME, so set both; otherwise the
# wall would read and write root's real configuration (and not be on its first start).
home="$work/home"
mkdir -p "$home"
export HOME=$home JAVA_TOOL_OPTIONS="-Duser.home=$home"
unset XDG_CONFIG_HOME MJPEG_WALL_CONFIG_DIR 2>/dev/null || true
DISPLAY=$display mjpeg-wall >"$work/wall.log" 2>&1 &
wall=$!
pids+=($wall)
# The wall logs once "first frame on screen after N ms" (N measured from JVM start).
first=""
for _ in $(seq 300); do
  first=$(grep -o 'first frame on screen after [0-9]* ms' "$work/wall.log" || true)
  [ -n "$first" ] && break
  kill -0 "$wall" 2>/dev/null || break
  sleep 0.1
done
if [ -n "$first" ]; then
  pass "installed wall started: $first"
else
  tail -30 "$work/wall.log"
  fail "installed wall logged 'first frame on screen' within 30 s"
fi
sleep 1
import -display "$display" -window root "$work/shot1.png"
sleep 2
import -display "$display" -window root "$work/shot2.png"
colours=$(identify -format '%k' "$work/shot2.png")
# An empty window has a few hundred colours (text edges); demo test patterns have thousands.
check "screenshot shows pictures, not an empty screen or window ($colours colours)" test "$colours" -gt 2000
changed=$(compare -metric AE "$work/shot1.png" "$work/shot2.png" null: 2>&1 || true)
changed=${changed%%.*}; changed=${changed%% *}
check "demo tiles are live: $changed pixels changed in 2 s" test "${changed:-0}" -gt 500
mkdir -p target/installer-test && cp "$work"/shot*.png "$work/wall.log" target/installer-test/ 2>/dev/null || true
kill "$wall" 2>/dev/null || true
wait "$wall" 2>/dev/null || true
check "no JavaFX native cache unpacked into the home folder" test ! -e "$home/.openjfx"
check "first start wrote the user's configuration into the home folder" test -s "$home/.config/mjpeg-wall/config.json"

# --- the installed wall under a window manager -------------------------------------------------
if bash packaging/wm-test.sh mjpeg-wall; then
  pass "installed wall under openbox: sizes, camera manager, quit question, SIGTERM (packaging/wm-test.sh)"
else
  fail "installed wall under openbox (packaging/wm-test.sh; screenshots in target/wm-test/)"
fi

# --- probe a demo camera with the installed launcher ------------------------------------------
mjpeg-wall demo --port 0 --cameras 1 --fps 15 --size 320x240 >"$work/demo.log" 2>&1 &
pids+=($!)
camera=""
for _ in $(seq 150); do
  camera=$(grep -o 'http://127\.0\.0\.1:[0-9]*/camera/1/stream\.mjpg' "$work/demo.log" | head -1 || true)
  [ -n "$camera" ] && break
  sleep 0.1
done
if [ -n "$camera" ] && timeout 60 mjpeg-wall probe --frames 5 "$camera" >"$work/probe.log" 2>&1; then
  pass "mjpeg-wall probe --frames 5 $camera"
  sed 's/^/  probe: /' "$work/probe.log" | head -20
else
  cat "$work/demo.log" "$work/probe.log" 2>/dev/null | tail -20
  fail "mjpeg-wall probe --frames 5 against 'mjpeg-wall demo' (camera: ${camera:-none})"
fi

# --- uninstall ----------------------------------------------------------------------------------
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
if DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq $apt_wait mjpeg-wall >"$work/remove.log" 2>&1; then
  pass "apt-get remove mjpeg-wall"
  installed_by_us=false
else
  cat "$work/remove.log"
  fail "apt-get remove mjpeg-wall"
fi
left=$( { find "$prefix" 2>/dev/null || true; ls -d /usr/bin/mjpeg-wall /usr/share/applications/org.mjpegwall.MjpegWall.desktop \
          /usr/share/metainfo/org.mjpegwall.MjpegWall.metainfo.xml 2>/dev/null || true; } | head -20)
check "nothing left under $prefix, on PATH, in the menu or in metainfo${left:+: $left}" test -z "$left"

echo "installer-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
