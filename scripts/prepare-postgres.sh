#!/usr/bin/env bash
# Prepare a PostgreSQL server for a partnership's shared reviewtool database.
#
#   OWNER_PASSWORD=... EDITOR_PASSWORD=... READER_PASSWORD=... \
#     scripts/prepare-postgres.sh [psql connection options] DBNAME
#
# Run it as a PostgreSQL superuser (for example: sudo -u postgres scripts/prepare-postgres.sh
# reviews). It creates, if missing:
#   DBNAME_owner   owns the database and its schema; reviewtool run as this role creates and
#                  upgrades the tables (first start, and after installing a newer reviewtool)
#   DBNAME_editor  reads and changes reviews (panel members, authors, business unit)
#   DBNAME_reader  reads only (for example, board members preparing reports)
# and the database DBNAME owned by DBNAME_owner. Default privileges make every table the
# owner creates later (by a migration) readable by both roles and writable by the editor.
# Running it again changes nothing that is already right; passwords are (re)set if given.
set -euo pipefail
if [ "$#" -lt 1 ]; then
  sed -n '2,17p' "$0" >&2
  exit 2
fi
database="${!#}"
connection=("${@:1:$#-1}")
if ! [[ "$database" =~ ^[a-z_][a-z0-9_]{0,40}$ ]]; then
  echo "DBNAME must be lower-case letters, digits and underscores (got '$database')" >&2
  exit 2
fi
owner="${database}_owner" editor="${database}_editor" reader="${database}_reader"
psql_admin=(psql -X -v ON_ERROR_STOP=1 -q "${connection[@]}")

"${psql_admin[@]}" -d postgres \
  -v owner="$owner" -v editor="$editor" -v reader="$reader" \
  -v owner_password="${OWNER_PASSWORD:-}" -v editor_password="${EDITOR_PASSWORD:-}" \
  -v reader_password="${READER_PASSWORD:-}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY[:'owner', :'editor', :'reader']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'owner', :'owner_password') WHERE :'owner_password' <> '' \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'editor', :'editor_password') WHERE :'editor_password' <> '' \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'reader', :'reader_password') WHERE :'reader_password' <> '' \gexec
SQL

if ! "${psql_admin[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  "${psql_admin[@]}" -d postgres -c "CREATE DATABASE \"$database\" OWNER \"$owner\" ENCODING 'UTF8' TEMPLATE template0"
fi

"${psql_admin[@]}" -d "$database" -v db="$database" -v owner="$owner" -v editor="$editor" \
  -v reader="$reader" <<'SQL'
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"owner", :"editor", :"reader";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO :"editor", :"reader";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"editor";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"editor";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"editor";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"editor";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader";
SQL
echo "Prepared database '$database' with roles $owner, $editor and $reader."
echo "Start reviewtool once as $owner to create the tables, e.g.:"
echo "  reviewtool --db postgresql://$owner@HOST/$database list"
