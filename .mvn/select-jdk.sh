# Sourced by ./mvnw, ./weft and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# The machine's default JDK may be older (17); Weft needs 21+ to build and run.
# Order: a JAVA_HOME that is already new enough, then the newest JDK found in
# the usual install locations. Fails with a clear message when none exists.

weft_java_major() {
  # prints the major version of the java binary at $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

weft_select_jdk() {
  weft_min=21
  weft_noglob=""
  case $- in *f*) weft_noglob=1 ;; esac
  set +f
  weft_select_jdk_in
  weft_rc=$?
  [ -z "$weft_noglob" ] || set -f
  return $weft_rc
}

weft_select_jdk_in() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(weft_java_major "$JAVA_HOME/bin/java")
    if [ "${v:-0}" -ge "$weft_min" ]; then return 0; fi
  fi
  best="" best_v=0
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] || continue
    v=$(weft_java_major "$d/bin/java")
    if [ "${v:-0}" -ge "$weft_min" ] && [ "${v:-0}" -gt "$best_v" ]; then best="$d" best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    p=$(command -v javac 2>/dev/null || true)
    if [ -n "$p" ]; then
      d=$(dirname "$(dirname "$(readlink -f "$p")")")
      v=$(weft_java_major "$d/bin/java")
      if [ "${v:-0}" -ge "$weft_min" ]; then best="$d"; fi
    fi
  fi
  if [ -z "$best" ]; then
    echo "Weft needs a JDK >= $weft_min; none found (JAVA_HOME='${JAVA_HOME-}', /usr/lib/jvm). Install one or set JAVA_HOME." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}
