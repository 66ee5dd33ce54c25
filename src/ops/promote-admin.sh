#!/usr/bin/env bash
# Makes an existing storefront account an administrator. Admins are never created by sign-up: the person
# signs up as a customer, then an operator with database access runs this. It takes effect at their next
# sign-in. Connection settings are psql's usual environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE,
# PGPASSWORD or ~/.pgpass); the defaults suit the local dev database.
#
#   src/ops/promote-admin.sh person@example.com
#   PGHOST=db.internal PGDATABASE=storefront src/ops/promote-admin.sh person@example.com
set -euo pipefail

email=${1:-}
if [ -z "$email" ] || [ $# -ne 1 ]; then
  echo "usage: $0 EMAIL" >&2
  exit 2
fi
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-storefront_dev}

# The address is passed as a psql variable and quoted by psql (:'email'), never spliced into the SQL.
updated=$(psql -X -q -v ON_ERROR_STOP=1 -v email="$email" -At <<'SQL'
UPDATE account.customer SET role = 'admin', updated_at = now() WHERE email = lower(trim(:'email')) RETURNING email;
SQL
)
if [ -z "$updated" ]; then
  echo "No account with e-mail $email in database $PGDATABASE on $PGHOST." >&2
  exit 1
fi
echo "$updated is now an administrator (from their next sign-in)."
