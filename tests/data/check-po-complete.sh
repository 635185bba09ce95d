#!/bin/sh
# Fails when the Vietnamese translation has an untranslated or fuzzy message:
# the app runs in Vietnamese and a half-translated screen is a bug.
set -eu
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$1" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) exit 1 ;;
esac
