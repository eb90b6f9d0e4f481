#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects.
set -euo pipefail
name=${1:?usage: eng/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Rapport.Migrations.$p" --startup-project "src/Rapport.Migrations.$p" --output-dir Migrations
done
