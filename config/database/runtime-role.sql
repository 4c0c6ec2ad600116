-- Gives the application's runtime role what it needs on the tables the schema owner created, and no
-- more on the audit trail (audit-role.sql). config/database/migrate.sh applies it after migrating when
-- APP_ROLE is set; by hand, as the owner:
--
--   psql "host=db.hospital.internal dbname=messaging user=messaging_owner" \
--        -v ON_ERROR_STOP=1 -v app_role=messaging_app -f config/database/runtime-role.sql
--
-- Run it again after every upgrade: new tables need their grants.

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- The migration history is the owner's: the application only reads it to check that nothing is pending.
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM :"app_role";

\ir audit-role.sql
