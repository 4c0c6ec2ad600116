-- Leaves the application's runtime database role able to INSERT and SELECT audit rows and nothing more:
-- no UPDATE, DELETE or TRUNCATE of audit_event, so even someone holding the application's database
-- password cannot rewrite or shorten the audit trail. audit_head (one row per chain: its length and
-- last hash) must stay updatable: every append moves it.
--
-- How IT applies it, with psql, as the role that OWNS the tables (the one Flyway migrated with), after
-- the first start of the application and again after every upgrade:
--
--   psql "host=db.hospital.internal dbname=messaging user=messaging_owner" \
--        -v ON_ERROR_STOP=1 -v app_role=messaging_app -f config/database/audit-role.sql
--
-- This only protects anything if the runtime role (the user of the JDBC pool jdbc/messaging) is a
-- different role from the owner, is not a superuser, and is not a member of the owner: an owner can
-- always grant itself back what was revoked. The runtime role still needs its usual rights on the other
-- tables. The last query must answer false, false, false.

REVOKE ALL ON audit_event FROM PUBLIC;
REVOKE ALL ON audit_head FROM PUBLIC;

REVOKE ALL ON audit_event FROM :"app_role";
GRANT SELECT, INSERT ON audit_event TO :"app_role";

REVOKE ALL ON audit_head FROM :"app_role";
GRANT SELECT, INSERT, UPDATE ON audit_head TO :"app_role";

SELECT has_table_privilege(:'app_role', 'audit_event', 'UPDATE') AS can_update,
       has_table_privilege(:'app_role', 'audit_event', 'DELETE') AS can_delete,
       has_table_privilege(:'app_role', 'audit_event', 'TRUNCATE') AS can_truncate;
