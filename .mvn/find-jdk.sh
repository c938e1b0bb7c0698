# Sourced by ./mvnw and ./homestak: makes JAVA_HOME point at a JDK >= 21.
# Order: $JAVA_HOME, `java` on PATH, then the newest JDK under /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks.
# Fails with one line saying what to install.
homestak_java_major() { # $1 = java executable; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
homestak_find_jdk() {
  _hs_min=21
  for _hs_cand in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)"; do
    if [ -n "$_hs_cand" ] && [ -x "$_hs_cand" ] && [ -x "$(dirname "$_hs_cand")/javac" ]; then
      _hs_v=$(homestak_java_major "$_hs_cand")
      if [ "${_hs_v:-0}" -ge "$_hs_min" ]; then
        JAVA_HOME=$(cd "$(dirname "$_hs_cand")/.." && pwd -P); export JAVA_HOME; return 0
      fi
    fi
  done
  _hs_best=""; _hs_bestv=0
  case $- in *f*) set +f; _hs_glob_off=1 ;; esac # mvnw runs with globbing off
  for _hs_dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$_hs_dir/bin/java" ] && [ -x "$_hs_dir/bin/javac" ] || continue
    _hs_v=$(homestak_java_major "$_hs_dir/bin/java")
    if [ "${_hs_v:-0}" -ge "$_hs_min" ] && [ "$_hs_v" -gt "$_hs_bestv" ]; then _hs_best=$_hs_dir; _hs_bestv=$_hs_v; fi
  done
  [ -z "${_hs_glob_off-}" ] || set -f
  if [ -n "$_hs_best" ]; then JAVA_HOME=$_hs_best; export JAVA_HOME; return 0; fi
  echo "homestak: no JDK 21 or newer found (JAVA_HOME, PATH, /usr/lib/jvm): install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME" >&2
  return 1
}
homestak_find_jdk || exit 1
# Maven's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every build: allow it there (older JDKs reject the flag)
_hs_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)
if [ "${_hs_major:-0}" -ge 24 ]; then
  case " ${MAVEN_OPTS-} " in *--sun-misc-unsafe-memory-access=*) ;; *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;; esac
fi
