#!/usr/bin/env bash
# Build step of homestak-dist (run by Maven in the package phase, after lib/ and lib/classpath are in place):
# makes the Java runtime with jlink, adds the launcher, gives every file the build's output timestamp, and
# trains the start-up caches with the archive's own launcher and runtime.
# Usage: image.sh IMAGE_DIR JDK_HOME OUTPUT_TIMESTAMP LAUNCHER_COMMON
set -euo pipefail
image=$1 jdk=$2 timestamp=$3 common=$4
module=$(cd "$(dirname "$0")/../.." && pwd -P)

# The modules homestak's jars use (jdeps), and those it reaches only through reflection or services:
# java.logging (OkHttp's platform log), jdk.crypto.ec (EC keys on JDK 21), jdk.zipfs, jdk.localedata (none),
# jdk.charsets (ISO-8859-x names in HTTP and SSH).
modules=$("$jdk/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps \
  --class-path "$image/lib/*" "$image"/lib/homestak-cli-*.jar)
modules="$modules,java.logging,jdk.crypto.ec,jdk.charsets,jdk.zipfs"
rm -rf "$image/runtime"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --output "$image/runtime"
echo "$modules" > "$image/runtime/homestak-modules"

install -D -m 0755 "$module/src/main/dist/bin/homestak" "$image/bin/homestak"
install -D -m 0644 "$common" "$image/lib/launcher-common.sh"
install -D -m 0644 "$module/../LICENSE" "$image/LICENSE"
# man pages are read compressed (Debian policy; man reads .gz everywhere)
find "$image/share/man" -name "*.[1-9]" -exec gzip -9nf {} +

# One time for every file: the archive and the package carry it (reproducible), and the caches below record
# the jars' times, which must be the same wherever the archive is unpacked.
find "$image" -exec touch -h -d "$timestamp" {} +
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$image/runtime/release")
if [ "${major:-0}" -ge 25 ]; then
  HOMESTAK_TRAIN_CACHES=1 "$image/bin/homestak"
  for mode in list run; do
    [ -s "$image/lib/homestak-$mode.aot" ] || { echo "image.sh: training the $mode cache failed" >&2; exit 1; }
  done
  touch -d "$timestamp" "$image"/lib/homestak-*.aot "$image/lib"
else
  echo "image.sh: JDK $major has no AOT cache (JDK 25+); the archive starts without one" >&2
fi
