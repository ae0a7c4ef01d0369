#!/bin/sh
# newscrawl-scheduler: runs `newscrawl crawl` every NEWSCRAWL_INTERVAL seconds (default 1800,
# i.e. every 30 minutes) until it gets SIGTERM or SIGINT. The docker-compose `scheduler`
# service runs it as its main process; it works the same on any machine with `newscrawl` on
# PATH. Arguments are passed on to `newscrawl crawl`:
#
#     newscrawl-scheduler --log-format json
#
# Crawls start NEWSCRAWL_INTERVAL seconds apart (start to start); one that runs longer is
# followed at once by the next. A failed crawl is logged and the loop goes on: the exit code
# is printed, and `newscrawl runs` shows what went wrong.
#
# SIGTERM/SIGINT during a crawl is passed on to it once as SIGTERM: the crawl shuts down
# gracefully (requests in flight are completed and their articles stored, the run rows are
# finished as `interrupted`), then the script exits 0. During the sleep it exits 0 at once.
# Give the container enough time for that (stop_grace_period in docker-compose.yml).

set -u

interval="${NEWSCRAWL_INTERVAL:-1800}"
case "$interval" in
    '' | *[!0-9]*)
        echo "newscrawl-scheduler: NEWSCRAWL_INTERVAL must be whole seconds, got '$interval'" >&2
        exit 2
        ;;
esac

child=""
stopping=""
status=0

stop() {
    stopping=1
    if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null || true
    fi
}
trap stop TERM INT

# Run "$@" in the background and wait until it has exited; a trapped signal interrupts
# `wait`, so wait again while the child is still there. Leaves its exit code in $status.
run() {
    "$@" &
    child=$!
    if [ -n "$stopping" ]; then  # the signal came before $child was known
        kill -TERM "$child" 2>/dev/null || true
    fi
    while :; do
        wait "$child"
        status=$?
        kill -0 "$child" 2>/dev/null || break
    done
    child=""
}

say() {
    echo "newscrawl-scheduler: $*" >&2
}

say "crawling every ${interval}s"
while [ -z "$stopping" ]; do
    started=$(date +%s)
    run newscrawl crawl "$@"
    say "newscrawl crawl exited with code $status"
    [ -z "$stopping" ] || break
    elapsed=$(($(date +%s) - started))
    pause=$((interval > elapsed ? interval - elapsed : 0))
    say "next crawl in ${pause}s"
    run sleep "$pause"
done
say "stopped"
exit 0
