#!/usr/bin/env bash
# Runs every test of the Commissioning Portal: unit, integration (SQLite and PostgreSQL) and browser.
# Installs what is missing (Debian's chromium, postgresql, poppler-utils, qpdf, nginx, redis-server, curl;
# npm packages via the build),
# starts a throwaway PostgreSQL server on loopback, and prints the total as its last line:
#   N passed, N failed[, N skipped]
# Usage: ./test.sh [extra dotnet test arguments]      SKIP_INSTALL=1 skips the apt step.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
artifacts="$root/artifacts/test"
rm -rf "$artifacts/results"
mkdir -p "$artifacts/results"

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "error: need root (or sudo) to run: $*" >&2; return 1; fi
}

# --- 1. What the tests need --------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }
command -v npm >/dev/null || { echo "error: Node.js and npm are needed (the theme installs the design system from npm)" >&2; exit 1; }

missing=()
chromium_bin=$(command -v chromium || true)
[ -n "$chromium_bin" ] || missing+=(chromium)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
# The cluster rig (scripts/cluster.sh, tests/CommissioningPortal.EndToEnd/Cluster): nginx and Redis in front of two nodes.
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${SKIP_INSTALL:-0}" = 1 ]; then
    echo "error: missing ${missing[*]} and SKIP_INSTALL=1" >&2; exit 1
  fi
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  chromium_bin=$(command -v chromium)
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# --- 2. A throwaway PostgreSQL on loopback -----------------------------------------------------
pg_dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() {
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
trap 'exit 130' INT TERM
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
say "starting PostgreSQL on 127.0.0.1:$pg_port"
pg_run "$pg_bin/initdb" -D "$pg_dir/data" -U portal --auth=trust >/dev/null
pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
pg_run "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -t 30 >/dev/null

export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=portal;Database=postgres"
export PORTAL_TEST_CHROMIUM="$chromium_bin"
export PORTAL_TEST_ARTIFACTS="$artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The official open-data schemas (HSDS, OCDS) are not in the repository: checks against them read
# OPEN_DATA_SCHEMAS, set here when a shared/standards folder sits beside the clone; without it they
# are reported as skipped, with the reason, and the project's own conformance checks still run.
if [ -z "${OPEN_DATA_SCHEMAS:-}" ] && [ -d "$root/../shared/standards" ]; then
  export OPEN_DATA_SCHEMAS="$(cd "$root/../shared/standards" && pwd)"
fi
say "open-data schemas: ${OPEN_DATA_SCHEMAS:-none (schema checks will be skipped)}"

# --- 3. Build once, run every test project -----------------------------------------------------
say "building"
dotnet build CommissioningPortal.sln -c Release -v quiet -nologo

status=0

# --- 3b. Known vulnerabilities in every package, direct or transitive ---------------------------
# One more check in the total: a package with a known vulnerability of high or critical severity fails
# it; if the vulnerability data cannot be read (offline), it is reported as skipped with the reason.
say "checking packages for known vulnerabilities"
vuln_json="$artifacts/vulnerable-packages.json"
if dotnet list CommissioningPortal.sln package --vulnerable --include-transitive --format json >"$vuln_json" 2>"$artifacts/vulnerable-packages.err"; then
  vulnerability_check=$(python3 scripts/vulnerable-packages.py "$vuln_json") || true
else
  vulnerability_check="skipped: dotnet list package --vulnerable could not run ($(head -c 200 "$artifacts/vulnerable-packages.err" | tr '\n' ' '))"
fi
echo "$vulnerability_check"
export VULNERABILITY_CHECK="$vulnerability_check"

for project in tests/CommissioningPortal.Tests tests/CommissioningPortal.EndToEnd; do
  name=$(basename "$project")
  say "testing $name"
  dotnet test --project "$project" -c Release --no-build \
    --results-directory "$artifacts/results/$name" --report-xunit-trx --report-xunit-trx-filename "$name.trx" \
    "$@" || status=1
done

# --- 4. The total over every project, from the TRX files ---------------------------------------
python3 - "$artifacts/results" <<'PY' || status=1
import glob, os, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
expected = ["CommissioningPortal.Tests", "CommissioningPortal.EndToEnd"]
passed = failed = skipped = 0
ok = True
for name in expected:
    files = glob.glob(os.path.join(root, name, "**", "*.trx"), recursive=True)
    if not files:
        print(f"error: no test results for {name} (did it run?)", file=sys.stderr)
        failed += 1; ok = False
        continue
    for f in files:
        counters = ET.parse(f).getroot().find(".//{*}Counters")
        total = int(counters.get("total", 0))
        p = int(counters.get("passed", 0)); fl = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        passed += p; failed += fl; skipped += max(0, total - p - fl)
        # Name each failed test and its first error lines, so a CI log's tail says what broke.
        names = {d.get("id"): d.get("name") for d in ET.parse(f).getroot().iter("{*}UnitTest")}
        for r in ET.parse(f).getroot().iter("{*}UnitTestResult"):
            if r.get("outcome") not in ("Passed", "NotExecuted"):
                msg = r.find(".//{*}ErrorInfo/{*}Message")
                text = (msg.text or "").strip().splitlines() if msg is not None else []
                print(f"FAILED {name}: {r.get('testName') or names.get(r.get('testId'))}")
                for l in text[:6]:
                    print(f"    {l[:300]}")
check = os.environ.get("VULNERABILITY_CHECK", "")
if check.startswith("passed"): passed += 1
elif check.startswith("skipped"): skipped += 1
else:
    failed += 1
    print(f"FAILED package vulnerability check: {check or 'did not run'}")
line = f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "")
print(line)
sys.exit(0 if ok and failed == 0 else 1)
PY
exit $status
