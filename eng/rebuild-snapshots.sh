#!/usr/bin/env bash
# After merging branches that each added a migration, the model snapshots conflict. Take either side of the
# snapshot (git checkout --ours), then run this: it lets EF write a fresh snapshot of the merged model through a
# throwaway migration, and deletes that migration. The branches' own migrations stay as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Rapport.Migrations.Sqlite -v quiet -nologo >/dev/null
dotnet build src/Rapport.Migrations.Postgres -v quiet -nologo >/dev/null
for p in Sqlite Postgres; do
  dir="src/Rapport.Migrations.$p/Migrations"
  dotnet ef migrations add SnapshotOnly --project "src/Rapport.Migrations.$p" --startup-project "src/Rapport.Migrations.$p" --output-dir Migrations --no-build >/dev/null
  rm -f "$dir"/*_SnapshotOnly.cs "$dir"/*_SnapshotOnly.Designer.cs
done
dotnet build src/Rapport.Migrations.Sqlite -v quiet -nologo >/dev/null
dotnet build src/Rapport.Migrations.Postgres -v quiet -nologo >/dev/null
echo "Snapshots rebuilt from the model."
