#!/usr/bin/env bash
# Adds a migration with the same name to every database provider (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 <MigrationName>" >&2
  exit 2
fi

name="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet tool restore >/dev/null

for provider in Sqlite Postgres; do
  project="src/Rampart.Data.${provider}"
  echo "== ${provider}: adding migration ${name}"
  dotnet tool run dotnet-ef migrations add "$name" \
    --project "$project" \
    --startup-project "$project" \
    --context RampartDbContext \
    --output-dir Migrations
done
