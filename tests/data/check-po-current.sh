#!/bin/sh
# Fails when a translatable string of the sources has no Vietnamese
# translation: a source file with strings that po/POTFILES.in does not
# list, or a message of the sources that po/vi.po lacks (check-po-complete
# only sees what vi.po already holds). The keywords are those of meson's
# 'glib' gettext preset.
# Usage: check-po-current.sh SOURCE_ROOT
set -eu
top="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$top"

status=0
for f in $(git ls-files src 2>/dev/null || find src -type f); do
  case "$f" in *.c|*.ui) ;; *) continue ;; esac
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)[[:space:]]*\(|translatable="yes"' "$f" &&
     ! grep -qxF "$f" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $f, which has translatable strings"
    status=1
  fi
done

xgettext --from-code=UTF-8 --files-from=po/POTFILES.in --directory="$top" --output="$work/xaso.pot" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format
if ! msgcmp po/vi.po "$work/xaso.pot" 2>"$work/msgcmp.log"; then
  echo "po/vi.po lacks translations of messages in the sources:"
  grep -A1 'this message' "$work/msgcmp.log" | head -40
  status=1
fi
exit $status
