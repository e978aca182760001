# Sourced by the scripts: finds the JDKs the build and tests need (JDK 25 builds, 17 and 25 test).
# Sets PD_JDK25 and PD_JDK17, or fails with a clear message.
pd_find_jdk() {
  local want=$1 d v
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "$v" = "$want" ]; then echo "$d"; return 0; fi
  done
  return 1
}
PD_JDK25=${PD_JDK25:-$(pd_find_jdk 25 || true)}
PD_JDK17=${PD_JDK17:-$(pd_find_jdk 17 || true)}
if [ -z "$PD_JDK25" ]; then
  echo "pocket-dock: no JDK 25 under /usr/lib/jvm (needed to build); install one, e.g. Temurin 25" >&2
  exit 1
fi
export PD_JDK25 PD_JDK17
