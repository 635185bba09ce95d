#!/bin/sh
# Runs a GUI test the way DESIGN.md §8 describes: a private D-Bus session,
# the accessibility bus, an X server of its own and the cairo renderer; the
# test itself drives the real app through its accessibility tree. Every test
# gets a fresh Xvfb: a display shared with other programs can go away or
# carry their windows. Set XASO_TEST_DISPLAY to watch a test on a real one.
# Usage: run-gui-test.sh SCRIPT [ARGS…]
set -eu
if [ -n "${XASO_TEST_DISPLAY:-}" ]; then
  export DISPLAY="$XASO_TEST_DISPLAY"
else
  # Xvfb picks a free display and writes its number once it accepts clients;
  # -noreset: without it the server resets when its last client leaves.
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$fifo" >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  read -r n <"$fifo"
  rm -f "$fifo"
  export DISPLAY=":$n"
fi
export GSK_RENDERER=cairo
export NO_AT_BRIDGE=0
export GTK_A11Y=atspi
status=0
dbus-run-session -- sh -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  launcher=$!
  sleep 0.5
  /usr/bin/python3 "$@"
  status=$?
  kill $launcher 2>/dev/null
  exit $status
' gui-test "$@" || status=$?
# Not exec: the EXIT trap must still stop our Xvfb.
exit $status
