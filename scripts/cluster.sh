#!/usr/bin/env bash
# The cluster rig (issue 20, ADR 0015): PostgreSQL, Redis and nginx from Debian's packages on loopback
# ports in one temporary folder, two portal nodes on the same database, nginx round-robin in front.
#
#   scripts/cluster.sh start DIR     start everything; writes DIR/cluster.env (ports, addresses, pids)
#   scripts/cluster.sh stop DIR      stop everything started in DIR and remove it
#   scripts/cluster.sh kill DIR a|b  SIGKILL one node (what a crash does)
#
# The nodes run the built portal (src/CommissioningPortal.Web/bin/$CLUSTER_CONFIGURATION, Release by
# default: build first) in Production, with the demo data seeded by the first node before the second
# starts. CLUSTER_SENDGRID_HOST sends the nodes' mail to that SendGrid-compatible address instead of the
# mail folder. CLUSTER_SEED_PROVIDERS=N adds N volume providers (about 3N services) for load runs. Set CLUSTER_TASKSET_A / CLUSTER_TASKSET_B (e.g. 0 and 1) to pin each node to a core with taskset.
# Everything listens on 127.0.0.1 only. The browser-level tests in tests/CommissioningPortal.EndToEnd/Cluster
# run it; ./test.sh runs those.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command="${1:-}"
dir="${2:-}"
[ -n "$command" ] && [ -n "$dir" ] || { sed -n '2,14p' "$0" >&2; exit 2; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ready() { # url seconds pid
  local url=$1 seconds=$2 pid=$3
  for _ in $(seq 1 $((seconds * 5))); do
    kill -0 "$pid" 2>/dev/null || return 1
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

node_env() { # port: the configuration every node (and the seeding command) runs with
  local port=$1
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" DOTNET_NOLOGO=1
  export Database__Provider=PostgreSql Database__ConnectionString="$connection"
  export Redis__Configuration="127.0.0.1:$redis_port" Redis__InstanceName="cluster:"
  export Email__MailFolder="$dir/mail" Storage__EvidencePath="$dir/evidence"
  export Portal__SeedDemo="${seed:-false}" Portal__PrintDemoLogins=false Portal__PublicBaseUrl="http://127.0.0.1:$nginx_port"
  # nginx speaks plain HTTP on loopback here, as a proxy that terminates TLS would to the nodes.
  export Portal__HttpsRedirection=false Portal__Hsts=false
  export RateLimiting__SignInPermitsPerMinute=10000 RateLimiting__RegistrationPermitsPerMinute=10000 RateLimiting__CorrectionPermitsPerMinute=10000
  export Logging__LogLevel__Default=Warning
  # Mail goes to the shared mail folder, or to SendGrid's API at CLUSTER_SENDGRID_HOST (the rig's tests run a fake one).
  if [ -n "${CLUSTER_SENDGRID_HOST:-}" ]; then export SendGrid__ApiKey=SG.cluster-rig SendGrid__Host="$CLUSTER_SENDGRID_HOST"; fi
}

start_node() { # name port seed
  local name=$1 port=$2 seed=$3 pin_var="CLUSTER_TASKSET_${1^^}"
  local dll="$root/src/CommissioningPortal.Web/bin/${CLUSTER_CONFIGURATION:-Release}/net10.0/CommissioningPortal.Web.dll"
  [ -f "$dll" ] || { echo "error: $dll not found: build the solution first (dotnet build -c ${CLUSTER_CONFIGURATION:-Release})" >&2; return 1; }
  local pin=()
  [ -n "${!pin_var:-}" ] && pin=(taskset -c "${!pin_var}")
  (
    cd "$root/src/CommissioningPortal.Web"
    node_env "$port"
    exec setsid "${pin[@]}" dotnet "$dll" >"$dir/node-$name.log" 2>&1
  ) &
  echo $! >"$dir/node-$name.pid"
  if ! wait_ready "http://127.0.0.1:$port/health/ready" 180 "$(cat "$dir/node-$name.pid")"; then
    echo "error: node $name did not become ready; its log:" >&2
    tail -n 40 "$dir/node-$name.log" >&2
    return 1
  fi
}

stop_all() {
  [ -d "$dir" ] || return 0
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for name in a b; do
    [ -f "$dir/node-$name.pid" ] && kill -TERM "$(cat "$dir/node-$name.pid")" 2>/dev/null || true
  done
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  if [ -n "$pg_bin" ] && [ -f "$dir/pg/data/postmaster.pid" ]; then
    pg_run "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  for name in a b; do
    if [ -f "$dir/node-$name.pid" ]; then
      local pid; pid=$(cat "$dir/node-$name.pid")
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

case "$command" in
  start)
    for tool in "$nginx_bin" redis-server curl; do
      command -v "$tool" >/dev/null || { echo "error: $tool is missing (./test.sh installs Debian's nginx, redis-server and curl)" >&2; exit 1; }
    done
    [ -n "$pg_bin" ] || { echo "error: PostgreSQL is missing (./test.sh installs Debian's postgresql)" >&2; exit 1; }
    mkdir -p "$dir"/{mail,evidence,nginx-temp}
    dir="$(cd "$dir" && pwd)"
    trap 'stop_all' ERR

    # PostgreSQL
    pg_port=$(free_port)
    mkdir -p "$dir/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
    pg_run "$pg_bin/initdb" -D "$dir/pg/data" -U portal --auth=trust >/dev/null
    pg_run "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
      -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    connection="Host=127.0.0.1;Port=$pg_port;Username=portal;Database=portal"

    # Redis: memory only
    redis_port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 1 50); do [ -s "$dir/redis.pid" ] && break; sleep 0.1; done

    # nginx, round-robin over the two nodes; the answering node is named in X-Upstream (the rig's tests read it)
    nginx_port=$(free_port); port_a=$(free_port); port_b=$(free_port)
    chmod 777 "$dir/nginx-temp"
    cat >"$dir/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $dir/nginx-access.log;
    client_body_temp_path $dir/nginx-temp/body;
    proxy_temp_path $dir/nginx-temp/proxy;
    fastcgi_temp_path $dir/nginx-temp/fastcgi;
    uwsgi_temp_path $dir/nginx-temp/uwsgi;
    scgi_temp_path $dir/nginx-temp/scgi;
    client_max_body_size 25m;
    upstream portal {
        server 127.0.0.1:$port_a max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$port_b max_fails=1 fail_timeout=10s;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # A node that refuses the connection (killed) is skipped: the request, not yet sent, goes to the other.
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
NGINX
    start_node a "$port_a" true
    if [ -n "${CLUSTER_SEED_PROVIDERS:-}" ]; then
      # Volume data for load runs (ProviderSeeder), written before the second node starts.
      (cd "$root/src/CommissioningPortal.Web" && node_env "$port_a" && export Portal__SeedDemo=false &&
        dotnet "$root/src/CommissioningPortal.Web/bin/${CLUSTER_CONFIGURATION:-Release}/net10.0/CommissioningPortal.Web.dll" seed-providers "$CLUSTER_SEED_PROVIDERS") >"$dir/seed.log" 2>&1 \
        || { echo "error: seeding $CLUSTER_SEED_PROVIDERS providers failed:" >&2; tail -n 20 "$dir/seed.log" >&2; false; }
    fi
    start_node b "$port_b" false
    "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log"
    wait_ready "http://127.0.0.1:$nginx_port/health/ready" 30 "$(cat "$dir/nginx.pid")"
    cat >"$dir/cluster.env" <<ENV
CLUSTER_URL=http://127.0.0.1:$nginx_port
CLUSTER_DATABASE=$connection
CLUSTER_REDIS=127.0.0.1:$redis_port
CLUSTER_NODE_A=http://127.0.0.1:$port_a
CLUSTER_NODE_B=http://127.0.0.1:$port_b
CLUSTER_NODE_A_PID=$(cat "$dir/node-a.pid")
CLUSTER_NODE_B_PID=$(cat "$dir/node-b.pid")
CLUSTER_MAIL=$dir/mail
ENV
    cat "$dir/cluster.env"
    ;;
  kill)
    name="${3:?which node: a or b}"
    kill -KILL "$(cat "$dir/node-$name.pid")"
    ;;
  stop)
    stop_all
    rm -rf "$dir"
    ;;
  *)
    sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
