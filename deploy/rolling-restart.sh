#!/bin/sh
# Restart the replicas one at a time (a deploy), each once the one before answers its health
# check, so nginx always has one to send viewers to.
#   deploy/rolling-restart.sh 8501 8502
set -eu
for port in "$@"; do
    systemctl restart "mine-ban-map@$port.service"
    tries=0
    until curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port/_stcore/health"; do
        tries=$((tries + 1))
        [ "$tries" -lt 60 ] || { echo "replica $port is not healthy after 60 s" >&2; exit 1; }
        sleep 1
    done
    echo "replica $port healthy"
done
