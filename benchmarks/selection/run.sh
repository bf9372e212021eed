#!/usr/bin/env bash
# Selection benchmarks against the built distribution, booted here on free ports (README.md).
#   benchmarks/selection/run.sh broadcast [clients=5000] [rounds=10]
#   benchmarks/selection/run.sh confirm   [families=1000] [units=200]
# Build first: mvn -B install -DskipTests. Ports: HTTP_PORT, SSH_PORT, RMI_REGISTRY_PORT,
# RMI_SERVER_PORT (defaults 18181, 18101, 11099, 14444). The Karaf is stopped at the end.
set -euo pipefail
what=${1:?broadcast or confirm}; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/benchmarks/target/selection
dist=$(ls "$root"/distribution/target/guangsha-distribution-*.tar.gz | head -1)
http=${HTTP_PORT:-18181}; ssh=${SSH_PORT:-18101}; rmireg=${RMI_REGISTRY_PORT:-11099}; rmisrv=${RMI_SERVER_PORT:-14444}
base=http://127.0.0.1:$http

rm -rf "$work"; mkdir -p "$work/karaf"; tar xzf "$dist" -C "$work/karaf" --strip-components=1
k=$work/karaf
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http/" "$k/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$k/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmireg/; s/^rmiServerPort *=.*/rmiServerPort = $rmisrv/" "$k/etc/org.apache.karaf.management.cfg"
# every caller is 127.0.0.1: lift the flood limits
sed -i "s/^per.address.per.minute *=.*/per.address.per.minute = 100000000/; s/^per.account.per.minute *=.*/per.account.per.minute = 100000000/" "$k/etc/org.guangsha.ratelimit.cfg"
# registering a thousand citizens is set-up, not what is measured: the cheapest allowed hash
sed -i "s/^password.iterations *=.*/password.iterations = 10000/" "$k/etc/org.guangsha.identity.cfg"
# let this script's JVM open the same H2 file (batch set-up, the allocation check afterwards)
sed -i "s#^url *=.*#url = jdbc:h2:file:\${karaf.data}/h2/guangsha;AUTO_SERVER=TRUE#" "$k/etc/org.ops4j.datasource-guangsha.cfg"
jdbc="jdbc:h2:file:$k/data/h2/guangsha;AUTO_SERVER=TRUE"
h2=$(ls "$k"/system/com/h2database/h2/*/h2-*.jar | head -1)

"$k/bin/karaf" server >"$work/console.log" 2>&1 &
karaf_pid() { pgrep -f "karaf.base=$k" | head -1; }
stop_karaf() {
  local p; p=$(karaf_pid) || true; [ -n "$p" ] || return 0
  kill "$p"; for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || return 0; sleep 1; done; kill -9 "$p"
}
trap stop_karaf EXIT
for i in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/selection/public/batches")" = 200 ] && \
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/identity/captcha")" = 200 ] && break; sleep 1
done
echo "# $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
server() { # the Karaf's threads and memory (heap after a full GC)
  local pid; pid=$(karaf_pid); jcmd "$pid" GC.run >/dev/null
  echo "karaf $1: threads=$(ls /proc/$pid/task | wc -l)" \
    "rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))" \
    "heap_used_after_gc_mb=$(( $(jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1) / 1024 ))"
}
bench() { java -Xss512k -cp "$h2" "$root/benchmarks/selection/SelectionBench.java" "$@"; }

case "$what" in
  broadcast)
    clients=${1:-5000}; rounds=${2:-10}
    bench citizens "$base" "$rounds" "$work/citizens.txt"
    bench batch "$base" "BENCH-B" 200 "$work/citizens.txt" "$work/families.txt"
    server "without stream clients"
    bench broadcast "$base" "$work/families.txt" "$clients" "$rounds" | tee "$work/broadcast.txt" &
    bpid=$!
    # the same once every client is connected (the rounds wait 10 s for it)
    until grep -q '^connected=' "$work/broadcast.txt" 2>/dev/null; do kill -0 $bpid 2>/dev/null || break; sleep 1; done
    server "with the clients connected"
    wait $bpid
    ;;
  confirm)
    families=${1:-1000}; units=${2:-200}
    bench citizens "$base" "$families" "$work/citizens.txt"
    bench batch "$base" "BENCH-C" "$units" "$work/citizens.txt" "$work/families.txt"
    bench confirm "$base" "$work/families.txt" "$jdbc"
    ;;
  *) echo "broadcast or confirm" >&2; exit 2 ;;
esac
