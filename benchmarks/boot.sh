#!/usr/bin/env bash
# Boot benchmark: time from start to ready and resident memory after boot, for the Guangsha
# distribution and, in the same run, a stock Apache Karaf of the same version booted the same way
# (bin/karaf server, fresh data/, same JVM). Reports figures; never passes or fails on a time.
#
#   benchmarks/boot.sh [runs]        (default 3 runs each; build first: mvn -DskipTests install)
#
# "Ready" for Guangsha: GET /api/platform/health answers 200 (database reachable and migrated).
# Stock Karaf has no HTTP, so for both we also record when the SSH port accepts connections,
# which comes after Karaf's boot features are installed.
set -euo pipefail

runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/benchmarks/target
mvn_eval() { (cd "$root" && mvn -B -q -N help:evaluate -Dexpression="$1" -DforceStdout) | sed 's/\x1b\[[0-9;]*m//g'; }
karaf_version=$(mvn_eval karaf.version)
project_version=$(mvn_eval project.version)
dist=$root/distribution/target/guangsha-distribution-$project_version.tar.gz
[ -f "$dist" ] || { echo "Build first: mvn -DskipTests install ($dist is missing)" >&2; exit 1; }

mkdir -p "$work"
stock=$work/apache-karaf-$karaf_version.tar.gz
if [ ! -f "$stock" ]; then
  (cd "$root" && mvn -B -q dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" \
    -DoutputDirectory="$work" -Dmdep.useBaseVersion=true)
fi

# Free ports so a running Karaf on this machine does not disturb the figures.
http_port=18181; ssh_port=18101; rmi_reg=11099; rmi_srv=14444

wait_until() { # $1 = launch time (ns), $2.. = command; prints ms from launch until it succeeds
  local start=$1; shift
  while ! "$@" >/dev/null 2>&1; do
    if (( ($(date +%s%N) - start) / 1000000000 > 120 )); then echo timeout; return; fi
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
health_200() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/api/platform/health")" = 200 ]; }

run_one() { # $1 = label, $2 = tarball; prints "label ready_ms ssh_ms rss_mb"
  local label=$1 tarball=$2 dir=$work/run-$1
  rm -rf "$dir"; mkdir -p "$dir"; tar xzf "$tarball" -C "$dir" --strip-components=1
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http_port/" "$dir/etc/org.ops4j.pax.web.cfg" 2>/dev/null || true
  sed -i "s/^sshPort *=.*/sshPort = $ssh_port/" "$dir/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmi_reg/; s/^rmiServerPort *=.*/rmiServerPort = $rmi_srv/" "$dir/etc/org.apache.karaf.management.cfg"
  local t0=$(date +%s%N)
  "$dir/bin/karaf" server >"$dir/console.log" 2>&1 &
  local pid=$!
  local ready ssh
  ssh=$(wait_until "$t0" port_open $ssh_port)
  if [ "$label" = guangsha ]; then ready=$(wait_until "$t0" health_200); else ready=$ssh; fi
  sleep 5 # let start-up work settle before reading memory
  local jpid=$(pgrep -f "karaf.base=$dir" | head -1)
  local rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status")
  kill "$jpid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo "$label $ready $ssh $(( rss_kb / 1024 ))"
}

echo "# Karaf $karaf_version, Guangsha $project_version, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "# label ready_ms ssh_ms rss_mb"
for i in $(seq 1 "$runs"); do
  run_one stock "$stock"
  run_one guangsha "$dist"
done | tee "$work/boot-results.txt"

awk '
  { n[$1]++; ready[$1]+=$2; ssh[$1]+=$3; rss[$1]+=$4 }
  END {
    for (l in n) printf "mean %-9s ready %6.0f ms   ssh %6.0f ms   rss %4.0f MB   (%d runs)\n", l, ready[l]/n[l], ssh[l]/n[l], rss[l]/n[l], n[l]
    if (n["stock"] && n["guangsha"]) printf "ratio guangsha/stock (ready): %.2f\n", (ready["guangsha"]/n["guangsha"]) / (ready["stock"]/n["stock"])
  }' "$work/boot-results.txt"
