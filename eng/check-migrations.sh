#!/usr/bin/env bash
# Fails when either provider's migrations have drifted from the model.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  if ! dotnet ef migrations has-pending-model-changes --project "src/Rapport.Migrations.$p" --startup-project "src/Rapport.Migrations.$p" --no-build; then
    echo "The $p migrations have drifted from the model: run eng/add-migration.sh NAME" >&2
    exit 1
  fi
done
echo "Migrations match the model on both providers."
