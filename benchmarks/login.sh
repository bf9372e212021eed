#!/usr/bin/env bash
# Login benchmark: boots the built distribution (with the sandbox, rate limits lifted) on free
# ports, then measures logins per second and the time of the password hash alone.
#   benchmarks/login.sh [threads] [seconds]      (build first: mvn -B -DskipTests install)
set -euo pipefail
threads=${1:-4}; seconds=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/benchmarks/target/login
dist=$(ls "$root"/distribution/target/guangsha-distribution-*.tar.gz | head -1)
iterations=$(sed -n 's/^password.iterations *= *//p' "$root/config/org.guangsha.identity.cfg")

rm -rf "$work"; mkdir -p "$work"; tar xzf "$dist" -C "$work" --strip-components=1
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = 18181/" "$work/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort *=.*/sshPort = 18101/" "$work/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = 11099/; s/^rmiServerPort *=.*/rmiServerPort = 14444/" "$work/etc/org.apache.karaf.management.cfg"
sed -i "s/^per.address.per.minute *=.*/per.address.per.minute = 1000000/; s/^per.account.per.minute *=.*/per.account.per.minute = 1000000/" "$work/etc/org.guangsha.ratelimit.cfg"
"$work/bin/karaf" server >"$work/console.log" 2>&1 &
for i in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18181/api/identity/captcha)" = 200 ] && break; sleep 0.5
done
trap 'pkill -f "karaf.base=$work" || true' EXIT
echo "# $(nproc) cores, $(java -version 2>&1 | head -1), PBKDF2 iterations $iterations"
python3 "$root/benchmarks/login.py" --threads "$threads" --seconds "$seconds"
java -cp "$root/bundles/org.guangsha.platform/target/classes" "$root/benchmarks/HashTime.java" "$iterations"
