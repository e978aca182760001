#!/bin/sh
# Builds the native fast-exec helper (pd-exec.c) into the SDK's classes, where HelperBinary loads
# it. Run by the SDK's Maven build (exec-maven-plugin). x86_64 Linux only; without a C compiler it
# prints a note and builds nothing: the SDK then uses the sh helper (FastExecScript).
# Usage: build.sh SOURCE_DIR OUTPUT_DIR
set -eu
src=${1:?source dir}/pd-exec.c
out=${2:?output dir}/io/pocketdock/helper/linux-x86_64
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "pd-exec: not built ($(uname -s)-$(uname -m): the native helper is x86_64 Linux only)"; exit 0 ;;
esac
flags="-std=c11 -Os -s -static -Wall -Wextra -Werror"
if command -v musl-gcc >/dev/null 2>&1; then
  cc=musl-gcc
elif command -v gcc >/dev/null 2>&1 && { [ -e /usr/lib/x86_64-linux-gnu/libc.a ] || [ -e /usr/lib64/libc.a ]; }; then
  cc=gcc
else
  echo "pd-exec: not built (no musl-gcc, and no gcc with a static libc: apt-get install gcc libc6-dev);" \
    "the SDK will use its sh helper"
  exit 0
fi
mkdir -p "$out"
tmp="$out/.pd-exec.$$"
if $cc $flags -o "$tmp" "$src"; then
  mv -f "$tmp" "$out/pd-exec"
else
  rm -f "$tmp"
  echo "pd-exec: $cc failed (see above); the SDK will use its sh helper" >&2
  exit 1
fi
