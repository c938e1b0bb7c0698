# Sourced by both homestak launchers: ./homestak of the source tree and bin/homestak of the release archive
# (which ships this file as lib/launcher-common.sh). What they share: the JVM options, and which of the two
# ahead-of-time caches (JDK 25+) a command uses and how one is trained.

# homestak_jvm_setup ARGS...: sets `opts` (JVM options) and `mode` (list | run: the cache for this kind of
# command); reads `providers` (the class path entries that can hold ScenarioProviders, ':'-separated).
homestak_jvm_setup() {
  # Which streams are terminals (the JVM cannot tell), and the terminal width for the live progress lines
  local tty="" arg
  [ -t 0 ] && tty="${tty}I"
  [ -t 1 ] && tty="${tty}O"
  [ -t 2 ] && tty="${tty}E"
  if [ -z "${COLUMNS-}" ] && [ -n "$tty" ]; then
    COLUMNS=$(stty size 2>/dev/null </dev/tty | cut -d' ' -f2) || true
    [ -n "${COLUMNS-}" ] && export COLUMNS
  fi
  opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -XX:CICompilerCount=1
        "-Dhomestak.tty=$tty" "-Dhomestak.providers.path=${providers#:}")
  # The simulator's SSH server on the JDK's providers alone: loading BouncyCastle (a signed jar no cache can
  # hold) costs a few tenths of a second per run. The standalone 'homestak sim' keeps it, for ssh-ed25519 logins.
  [ "${1-}" = sim ] || opts+=(-Dorg.apache.sshd.security.provider.BC.enabled=false)
  # Two caches, each trained on its own kind of command: a cache preloads all its classes, and a listing must
  # not pay for the simulator's.
  mode=run
  for arg in "$@"; do case $arg in --list-scenarios|--list-phases|--help|-h|--version|-V) mode=list ;; esac; done
}

# homestak_train_cache JAVA CLASSPATH CACHE MODE: runs the training of MODE (dev.homestak.cli.Training) and
# writes the cache file; no file if that fails (the launchers then run without one).
homestak_train_cache() {
  rm -f "$3"
  "$1" "${opts[@]}" -XX:AOTCacheOutput="$3" -Xlog:aot=off -Xlog:cds=off -cp "$2" \
    dev.homestak.cli.Training "$4" >/dev/null 2>&1 </dev/null || rm -f "$3"
}

# homestak_use_cache CACHE: adds the options that start the JVM from CACHE.
homestak_use_cache() {
  opts+=(-XX:AOTCache="$1" -Xlog:aot=off -Xlog:cds=off)
}
