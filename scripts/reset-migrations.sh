#!/usr/bin/env bash
# Replaces every provider's migrations with one "Initial" made from the model as it is now.
# Only while nothing is deployed (no database anywhere has applied a migration we would drop):
# after the first release, add migrations with scripts/add-migration.sh instead.
set -euo pipefail
cd "$(dirname "$0")/.."
for provider in Sqlite SqlServer PostgreSql; do
  rm -rf "src/CommissioningPortal.Data.$provider/Migrations"
done
exec scripts/add-migration.sh Initial
