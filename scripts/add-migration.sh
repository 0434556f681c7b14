#!/usr/bin/env bash
# Adds a migration with the same name to all three providers, so they always change together.
# Usage: scripts/add-migration.sh AddSomething
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=src/CommissioningPortal.Data.$provider
  echo "==> $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --context PortalDbContext -o Migrations
done
